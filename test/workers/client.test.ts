/** The typed hc client (workers/client.ts) against the Worker inside workerd. */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createClient } from '../../workers/client.ts'

const api = createClient('https://levy-escape.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init),
})

describe('typed client', () => {
  it('calls a POST endpoint with a typed body and reads a typed answer', async () => {
    const res = await api.v1.stable.sample.$post({ json: { alpha: 1.5, n: 4, seed: 7 } })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.seed).toBe(7)
    expect(body.samples).toHaveLength(4)
  })

  it('reads /healthz', async () => {
    const res = await api.healthz.$get()
    expect((await res.json()).status).toBe('ok')
  })
})
