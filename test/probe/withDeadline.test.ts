/**
 * The probe deadline (workers/models/withDeadline.ts) on the float64 MLP oracle with a fake clock: calls before the
 * deadline go through and are counted, the first call after it throws DeadlineExceeded with what was done, and the
 * probe stops there (no further oracle call).
 */
import { describe, expect, it } from 'vitest'
import { finiteDifferenceHessianVectorProduct } from '../../src/probe/hessianVectorProduct.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { type ProbeSettings, probeMinimum } from '../../src/probe/probeMinimum.ts'
import { DeadlineExceeded, withDeadline } from '../../workers/models/withDeadline.ts'
import { randomTheta, syntheticData } from './helpers.ts'

function tinyProblem() {
  const oracle = mlpOracle([4, 5, 3], syntheticData(40, 4, 3, 11))!
  const theta = randomTheta(oracle.parameters, 0.5, 12)
  const settings: ProbeSettings = {
    measures: ['loss', 'noise', 'curvature'],
    radius: 0,
    batchSize: 8,
    batches: 10,
    topK: 2,
    iterations: 6,
    traceSamples: 2,
    sharpnessRadius: 0.1,
    sharpnessDirections: 2,
    ascentSteps: 1,
    sliceRange: 0.5,
    slicePoints: 3,
    seed: 5,
  }
  return { oracle, theta, settings }
}

describe('withDeadline', () => {
  it('stops the probe between oracle calls once the clock passes the deadline', async () => {
    const { oracle, theta, settings } = tinyProblem()
    let clock = 0
    let calls = 0
    const ticking = {
      ...oracle,
      evaluate: (...a: Parameters<typeof oracle.evaluate>) => {
        calls++
        clock += 1000 // each call takes 1 s on the fake clock
        return oracle.evaluate(...a)
      },
    }
    const g = withDeadline(ticking, 3.5, () => clock)
    const err = await probeMinimum(g.oracle, theta, settings).then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(DeadlineExceeded)
    const e = err as DeadlineExceeded
    // calls at t = 0, 1, 2, 3 s run; the fifth, at 4 s > 3.5 s, is refused before it runs
    expect(calls).toBe(4)
    expect(e.runs).toBe(4)
    expect(e.elapsedSeconds).toBe(4)
    expect(e.evaluations).toBe(g.done().evaluations)
    expect(e.evaluations).toBeGreaterThan(0)
  })
  it('a probe within the deadline is untouched: same result as without the wrapper', async () => {
    const { oracle, theta, settings } = tinyProblem()
    const plain = await probeMinimum(oracle, theta, settings)
    const guarded = await probeMinimum(withDeadline(oracle, 1e9).oracle, theta, settings)
    const bytes = (m: unknown) => JSON.stringify(m, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v))
    expect(bytes(guarded)).toBe(bytes(plain))
  })

  it('keeps the exact Hessian-vector product of the oracle, guarded and counted like evaluate', async () => {
    const { oracle, theta, settings } = tinyProblem()
    let clock = 0
    const withHvp = {
      ...oracle,
      hessianVectorProduct: (t: Float64Array, v: Float64Array, indices: ArrayLike<number>) => {
        clock += 1000
        return finiteDifferenceHessianVectorProduct(oracle, t, v).then((hv) => {
          expect(indices.length).toBe(oracle.samples)
          return hv
        })
      },
    }
    const g = withDeadline(withHvp, 1e9, () => clock)
    expect(typeof g.oracle.hessianVectorProduct).toBe('function')
    const m = await probeMinimum(g.oracle, theta, { ...settings, measures: ['curvature'] })
    expect(m.curvature!.method).toBe('exact')
    // the loss pass, then one exact product per Lanczos step and Hutchinson vector
    expect(g.done().runs).toBe(1 + m.curvature!.products)
    const late = withDeadline(withHvp, 0.5, () => clock)
    clock += 1000
    await expect(late.oracle.hessianVectorProduct!(theta, theta, [0])).rejects.toBeInstanceOf(DeadlineExceeded)
  })
})
