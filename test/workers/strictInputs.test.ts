/**
 * Strict inputs, the new SαS endpoints and the single-step regime inside workerd. Oracles: the requests' own
 * keys (unknown keys named, "did you mean" for a close one), closed forms (Cauchy α = 1: f = 1/(πσ(1+z²)),
 * S = atan(1/z)/π; normal α = 2: log f = −z²/4 − log(2√π) − log σ; the leading tail term c_α z^(−1−α) and
 * (C_α/2) z^(−α) far out), and the interval's closed-form Lévy mass ν(W) = (c_α/α)σ^α(a^(−α) + b^(−α)).
 */

import { SELF } from 'cloudflare:test'
import gamma from '@stdlib/math-base-special-gamma'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
type Problem = { status: number; detail: string; errors: { path: string; message: string }[] }
type Warning = { code: string; severity: string; optimizer?: string; message: string; see: string }
const post = (path: string, body: unknown) =>
  SELF.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const get = (pathAndQuery: string) => SELF.fetch(`${BASE}${pathAndQuery}`)
async function problem(res: Response): Promise<Problem> {
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  return (await res.json()) as Problem
}

const escapeBody = {
  basin: { kind: 'interval', left: 1, right: 2 },
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
}

describe('unknown keys are refused, naming the key', () => {
  it('a misspelt key in a body: "did you mean" the close valid key', async () => {
    const body = await problem(
      await post('/v1/escape-time', { ...escapeBody, noise: { scale: 1, modle: 'isotropic' } }),
    )
    expect(body.errors).toEqual([
      {
        path: 'noise.modle',
        message: 'is not a known field: did you mean `model`? (accepted here: `scale`, `model`)',
      },
    ])
    expect(body.detail).toContain('`noise.modle`')
  })

  it('the same in the GET form, and the removed Monte-Carlo options', async () => {
    const q =
      'basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&noise.modle=isotropic&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'
    const body = await problem(await get(`/v1/escape-time?${q}`))
    expect(body.errors.map((e) => e.path)).toEqual(['noise.modle'])
    expect(body.errors[0].message).toMatch(/did you mean `model`\?/)
    for (const key of ['samples', 'seed']) {
      const b = await problem(await post('/v1/escape-time', { ...escapeBody, [key]: 3 }))
      expect(b.errors).toEqual([{ path: key, message: expect.stringMatching(/^is not a known field: remove it/) }])
    }
    const typo = await problem(await post('/v1/stable/pdf', { alpa: 1.5, x: [0] }))
    expect(typo.errors.map((e) => [e.path, /did you mean `alpha`\?/.test(e.message)])).toContainEqual(['alpa', true])
  })

  it('optimizers must name at least one optimizer; an array is not an object of optimizers', async () => {
    for (const optimizers of [{}, []]) {
      const b = await problem(await post('/v1/escape-time', { ...escapeBody, optimizers }))
      expect(b.errors).toEqual([{ path: 'optimizers', message: 'give at least one of "sgd" and "adam"' }])
    }
  })

  it('/v1/compare takes exactly two model ids', async () => {
    for (const models of [['digits-sgd'], ['digits-sgd', 'digits-adam', 'digits-sgd']]) {
      const b = await problem(await post('/v1/compare', { models }))
      expect(b.errors[0].path).toMatch(/^models/)
    }
  })
})

describe('β and loc on the SαS endpoints', () => {
  it('beta ≠ 0 is refused; beta = 0 gives the same answer and ETag as no beta', async () => {
    const b = await problem(await get('/v1/stable/pdf?alpha=1.5&x=0&beta=0.5'))
    expect(b.errors).toEqual([
      {
        path: 'beta',
        message: 'only the symmetric law (β = 0) is supported; leave `beta` out or send 0 (got 0.5)',
      },
    ])
    const plain = await get('/v1/stable/pdf?alpha=1.5&x=0')
    const zero = await get('/v1/stable/pdf?alpha=1.5&x=0&beta=0')
    expect(zero.status).toBe(200)
    expect(await zero.text()).toBe(await plain.text())
    expect(zero.headers.get('etag')).toBe(plain.headers.get('etag'))
  })

  it('loc shifts the law: Cauchy closed forms at x − μ, quantiles moved by μ', async () => {
    const [mu, s] = [3, 2]
    const x = [-10, 0, 3, 4.5, 50]
    const pdf = (await (await post('/v1/stable/pdf', { alpha: 1, loc: mu, scale: s, x })).json()) as {
      loc: number
      pdf: number[]
    }
    expect(pdf.loc).toBe(3)
    x.forEach((xi, i) => expect(pdf.pdf[i]).toBeCloseTo(1 / (Math.PI * s * (1 + ((xi - mu) / s) ** 2)), 12))
    const q = (await (await post('/v1/stable/quantile', { alpha: 1, loc: mu, scale: s, p: [0.5, 0.75] })).json()) as {
      quantile: number[]
    }
    expect(q.quantile[0]).toBeCloseTo(3, 12)
    expect(q.quantile[1]).toBeCloseTo(3 + 2 * Math.tan(Math.PI / 4), 10)
  })
})

