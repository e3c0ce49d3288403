/**
 * A deadline on a probe (docs/model-contract.md#while-it-runs): wraps a gradient oracle so that each call
 * first checks the time spent since the wrap, and stops the probe between oracle calls once it exceeds
 * `seconds` by throwing `DeadlineExceeded` (caught by runProbe, which answers 422 with what was done).
 * `done()` reports the per-sample gradient evaluations and calls made so far.
 */
import type { GradientOracle } from '../../src/probe/index.ts'

export class DeadlineExceeded extends Error {
  constructor(
    readonly elapsedSeconds: number,
    readonly evaluations: number,
    readonly runs: number,
  ) {
    super(`stopped after ${elapsedSeconds.toFixed(1)} s`)
  }
}

export function withDeadline(
  oracle: GradientOracle,
  seconds: number,
  now: () => number = () => performance.now(),
): { oracle: GradientOracle; done: () => { evaluations: number; runs: number; seconds: number } } {
  const t0 = now()
  let evaluations = 0
  let runs = 0
  const elapsed = () => (now() - t0) / 1000
  const wrapped: GradientOracle = {
    parameters: oracle.parameters,
    samples: oracle.samples,
    unitRoundoff: oracle.unitRoundoff,
    maxBatch: oracle.maxBatch,
    evaluate: async (theta, indices, options) => {
      const e = elapsed()
      if (e > seconds) throw new DeadlineExceeded(e, evaluations, runs)
      const r = await oracle.evaluate(theta, indices, options)
      evaluations += indices.length
      runs++
      return r
    },
  }
  const hvp = oracle.hessianVectorProduct?.bind(oracle)
  if (hvp) {
    // the exact Hessian-vector product, when the oracle has it, is guarded and counted the same way
    wrapped.hessianVectorProduct = async (theta, v, indices) => {
      const e = elapsed()
      if (e > seconds) throw new DeadlineExceeded(e, evaluations, runs)
      const r = await hvp(theta, v, indices)
      evaluations += indices.length
      runs++
      return r
    }
  }
  return { oracle: wrapped, done: () => ({ evaluations, runs, seconds: elapsed() }) }
}
