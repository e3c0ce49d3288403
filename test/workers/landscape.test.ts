/**
 * /v1/landscape inside workerd. Oracle: q_ij = η^α (c_α/α)(|r_lo|^−α − |r_hi|^−α) for the jumps that carry
 * minimum i into basin j (docs/theory.md#landscape, c_α from table T1), zero diagonal, stationary weights summing
 * to 1 and satisfying πQ = 0 for the generator Q built from the rates.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
const C_ALPHA_15 = 0.2992067103

describe('/v1/landscape', () => {
  it('rates from the Lévy measure, stationary weights of the chain (GET form = POST)', async () => {
    const q = 'walls=-1,1,3&minima=-2,0,2,4&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'
    const res = await SELF.fetch(`${BASE}/v1/landscape?${q}`)
    expect(res.status).toBe(200)
    const text = await res.text()
    const post = await SELF.fetch(`${BASE}/v1/landscape`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        walls: [-1, 1, 3],
        minima: [-2, 0, 2, 4],
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      }),
    })
    expect(await post.text()).toBe(text)
    const b = JSON.parse(text) as {
      sgd: { rates: number[][]; meanResidenceIterations: number[]; stationary: number[] }
      normalization: string
    }
    const k = 0.01 ** 1.5 * (C_ALPHA_15 / 1.5)
    // minimum −2 into basin (−1, 1): jumps y ∈ (1, 3)
    expect(b.sgd.rates[0][1] / (k * (1 - 3 ** -1.5))).toBeCloseTo(1, 8)
    // minimum 0 into basin (1, 3): y ∈ (1, 3); into basin 0 (−∞, −1): y < −1
    expect(b.sgd.rates[1][2] / (k * (1 - 3 ** -1.5))).toBeCloseTo(1, 8)
    expect(b.sgd.rates[1][0] / k).toBeCloseTo(1, 8)
    b.sgd.rates.forEach((row, i) => expect(row[i]).toBe(0))
    const pi = b.sgd.stationary
    expect(pi.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12)
    for (let j = 0; j < 4; j++) {
      const inflow = pi.reduce((s, p, i) => s + (i === j ? 0 : p * b.sgd.rates[i][j]), 0)
      const outflow = pi[j] * b.sgd.rates[j].reduce((s, x) => s + x, 0)
      expect(inflow / outflow).toBeCloseTo(1, 9)
    }
    b.sgd.meanResidenceIterations.forEach((m, i) =>
      expect(m * b.sgd.rates[i].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10),
    )
  })

  it('400 for walls that do not increase and for a minimum outside its basin', async () => {
    const res = await SELF.fetch(
      `${BASE}/v1/landscape?walls=1,-1&minima=-2,0,2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`,
    )
    expect(res.status).toBe(400)
    const res2 = await SELF.fetch(
      `${BASE}/v1/landscape?walls=0&minima=1,2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`,
    )
    const b = (await res2.json()) as { errors: { path: string }[] }
    expect(b.errors.some((e) => e.path.startsWith('minima'))).toBe(true)
  })
})
