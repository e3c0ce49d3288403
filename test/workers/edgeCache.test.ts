/**
 * Edge caching (workers/http/edgeCache.ts) inside workerd, against the real Worker and its Cache API:
 * hits and misses, canonical keys (reordered query, reordered and respaced JSON), changed requests miss,
 * problems and uploads are never stored, random endpoints only with a seed, and a hit is served from the
 * cache (a doctored entry comes back as is).
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { CACHE_RULES, cacheRule, canonicalJson, canonicalKey, canonicalQuery } from '../../workers/http/edgeCache.ts'

const BASE = 'https://levy-escape.test'
const post = (path: string, body: string) =>
  SELF.fetch(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
const status = (res: Response) => res.headers.get('cache-status')

const Q =
  'basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01&optimizers.adam.alpha=1.7&optimizers.adam.lr=0.001'

describe('canonical keys', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: 1.0, c: 'x' })).toBe('{"a":1,"b":[3,{"a":2,"z":1}],"c":"x"}')
    expect(canonicalJson(JSON.parse('{ "b" : 2 , "a" : 1e0 }'))).toBe(canonicalJson({ a: 1, b: 2 }))
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it('sorts query parameters by name', () => {
    expect(canonicalQuery(new URLSearchParams('b=2&a=1,3&c=x'))).toBe('a=1%2C3&b=2&c=x')
  })

  it('keys POST bodies by content, and random endpoints only with a seed', async () => {
    const url = new URL(`${BASE}/v1/stable/sample`)
    const rule = cacheRule('POST', url.pathname)!
    expect(rule.seeded).toBe(true)
    expect(await canonicalKey(url, 'POST', '{"alpha":1.5,"n":10}', rule)).toBeUndefined()
    const a = await canonicalKey(url, 'POST', '{"alpha":1.5,"n":10,"seed":3}', rule)
    const b = await canonicalKey(url, 'POST', '{"seed":3, "n":10, "alpha":1.50}', rule)
    const c = await canonicalKey(url, 'POST', '{"alpha":1.5,"n":10,"seed":4}', rule)
    expect(a).toMatch(/\/__cache\/[^/]+\/v1\/stable\/sample\/post-[0-9a-f]{64}$/)
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    expect(await canonicalKey(url, 'POST', '[1,2]', rule)).toBeUndefined()
    expect(await canonicalKey(url, 'POST', 'not json', rule)).toBeUndefined()
  })

  it('never lists the upload endpoint or the service routes', () => {
    expect(cacheRule('POST', '/v1/probe')).toBeUndefined()
    expect(cacheRule('GET', '/healthz')).toBeUndefined()
    expect(cacheRule('GET', '/openapi.json')).toBeUndefined()
    expect(cacheRule('POST', '/v1/models/digits-mlp-sgd/probe')?.seeded).toBe(true)
    expect(CACHE_RULES.length).toBe(5)
  })
})

describe('GET answers', () => {
  it('miss then hit with the same bytes and ETag; reordered query hits; changed value misses', async () => {
    const first = await SELF.fetch(`${BASE}/v1/escape-time?${Q}`)
    expect(first.status).toBe(200)
    expect(status(first)).toBe('levy-escape; fwd=miss; stored')
    const firstText = await first.text()
    const second = await SELF.fetch(`${BASE}/v1/escape-time?${Q}`)
    expect(status(second)).toBe('levy-escape; hit')
    expect(await second.text()).toBe(firstText)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(second.headers.get('content-type')).toBe('application/json')
    expect(second.headers.get('access-control-allow-origin')).toBe('*')

    const reordered = Q.split('&').reverse().join('&')
    const third = await SELF.fetch(`${BASE}/v1/escape-time?${reordered}`)
    expect(status(third)).toBe('levy-escape; hit')
    expect(await third.text()).toBe(firstText)

    const changed = await SELF.fetch(`${BASE}/v1/escape-time?${Q.replace('sgd.alpha=1.5', 'sgd.alpha=1.6')}`)
    expect(status(changed)).toBe('levy-escape; fwd=miss; stored')
    const changedBody = (await changed.json()) as { sgd: { alpha: number } }
    expect(changedBody.sgd.alpha).toBe(1.6)
  })

  it('answers 304 from the cache when If-None-Match matches', async () => {
    const url = `${BASE}/v1/stable/pdf?alpha=1.3&x=0,1,2`
    const first = await SELF.fetch(url)
    const etag = first.headers.get('etag')!
    await first.arrayBuffer()
    const again = await SELF.fetch(url, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(status(again)).toBe('levy-escape; hit')
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
  })

  it('serves the stored entry without computing (a doctored entry comes back as is)', async () => {
    const url = `${BASE}/v1/stable/cdf?alpha=1.1&x=0`
    const first = await SELF.fetch(url)
    expect((await first.json()) as unknown).toEqual({ alpha: 1.1, loc: 0, scale: 1, x: [0], cdf: [0.5], warnings: [] })
    const key = `${BASE}/__cache/${encodeURIComponent((await (await SELF.fetch(`${BASE}/healthz`)).json<{ version: string }>()).version)}/v1/stable/cdf?alpha=1.1&x=0`
    await (caches as unknown as { default: Cache }).default.put(
      key,
      new Response('{"doctored":true}', {
        headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' },
      }),
    )
    const hit = await SELF.fetch(url)
    expect(status(hit)).toBe('levy-escape; hit')
    expect(await hit.json()).toEqual({ doctored: true })
  })
})

describe('POST answers', () => {
  const body = {
    basin: { kind: 'quadratic', curvatures: [1, 4], height: 0.5 },
    noise: { scale: 1 },
    optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
  }

  it('hits for the same JSON in another key order and spacing; keeps no-store for the client', async () => {
    const first = await post('/v1/escape-time', JSON.stringify(body))
    expect(first.status).toBe(200)
    expect(status(first)).toBe('levy-escape; fwd=miss; stored')
    expect(first.headers.get('cache-control')).toBe('no-store')
    const text = await first.text()
    const respaced = `{ "optimizers": {"sgd": {"lr": 0.01, "alpha": 1.50}}, "noise": {"scale": 1}, "basin": {"height": 0.5, "curvatures": [1, 4], "kind": "quadratic"} }`
    const again = await post('/v1/escape-time', respaced)
    expect(status(again)).toBe('levy-escape; hit')
    expect(again.headers.get('cache-control')).toBe('no-store')
    expect(await again.text()).toBe(text)
    const changed = await post('/v1/escape-time', JSON.stringify({ ...body, noise: { scale: 1.5 } }))
    expect(status(changed)).toBe('levy-escape; fwd=miss; stored')
    expect(await changed.text()).not.toBe(text)
  })

  it('never stores a problem', async () => {
    const bad = JSON.stringify({ ...body, noise: { scale: -1 } })
    for (let i = 0; i < 2; i++) {
      const res = await post('/v1/escape-time', bad)
      expect(res.status).toBe(400)
      expect(status(res)).toBeNull()
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    const badGet = `${BASE}/v1/stable/pdf?alpha=7&x=0`
    for (let i = 0; i < 2; i++) {
      const res = await SELF.fetch(badGet)
      expect(res.status).toBe(400)
      expect(status(res)).toBeNull()
    }
  })

  it('caches random draws only when the request names its seed', async () => {
    const unseeded = JSON.stringify({ alpha: 1.5, n: 5 })
    for (let i = 0; i < 2; i++) {
      const res = await post('/v1/stable/sample', unseeded)
      expect(res.status).toBe(200)
      expect(status(res)).toBe('levy-escape; fwd=uri-miss')
    }
    const seeded = JSON.stringify({ alpha: 1.5, n: 5, seed: 9 })
    const first = await post('/v1/stable/sample', seeded)
    expect(status(first)).toBe('levy-escape; fwd=miss; stored')
    const again = await post('/v1/stable/sample', seeded)
    expect(status(again)).toBe('levy-escape; hit')
    expect(await again.json()).toEqual(await first.json())
  })

  it('never caches an upload to /v1/probe', async () => {
    const form = new FormData()
    form.set('model', new Blob([new Uint8Array([1, 2, 3])]), 'm.onnx')
    form.set('data', '{"x": [[0]], "labels": [0]}')
    for (let i = 0; i < 2; i++) {
      const res = await SELF.fetch(`${BASE}/v1/probe`, { method: 'POST', body: form })
      expect(res.status).toBe(400)
      expect(status(res)).toBeNull()
    }
  })
})