describe('/v1/stable/sf and /v1/stable/logpdf', () => {
  it('sf is exact far in the tail, where cdf rounds to 1 (and cdf says so)', async () => {
    const x = [0, 1, 1e3, 1e10, 1e100]
    const sf = (await (await post('/v1/stable/sf', { alpha: 1, x })).json()) as { sf: number[]; warnings: unknown[] }
    x.forEach((xi, i) => {
      const exact = xi === 0 ? 0.5 : Math.atan(1 / xi) / Math.PI
      expect(Math.abs(sf.sf[i] / exact - 1)).toBeLessThan(1e-12)
    })
    expect(sf.warnings).toEqual([])
    // α = 1.5, σ = 2: S(x) → (C_α/2)(x/σ)^(−α), C_α = 2Γ(α)sin(πα/2)/π; relative correction O(z^(−α)) ≈ 1e−18
    const C = (2 * gamma(1.5) * Math.sin(0.75 * Math.PI)) / Math.PI
    const far = (await (await post('/v1/stable/sf', { alpha: 1.5, scale: 2, x: [1e12] })).json()) as { sf: number[] }
    expect(Math.abs(far.sf[0] / ((C / 2) * (1e12 / 2) ** -1.5) - 1)).toBeLessThan(1e-12)
    const cdf = (await (await post('/v1/stable/cdf', { alpha: 1.5, x: [0, 1e20] })).json()) as {
      cdf: number[]
      warnings: Warning[]
    }
    expect(cdf.cdf[1]).toBe(1)
    expect(cdf.warnings).toEqual([
      {
        code: 'cdf-saturated',
        severity: 'info',
        message: expect.stringMatching(/rounds to 1 at 1 point \(first x = 100000000000000000000\); \/v1\/stable\/sf/),
        see: '/docs/theory#sas-numerics',
      },
    ])
  })

  it('logpdf stays finite where pdf underflows (and pdf says so)', async () => {
    const x = [0, 100, -1e50]
    const normalRes = await get(`/v1/stable/logpdf?alpha=2&scale=3&x=${encodeURIComponent(x.join(','))}`)
    const normal = (await normalRes.json()) as {
      detail?: string
      logpdf: number[]
    }
    expect(normal.detail).toBeUndefined()
    expect(normal.logpdf).toEqual(
      x.map((xi) => expect.closeTo(-((xi / 3) ** 2) / 4 - Math.log(2 * Math.sqrt(Math.PI)) - Math.log(3), 9)),
    )
    const c = (gamma(2.5) * Math.sin(0.75 * Math.PI)) / Math.PI
    const heavy = (await (await post('/v1/stable/logpdf', { alpha: 1.5, x: [1e250] })).json()) as { logpdf: number[] }
    expect(Math.abs(heavy.logpdf[0] - (Math.log(c) - 2.5 * Math.log(1e250)))).toBeLessThan(1e-9)
    const pdf = (await (await post('/v1/stable/pdf', { alpha: 1.5, x: [1, 1e250] })).json()) as {
      pdf: number[]
      warnings: Warning[]
    }
    expect(pdf.pdf[1]).toBe(0)
    expect(pdf.warnings.map((w) => [w.code, w.severity, w.see])).toEqual([
      ['pdf-underflow', 'info', '/docs/theory#sas-numerics'],
    ])
  })
})

describe('single-step regime', () => {
  it('a mean escape under one iteration is marked "single-step" with an "invalid" warning', async () => {
    // ν(W) = (c_α/α)σ^α(a^(−α) + b^(−α)), K = η^(−α)/ν(W): with σ = 1000, η = 0.1, a = b = 1, α = 1.5, K ≈ 1e−3.
    const [alpha, lr, sigma] = [1.5, 0.1, 1000]
    const res = await post('/v1/escape-time', {
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: sigma },
      optimizers: { sgd: { alpha, lr } },
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { sgd: { meanEscapeIterations: number; regime: string }; warnings: Warning[] }
    const c = (gamma(1 + alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI
    const K = lr ** -alpha / ((c / alpha) * sigma ** alpha * 2)
    expect(body.sgd.meanEscapeIterations / K).toBeCloseTo(1, 10)
    expect(body.sgd.meanEscapeIterations).toBeLessThan(1)
    expect(body.sgd.regime).toBe('single-step')
    const single = body.warnings.filter((w) => w.code === 'single-step')
    expect(single).toEqual([
      {
        code: 'single-step',
        severity: 'invalid',
        optimizer: 'sgd',
        message: expect.stringMatching(/left within one step/),
        see: '/docs/theory#single-step',
      },
    ])
    const slow = (await (await post('/v1/escape-time', escapeBody)).json()) as { sgd: { regime: string } }
    expect(slow.sgd.regime).toBe('asymptotic')
  })
})
