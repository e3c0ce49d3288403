/**
 * Synthetic gradient-noise rows with a known tail index and the softmax output layer's constraint
 * (docs/experiments.md "Two poolings"; docs/theory.md#log-moment-estimator, docs/theory.md#pooled-estimator): P rows of M i.i.d. SαS(α, 1) entries
 * (src/stable `sample`, Chambers–Mallows–Stuck); in the columns [constrainedFrom, M) each run of `group`
 * consecutive entries of a row is replaced by z − mean(z), so it sums to zero exactly, as Σ_c ∂ℓ/∂b_c = 0
 * and Σ_c ∂ℓ/∂W_L[h, c] = 0 do for a softmax cross-entropy with the [in, out] weight layout. Each entry
 * stays SαS with the same α (a linear combination of i.i.d. SαS variables is SαS), so every column's
 * true tail index is α. A trailing partial group (M − constrainedFrom not a multiple of group) is left
 * unconstrained.
 */
import { createRng } from '../../src/random/index.ts'
import { sample } from '../../src/stable/index.ts'

export function constrainedStableRows(
  alpha: number,
  P: number,
  M: number,
  constrainedFrom: number,
  seed: number,
  group = 10,
): Float64Array[] {
  const rng = createRng(seed)
  return Array.from({ length: P }, () => {
    const row = sample(alpha, 1, M, rng)
    for (let g = Math.max(0, constrainedFrom); g + group <= M; g += group) {
      let s = 0
      for (let k = g; k < g + group; k++) s += row[k]
      for (let k = g; k < g + group; k++) row[k] -= s / group
    }
    return row
  })
}
