import { describe, expect, inject, it } from 'vitest'
import pkg from '../../package.json'

describe('wrangler dev', () => {
  it('serves /healthz over real HTTP', async () => {
    const res = await fetch(`${inject('baseUrl')}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', version: pkg.version })
  })
})
