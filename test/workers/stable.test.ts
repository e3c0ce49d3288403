/**
 * /v1/stable/* inside workerd. Oracles: closed forms (Cauchy α = 1: f = 1/(π(1+x²)), F = ½ + atan(x)/π,
 * Q = tan(π(p − ½)); Gaussian α = 2: N(0, 2σ²)), the variance 2σ² of α = 2 samples; caching and
 * determinism of GET answers.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
const postJson = (path: string, body: unknown) =>
  SELF.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('/v1/stable/pdf, cdf, quantile', () => {
  it('match the Cauchy closed forms at α = 1 (scale 2)', async () => {
    const x = [-30, -2, -0.5, 0, 0.25, 1, 7]
    const s = 2
    const pdf = (await (await postJson('/v1/stable/pdf', { alpha: 1, scale: s, x })).json()) as {
      pdf: number[]
      scale: number
      x: number[]
    }
    expect(pdf.x).toEqual(x)
    expect(pdf.scale).toBe(2)
    x.forEach((xi, i) => expect(pdf.pdf[i]).toBeCloseTo(1 / (Math.PI * s * (1 + (xi / s) ** 2)), 10))
    const cdf = (await (await postJson('/v1/stable/cdf', { alpha: 1, scale: s, x })).json()) as { cdf: number[] }
    x.forEach((xi, i) => expect(cdf.cdf[i]).toBeCloseTo(0.5 + Math.atan(xi / s) / Math.PI, 10))
    const p = [0.001, 0.1, 0.5, 0.75, 0.999]
    const q = (await (await postJson('/v1/stable/quantile', { alpha: 1, scale: s, p })).json()) as {
      quantile: number[]
    }
    p.forEach((pi, i) => {
      const exact = s * Math.tan(Math.PI * (pi - 0.5))
      if (exact === 0) expect(Math.abs(q.quantile[i])).toBeLessThan(1e-9)
      else expect(q.quantile[i] / exact).toBeCloseTo(1, 7)
    })
  })

  it('match N(0, 2σ²) at α = 2 through the GET form (default scale 1)', async () => {
    const res = await SELF.fetch(`${BASE}/v1/stable/pdf?alpha=2&x=0,1,2.5`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { pdf: number[]; scale: number }
    expect(body.scale).toBe(1)
    ;[0, 1, 2.5].forEach((xi, i) =>
      expect(body.pdf[i]).toBeCloseTo(Math.exp(-(xi ** 2) / 4) / Math.sqrt(4 * Math.PI), 10),
    )
  })

  it('GET answers are cached: Cache-Control, a strong ETag, 304 on If-None-Match, same bytes as POST', async () => {
    const url = `${BASE}/v1/stable/cdf?alpha=1.5&x=-1,0,1`
    const a = await SELF.fetch(url)
    const etag = a.headers.get('etag')!
    expect(a.headers.get('cache-control')).toBe('public, max-age=86400')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    const bytes = await a.text()
    const b = await SELF.fetch(url)
    expect(await b.text()).toBe(bytes)
    expect(b.headers.get('etag')).toBe(etag)
    const c = await SELF.fetch(url, { headers: { 'if-none-match': `"nope", W/${etag}` } })
    expect(c.status).toBe(304)
    expect(await c.text()).toBe('')
    expect(c.headers.get('etag')).toBe(etag)
    // A 304 has no content and so no Content-Type (validating proxies refuse one).
    expect(c.headers.get('content-type')).toBeNull()
    const d = await SELF.fetch(url, { headers: { 'if-none-match': '"other"' } })
    expect(d.status).toBe(200)
    const post = await postJson('/v1/stable/cdf', { alpha: 1.5, x: [-1, 0, 1] })
    expect(await post.text()).toBe(bytes)
    expect(post.headers.get('etag')).toBeNull()
  })

  it('refuses p outside (0, 1), too many points and α outside (0, 2] with dotted paths', async () => {
    const r1 = (await (await postJson('/v1/stable/quantile', { alpha: 1.5, p: [0.5, 1] })).json()) as {
      errors: { path: string }[]
    }
    expect(r1.errors.map((e) => e.path)).toEqual(['p.1'])
    const r2 = await postJson('/v1/stable/pdf', { alpha: 1.5, x: Array.from({ length: 1001 }, () => 0) })
    expect(r2.status).toBe(400)
    const r3 = await SELF.fetch(`${BASE}/v1/stable/pdf?alpha=0&x=1`)
    expect(((await r3.json()) as { errors: { path: string }[] }).errors[0].path).toBe('alpha')
  })
})

describe('/v1/stable/sample', () => {
  it('is deterministic for a seed, echoes the default seed, and differs between seeds', async () => {
    const a = await (await postJson('/v1/stable/sample', { alpha: 1.2, n: 50, seed: 42 })).text()
    const b = await (await postJson('/v1/stable/sample', { alpha: 1.2, n: 50, seed: 42 })).text()
    expect(a).toBe(b)
    const c = (await (await postJson('/v1/stable/sample', { alpha: 1.2, n: 50, seed: 43 })).json()) as {
      samples: number[]
    }
    expect(c.samples).not.toEqual(JSON.parse(a).samples)
    const d = (await (await postJson('/v1/stable/sample', { alpha: 1.2, n: 5 })).json()) as { seed: number }
    expect(d.seed).toBe(1)
  })

  it('α = 2 samples have variance 2σ² (n = 100000, σ = 3: 4-sigma band of the sample variance)', async () => {
    const body = (await (await postJson('/v1/stable/sample', { alpha: 2, scale: 3, n: 100000, seed: 5 })).json()) as {
      samples: number[]
    }
    const n = body.samples.length
    expect(n).toBe(100000)
    const mean = body.samples.reduce((s, x) => s + x, 0) / n
    const variance = body.samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)
    // var of the sample variance of a normal: 2σ⁴/(n−1) with σ² = 18 → sd ≈ 0.0805
    expect(Math.abs(variance - 18)).toBeLessThan(4 * Math.sqrt((2 * 18 ** 2) / (n - 1)))
  })

  it('refuses n above 100000 and non-integer seeds', async () => {
    expect((await postJson('/v1/stable/sample', { alpha: 1.5, n: 100001 })).status).toBe(400)
    const r = (await (await postJson('/v1/stable/sample', { alpha: 1.5, n: 3, seed: 1.5 })).json()) as {
      errors: { path: string }[]
    }
    expect(r.errors[0].path).toBe('seed')
  })
})
