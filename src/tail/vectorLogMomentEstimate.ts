import { blockLayout } from './blockLayout.ts'
import { columnMeans } from './columnMeans.ts'
import { emptyEstimate, type LogMomentEstimate, logMomentFromBlocks } from './logMomentFromBlocks.ts'
import { MACHINE_EPSILON, sumLogAbs } from './sumLogAbs.ts'

/** Options of `vectorLogMomentEstimate`: block size, centring, confidence. */
export interface VectorOptions {
  /** K1 in rows; default: the blockLayout rule on the number of rows. */
  blockSize?: number
  /** Subtract the column means first (default false). */
  center?: boolean
  /** Confidence of the interval (default 0.95). */
  confidence?: number
}

/**
 * Log-moment estimate of α from i.i.d. strictly stable vectors, the rows X_1..X_K of `rows`, with the
 * Euclidean norm (Mohammadi, Mohammadpour & Ogata 2015; docs/theory.md#log-moment-estimator, isotropy not required):
 *   Y_i = Σ_{j∈block i} X_j,   1/α̂ = (1/ln K1)·[ mean_i ln(‖Y_i‖ + ε) − mean_j ln(‖X_j‖ + ε) ],
 * blocks of K1 consecutive rows (default K1 from blockLayout applied to K), Student-t interval on the
 * block statistics (logMomentFromBlocks). Reproduces docs/theory.md#validation-tables (6×2 row) to 1e−15. With `center`, the
 * column means are subtracted first (docs/theory.md#estimator-caveats: the data must be centred).
 *
 * Rows of unequal length, fewer than 4 rows or a bad block size give an estimate full of NaN.
 */
export function vectorLogMomentEstimate(
  rows: ReadonlyArray<ArrayLike<number>>,
  options: VectorOptions = {},
): LogMomentEstimate {
  const confidence = options.confidence ?? 0.95
  const layout = blockLayout(rows.length, options.blockSize)
  const k1 = layout.blockSize
  const k2 = layout.blocks
  const dim = rows.length > 0 ? rows[0].length : 0
  if (!(k1 >= 2) || dim < 1 || rows.some((r) => r.length !== dim)) {
    return emptyEstimate(k1, k2, layout.used, layout.dropped, confidence)
  }
  const mean = options.center ? columnMeans(rows) : new Float64Array(dim)
  const norms = new Float64Array(k1)
  const y = new Float64Array(dim)
  const d = new Float64Array(k2)
  const lnK1 = Math.log(k1)
  for (let i = 0; i < k2; i++) {
    y.fill(0)
    for (let j = 0; j < k1; j++) {
      const row = rows[i * k1 + j]
      let ss = 0
      for (let c = 0; c < dim; c++) {
        const v = row[c] - mean[c]
        y[c] += v
        ss += v * v
      }
      norms[j] = Math.sqrt(ss)
    }
    let yy = 0
    for (let c = 0; c < dim; c++) yy += y[c] * y[c]
    d[i] = (Math.log(Math.sqrt(yy) + MACHINE_EPSILON) - sumLogAbs(norms) / k1) / lnK1
  }
  return logMomentFromBlocks(d, confidence, k1, layout.used, layout.dropped)
}
