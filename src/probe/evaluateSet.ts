import type { GradientOracle } from './oracle.ts'

/** Mean loss, accuracy and (optionally) mean gradient over a set of samples, with the evaluations spent. */
export interface SetEvaluation {
  loss: number
  accuracy: number
  gradient?: Float64Array
  /** Sample-gradient evaluations spent (|S|). */
  evaluations: number
}

/**
 * Loss, accuracy and gradient of the objective over a set of samples, evaluated through an oracle in
 * chunks of at most `oracle.maxBatch`: F_S(θ) = (1/|S|) Σ_{i∈S} f(θ; x_i, y_i) and ∇F_S(θ), with the
 * chunk means recombined by their sizes (exact up to rounding). Default S = the whole evaluation set.
 * See docs/theory.md#probe.
 */
export async function evaluateSet(
  oracle: GradientOracle,
  theta: Float64Array,
  options: { gradient?: boolean; indices?: ArrayLike<number> } = {},
): Promise<SetEvaluation> {
  const wantGrad = options.gradient !== false
  const all = options.indices ?? rangeIndices(oracle.samples)
  const n = all.length
  const chunk = Math.max(1, oracle.maxBatch)
  let lossSum = 0
  let correct = 0
  const gradient = wantGrad ? new Float64Array(oracle.parameters) : undefined
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk)
    const idx = new Int32Array(end - start)
    for (let i = start; i < end; i++) idx[i - start] = all[i]
    const r = await oracle.evaluate(theta, idx, { gradient: wantGrad })
    for (let i = 0; i < r.losses.length; i++) lossSum += r.losses[i]
    correct += r.correct
    if (gradient && r.gradient) {
      const w = (end - start) / n
      for (let p = 0; p < gradient.length; p++) gradient[p] += w * r.gradient[p]
    }
  }
  const out: SetEvaluation = { loss: n > 0 ? lossSum / n : NaN, accuracy: n > 0 ? correct / n : NaN, evaluations: n }
  if (gradient) out.gradient = gradient
  return out
}

/** 0, 1, …, n − 1: the indices of a whole evaluation set (docs/theory.md#probe). */
export function rangeIndices(n: number): Int32Array {
  const out = new Int32Array(Math.max(0, n))
  for (let i = 0; i < out.length; i++) out[i] = i
  return out
}
