import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'

describe('GET /healthz', () => {
  it('reports ok and the package version', async () => {
    const res = await SELF.fetch('https://levy-escape.test/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', version: pkg.version })
  })
})
