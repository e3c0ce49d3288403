/** Operations without parameters refuse a query key with a 400 problem naming it (nothing is silently ignored). */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'

describe('operations without query parameters', () => {
  for (const path of [
    '/healthz',
    '/openapi.json',
    '/docs',
    '/docs/theory',
    '/v1/models',
    '/v1/models/digits-mlp-sgd',
  ]) {
    it(`${path}?beta=0.5 is a 400 naming beta`, async () => {
      const res = await SELF.fetch(`${BASE}${path}?beta=0.5&beta=1`)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const body = (await res.json()) as { detail: string; errors: { path: string }[] }
      expect(body.errors).toEqual([{ path: 'beta', message: 'not a parameter of this operation' }])
      expect(body.detail).toContain('`beta`')
      const plain = await SELF.fetch(`${BASE}${path}`)
      expect(plain.status).toBe(200)
      await plain.arrayBuffer()
    })
  }
})
