import gamma from '@stdlib/math-base-special-gamma'
import { describe, expect, it } from 'vitest'
import { evaluateSet } from '../../src/probe/evaluateSet.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { escapeRequest, probeEscape } from '../../src/probe/probeEscape.ts'
import { type ProbeSettings, probeMinimum } from '../../src/probe/probeMinimum.ts'
import { medianConstant } from '../../src/stable/medianConstant.ts'
import { randomTheta, syntheticData } from './helpers.ts'

/** Near-minimum of a logistic regression by plain gradient descent (float64 oracle). */
async function trainedLogistic() {
  const d = 6,
    c = 3
  const data = syntheticData(400, d, c, 61)
  const oracle = mlpOracle([d, c], data)!
  const theta = randomTheta(oracle.parameters, 0.1, 62)
  for (let k = 0; k < 300; k++) {
    const g = (await evaluateSet(oracle, theta)).gradient!
    for (let i = 0; i < theta.length; i++) theta[i] -= 1.0 * g[i]
  }
  return { oracle, theta }
}

const settings: ProbeSettings = {
  measures: ['noise', 'curvature', 'slice', 'escape'],
  radius: 0,
  batchSize: 16,
  batches: 200,
  topK: 3,
  iterations: 21,
  traceSamples: 4,
  sharpnessRadius: 0.1,
  sharpnessDirections: 2,
  ascentSteps: 1,
  sliceRange: 1,
  slicePoints: 11,
  seed: 3,
}

describe('probeEscape', () => {
  it('passes the local quadratic model to escapeTime: closed-form axis escape (docs/theory.md#axis-exit-mass)', async () => {
    const { oracle, theta } = await trainedLogistic()
    const m = await probeMinimum(oracle, theta, settings)
    const built = escapeRequest(m, { sgd: { lr: 0.05 } })
    expect(built.ok).toBe(true)
    if (!built.ok) return
    const req = built.value.request
    const alphaHat = m.noise!.estimate.alpha
    const alpha = Math.min(1.99, Math.max(1.01, alphaHat))
    expect(req.optimizers.sgd).toEqual({ alpha, lr: 0.05 })
    expect(req.basin.curvatures).toEqual(m.curvature!.eigenvalues.filter((l) => l > 0))
    // σ_i = median_j |⟨u_j, v_i⟩| / m_α, recomputed here
    const sig = m.curvature!.eigenvectors.map((v) => {
      const p = m.noise!.rows.map((u) => Math.abs(u.reduce((a, x, k) => a + x * v[k], 0))).sort((a, b) => a - b)
      const n = p.length
      return (n % 2 ? p[(n - 1) / 2] : (p[n / 2 - 1] + p[n / 2]) / 2) / medianConstant(alpha)
    })
    req.noise.scale.forEach((s, i) => expect(s).toBeCloseTo(sig[i], 12))
    // barrier: the smaller rise at the ends of the slice
    const h = Math.min(m.slice!.loss[0], m.slice!.loss[10]) - m.baseLoss
    expect(req.basin.height).toBe(h)
    expect(h).toBeGreaterThan(0)

    const r = probeEscape(m, { sgd: { lr: 0.05 } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const cAlpha = (gamma(1 + alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI
    const nu =
      ((2 * cAlpha) / alpha) *
      req.basin.curvatures.reduce((a, l, i) => a + ((sig[i] ** 2 * l) / (2 * h)) ** (alpha / 2), 0)
    expect(r.value.sgd!.levyMass).toBeCloseTo(nu, 8)
    expect(r.value.sgd!.meanEscapeIterations / (0.05 ** -alpha / nu)).toBeCloseTo(1, 10)
    expect(r.value.inputs).toEqual(req)
    expect(r.value.dimension).toBe(req.basin.curvatures.length)
  })

  it('a given height replaces the slice; both optimizers give the comparison', async () => {
    const { oracle, theta } = await trainedLogistic()
    const m = await probeMinimum(oracle, theta, { ...settings, measures: ['escape'], height: 0.3 })
    expect(m.slice).toBeUndefined()
    const r = probeEscape(m, { sgd: { lr: 0.05 }, adam: { lr: 0.001 } }, 0.3)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.inputs.basin.height).toBe(0.3)
    expect(r.value.adam!.preconditioner.length).toBe(r.value.dimension)
    expect(r.value.comparison!.iterationRatio).toBeCloseTo(
      r.value.adam!.meanEscapeIterations / r.value.sgd!.meanEscapeIterations,
      10,
    )
  })

  it('without a barrier on the slice, the answer is unanswerable and says what to change', async () => {
    const { oracle, theta } = await trainedLogistic()
    const m = await probeMinimum(oracle, theta, settings)
    const flat = { ...m, slice: { ...m.slice!, loss: m.slice!.loss.map(() => m.baseLoss) } }
    const r = probeEscape(flat, { sgd: { lr: 0.05 } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.kind).toBe('unanswerable')
      expect(r.detail).toMatch(/the loss is flat at this scale: pass height, or a larger sliceRange/)
      expect(r.issues.map((i) => i.path)).toEqual(['height', 'sliceRange'])
    }
    // over a ridge: the loss rises inside the slice and ends below the minimum's at one end
    const loss = m.slice!.loss.map((_, i, a) =>
      i === 0 ? m.baseLoss - 1e-3 : i === a.length >> 1 ? m.baseLoss : m.baseLoss + 1,
    )
    const ridge = probeEscape({ ...m, slice: { ...m.slice!, loss } }, { sgd: { lr: 0.05 } })
    expect(!ridge.ok && ridge.detail).toMatch(/the slice crosses a ridge: pass height, or a smaller sliceRange/)
  })
})
