import { describe, expect, it } from 'vitest'
import { estimateProbeCost } from '../../src/probe/estimateProbeCost.ts'
import { evaluateSet } from '../../src/probe/evaluateSet.ts'
import { finiteDifferenceHessianVectorProduct } from '../../src/probe/hessianVectorProduct.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { type ProbeSettings, probeMinimum } from '../../src/probe/probeMinimum.ts'
import { randomTheta, syntheticData } from './helpers.ts'

const settings: ProbeSettings = {
  measures: ['loss', 'noise', 'curvature', 'sharpness', 'slice'],
  radius: 0,
  batchSize: 8,
  batches: 20,
  topK: 3,
  iterations: 12,
  traceSamples: 4,
  sharpnessRadius: 0.1,
  sharpnessDirections: 3,
  ascentSteps: 2,
  sliceRange: 0.5,
  slicePoints: 5,
  seed: 7,
}

describe('probeMinimum', () => {
  const layers = [5, 6, 3]
  const data = syntheticData(80, 5, 3, 51)
  const oracle = mlpOracle(layers, data)!
  const theta = randomTheta(oracle.parameters, 0.5, 52)
  const strip = (m: Awaited<ReturnType<typeof probeMinimum>>) =>
    JSON.stringify(m, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v))

  it('is deterministic: the same settings and seed give the same bytes; another seed differs', async () => {
    const a = strip(await probeMinimum(oracle, theta, settings))
    const b = strip(await probeMinimum(oracle, theta, settings))
    expect(a).toBe(b)
    const c = strip(await probeMinimum(oracle, theta, { ...settings, seed: 8 }))
    expect(c).not.toBe(a)
  })

  it('a measure does not depend on which others are requested', async () => {
    const all = await probeMinimum(oracle, theta, settings)
    const only = await probeMinimum(oracle, theta, { ...settings, measures: ['noise'] })
    expect(only.noise!.estimate.alpha).toBe(all.noise!.estimate.alpha)
    expect(only.curvature).toBeUndefined()
    const sh = await probeMinimum(oracle, theta, { ...settings, measures: ['sharpness'] })
    expect(sh.sharpness).toEqual(all.sharpness)
  })

  it('loss equals the full evaluation; the slice passes through it at t = 0; the point moves by radius', async () => {
    const r = await probeMinimum(oracle, theta, settings)
    const full = await evaluateSet(oracle, theta)
    expect(r.loss!.value).toBe(full.loss)
    expect(r.slice!.t[2]).toBe(0)
    expect(r.slice!.loss[2]).toBe(full.loss)
    expect(r.curvature!.eigenvalues.length).toBe(3)
    const moved = await probeMinimum(oracle, theta, { ...settings, radius: 0.3, measures: ['loss'] })
    expect(moved.loss!.value).not.toBe(full.loss)
    expect(moved.point).toEqual({ radius: 0.3, seed: 7 })
  })

  it("uses the oracle's own Hessian-vector products when it has them, and says which method it used", async () => {
    const fd = await probeMinimum(oracle, theta, { ...settings, measures: ['curvature'] })
    expect(fd.curvature!.method).toBe('finite-difference')
    expect(fd.curvature!.step).toBeCloseTo(Math.cbrt(2 ** -53) * Math.max(1, Math.hypot(...theta)), 15)
    // an oracle whose exact product is a float64 central difference with a 10× smaller step, counted
    let calls = 0
    const withHvp = {
      ...oracle,
      hessianVectorProduct: async (t: Float64Array, v: Float64Array, indices: ArrayLike<number>) => {
        calls++
        expect(indices.length).toBe(oracle.samples)
        return finiteDifferenceHessianVectorProduct(oracle, t, v, 1e-6)
      },
    }
    const ex = await probeMinimum(withHvp, theta, { ...settings, measures: ['curvature'] })
    expect(ex.curvature!.method).toBe('exact')
    expect(ex.curvature!.step).toBeUndefined()
    expect(calls).toBe(ex.curvature!.products)
    ex.curvature!.eigenvalues.forEach((l, i) =>
      expect(Math.abs(l - fd.curvature!.eigenvalues[i])).toBeLessThan(1e-6 * fd.curvature!.eigenvalues[0]),
    )
  })

  it('the evaluation count matches the a-priori cost estimate exactly', async () => {
    const r = await probeMinimum(oracle, theta, settings)
    const cost = estimateProbeCost(settings, oracle.samples, oracle.parameters, 1e-9)
    expect(r.evaluations).toBe(cost.evaluations)
    expect(cost.seconds).toBeCloseTo(cost.evaluations * oracle.parameters * 1e-9, 12)
  })

  it('the oracle calls match the a-priori run count for batches split at maxBatch', async () => {
    for (const maxBatch of [oracle.samples, 7]) {
      let calls = 0
      const counting = {
        ...oracle,
        maxBatch,
        evaluate: (...a: Parameters<typeof oracle.evaluate>) => {
          calls++
          return oracle.evaluate(...a)
        },
      }
      const r = await probeMinimum(counting, theta, settings)
      const cost = estimateProbeCost(settings, oracle.samples, oracle.parameters, 1e-9, maxBatch)
      expect(calls).toBe(cost.runs)
      expect(cost.stages.reduce((a, s) => a + s.evaluations, 0)).toBe(r.evaluations)
    }
  })
})
