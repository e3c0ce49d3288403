/**
 * The log-moment estimate of 1/α at one block size K1 on a pool of `columns` runs of `rows` values each
 * (one run per coordinate, value j of a run from minibatch j; 1-D data: one run). Blocks stay inside a
 * run: run c, block i sums values iK1 … iK1 + K1 − 1, so every block sums K1 independent values of one
 * coordinate (docs/theory.md#log-moment-estimator). Per block
 *   D_ci = ( ln|Y_ci| − (1/K1) Σ_{j∈block} ln|x_cj| ) / ln K1,   E D_ci = 1/α,
 * and 1/α̂ = mean of D_ci. `blockRowMeans[i]` = mean over runs of D_ci: block-row i depends on minibatches
 * iK1 … iK1 + K1 − 1 only, so resampling block rows resamples whole minibatches.
 *
 * With `centred` (each run had its sample mean subtracted) the centred values are SαS with scale
 * c_n(α)·σ, c_n(α) = ((1 − 1/n)^α + (n − 1)/n^α)^(1/α), n the run length, and the block sums with scale
 * K1^(1/α)·c_{n/K1}(α)·σ; so E D = 1/α + (ln c_{n/K1} − ln c_n)/ln K1, and that shift is removed
 * by three fixed-point steps in α (it is 0.03 at α = 1.2, n = 64, K1 = 16, enough to fake a drift).
 */
import { MACHINE_EPSILON } from './sumLogAbs.ts'

/** The log-moment estimate at one block size K1, with its per-block-row means. */
export interface BlockSizeEstimate {
  blockSize: number
  /** Block rows K2 = ⌊rows/K1⌋. */
  blockRows: number
  inverseAlpha: number
  /** min(1/inverseAlpha, 2), NaN when inverseAlpha ≤ 0. */
  alpha: number
  /** Standard error of inverseAlpha: the larger of the block-row (batch means) and the all-blocks one. */
  standardError: number
  blockRowMeans: Float64Array
}

/** ln c_n(α) of the mean-centring shift (see the file comment). */
export function centringLogScale(n: number, alpha: number): number {
  return Math.log((1 - 1 / n) ** alpha + (n - 1) / n ** alpha) / alpha
}

/**
 * The log-moment estimate of 1/α at block size K1 on `columns` runs of `rows` values: per block
 * D = (ln|Y| − mean ln|x|)/ln K1 with E D = 1/α, averaged, plus the per-block-row means for resampling whole
 * minibatches (docs/theory.md#log-moment-estimator, docs/theory.md#batch-size-curve). With `centred`, the bias of
 * centring is removed by three fixed-point steps in α.
 */
export function logMomentByBlockSize(
  values: Float64Array,
  lnAbs: Float64Array,
  rows: number,
  columns: number,
  blockSize: number,
  centred = false,
): BlockSizeEstimate {
  const k1 = blockSize
  const k2 = Math.floor(rows / k1)
  const means = new Float64Array(Math.max(0, k2))
  const empty = {
    blockSize: k1,
    blockRows: k2,
    inverseAlpha: NaN,
    alpha: NaN,
    standardError: NaN,
    blockRowMeans: means,
  }
  if (!(k1 >= 2) || !(k2 >= 2) || !(columns >= 1)) return empty
  const lnK1 = Math.log(k1)
  let sum = 0
  let sumSq = 0
  for (let c = 0; c < columns; c++) {
    const base = c * rows
    for (let i = 0; i < k2; i++) {
      const start = base + i * k1
      let y = 0
      let l = 0
      for (let j = start; j < start + k1; j++) {
        y += values[j]
        l += lnAbs[j]
      }
      const d = (Math.log(Math.abs(y) + MACHINE_EPSILON) - l / k1) / lnK1
      means[i] += d
      sum += d
      sumSq += d * d
    }
  }
  const count = columns * k2
  let inverse = sum / count
  for (let i = 0; i < k2; i++) means[i] /= columns
  const allBlocks = Math.sqrt(Math.max(0, sumSq / count - inverse * inverse) / (count - 1))
  let ss = 0
  for (let i = 0; i < k2; i++) ss += (means[i] - inverse) ** 2
  const batchMeans = Math.sqrt(ss / (k2 - 1) / k2)
  if (centred && inverse > 0) {
    const raw = inverse
    for (let step = 0; step < 3; step++) {
      const a = Math.min(2, 1 / inverse)
      const shift = (centringLogScale(rows / k1, a) - centringLogScale(rows, a)) / lnK1
      inverse = raw - shift
      if (!(inverse > 0)) break
    }
    const shift = raw - inverse
    for (let i = 0; i < k2; i++) means[i] -= shift
  }
  return {
    blockSize: k1,
    blockRows: k2,
    inverseAlpha: inverse,
    alpha: inverse > 0 ? Math.min(2, 1 / inverse) : NaN,
    standardError: Math.max(allBlocks, batchMeans),
    blockRowMeans: means,
  }
}
