/**
 * /v1/escape-time inside workerd. Oracles: the closed forms of docs/theory.md#exit-mass with c_α from the
 * independent table T1 (docs/theory.md#validation): interval ν_L(W) = (c σ^α/α)(a^−α + b^−α), m(W) = (σ^α/2)(a^−α + b^−α),
 * P(right) = b^−α/(a^−α + b^−α); quadratic axis m(W) = Σ (σ²λ_i/(2h))^(α/2); the mechanism factors multiply
 * to the iteration ratio (docs/theory.md#sgd-vs-adam). GET form = POST, caching, caps.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
const C_ALPHA_15 = 0.2992067103 // T1, α = 1.5
const postJson = (body: unknown) =>
  SELF.fetch(`${BASE}/v1/escape-time`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
type Opt = {
  levyMass: number
  radonMeasure: number
  meanEscapeIterations: number
  epsilon: number
  exitProbabilities: { direction: string; probability: number }[]
}
type Body = {
  sgd: Opt
  adam: Opt
  comparison: { iterationRatio: number; mechanisms: { geometry: number; tailIndex: number; learningRate: number } }
  warnings: string[]
  normalization: string
  noiseModel: string
  dimension: number
}

describe('/v1/escape-time', () => {
  it('interval basin: the closed forms of docs/theory.md#interval-exit-mass (GET form, docs/api.md example)', async () => {
    const res = await SELF.fetch(
      `${BASE}/v1/escape-time?basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
    const b = (await res.json()) as Body
    const sum = 1 + 2 ** -1.5
    expect(b.sgd.levyMass).toBeCloseTo((C_ALPHA_15 / 1.5) * sum, 9)
    expect(b.sgd.radonMeasure).toBeCloseTo(sum / 2, 12)
    expect(b.sgd.meanEscapeIterations / (0.01 ** -1.5 / ((C_ALPHA_15 / 1.5) * sum))).toBeCloseTo(1, 8)
    expect(b.sgd.epsilon).toBeCloseTo(0.01 ** (0.5 / 1.5), 12)
    const right = b.sgd.exitProbabilities.find((e) => e.direction === 'right')!
    expect(right.probability).toBeCloseTo(2 ** -1.5 / sum, 12)
    expect(b.normalization).toBe('stable')
    expect(Array.isArray(b.warnings)).toBe(true)
  })

  it('quadratic axis basin, SGD vs Adam: m(W) closed form and mechanisms multiplying to the ratio', async () => {
    const body = {
      basin: { kind: 'quadratic', curvatures: [1, 4], height: 0.5 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001, preconditioner: [1, 2] } },
    }
    const b = (await (await postJson(body)).json()) as Body
    expect(b.dimension).toBe(2)
    expect(b.noiseModel).toBe('axis')
    expect(b.sgd.radonMeasure).toBeCloseTo(1 + 4 ** 0.75, 10)
    // Adam: A_ii = σ²λ_i/q_i² = [1, 1] → m = 2 at any α
    expect(b.adam.radonMeasure).toBeCloseTo(2, 10)
    const m = b.comparison.mechanisms
    expect((m.geometry * m.tailIndex * m.learningRate) / b.comparison.iterationRatio).toBeCloseTo(1, 10)
    expect(b.comparison.iterationRatio).toBeCloseTo(b.adam.meanEscapeIterations / b.sgd.meanEscapeIterations, 8)
    expect(m.learningRate).toBeCloseTo((0.01 / 0.001) ** 1.7, 6)
  })

  it('a full Hessian by GET (rows separated by ;) equals the same POST body, byte for byte', async () => {
    const q =
      'basin.kind=quadratic&basin.hessian=2,0.5;0.5,1&basin.height=1&noise.scale=1,2&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'
    const viaGet = await (await SELF.fetch(`${BASE}/v1/escape-time?${q}`)).text()
    const viaPost = await (
      await postJson({
        basin: {
          kind: 'quadratic',
          hessian: [
            [2, 0.5],
            [0.5, 1],
          ],
          height: 1,
        },
        noise: { scale: [1, 2] },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      })
    ).text()
    expect(viaGet).toBe(viaPost)
    expect(JSON.parse(viaGet).dimension).toBe(2)
  })

  it('400 with dotted paths: α outside (1, 2), no optimizer, a non-symmetric Hessian, d > 256', async () => {
    const r1 = (await (
      await SELF.fetch(
        `${BASE}/v1/escape-time?basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=2&optimizers.sgd.lr=0.01`,
      )
    ).json()) as { errors: { path: string }[] }
    expect(r1.errors.map((e) => e.path)).toContain('optimizers.sgd.alpha')
    const r2 = await postJson({ basin: { kind: 'interval', left: 1, right: 2 }, noise: { scale: 1 }, optimizers: {} })
    expect(r2.status).toBe(400)
    const r3 = (await (
      await postJson({
        basin: {
          kind: 'quadratic',
          hessian: [
            [2, 0.5],
            [0.7, 1],
          ],
          height: 1,
        },
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      })
    ).json()) as { errors: { path: string }[] }
    expect(r3.errors[0].path).toBe('basin.hessian.1.0')
    const r4 = await postJson({
      basin: { kind: 'quadratic', curvatures: Array(257).fill(1), height: 1 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(r4.status).toBe(400)
  })

  it('d = 256 (the cap) with a full Hessian answers', async () => {
    const d = 256
    const hessian = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? 0.5 : 0)),
    )
    const res = await postJson({
      basin: { kind: 'quadratic', hessian, height: 1 },
      noise: { scale: 1, model: 'isotropic' },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.6, lr: 0.001 } },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as Body).dimension).toBe(256)
  })
})
