import { evaluateSet } from './evaluateSet.ts'
import type { GradientOracle } from './oracle.ts'
import { along } from './vector.ts'

/** Loss along θ* + t·v at the offsets t, with the evaluations spent. */
export interface LossSlice {
  t: number[]
  loss: number[]
  evaluations: number
}

/**
 * A 1-D slice of the evaluation loss through θ along a unit direction v:
 * L(t) = F(θ + t v) for t on the uniform grid of `points` values in [−range, range] (t = 0 included
 * when `points` is odd). Exact up to the oracle's rounding; one loss pass per point.
 * See docs/theory.md#probe.
 */
export async function lossSlice(
  oracle: GradientOracle,
  theta: Float64Array,
  direction: Float64Array,
  options: { range: number; points: number },
): Promise<LossSlice> {
  const n = Math.max(2, Math.floor(options.points))
  const t: number[] = []
  const loss: number[] = []
  let evaluations = 0
  for (let i = 0; i < n; i++) {
    const ti = -options.range + (2 * options.range * i) / (n - 1)
    const r = await evaluateSet(oracle, along(theta, ti, direction), { gradient: false })
    evaluations += r.evaluations
    t.push(ti)
    loss.push(r.loss)
  }
  return { t, loss, evaluations }
}
