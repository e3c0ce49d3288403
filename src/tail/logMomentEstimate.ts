import { blockLayout } from './blockLayout.ts'
import { emptyEstimate, type LogMomentEstimate, logMomentFromBlocks } from './logMomentFromBlocks.ts'
import { MACHINE_EPSILON, sumLogAbs } from './sumLogAbs.ts'

/**
 * Log-moment estimate of the tail index α from 1-D samples (Mohammadi, Mohammadpour & Ogata 2015;
 * docs/theory.md#log-moment-estimator with ‖·‖ = |·|, and docs/theory.md#pooled-estimator's "machine epsilon inside each log"):
 *   Y_i = Σ_{j=1}^{K1} x_{(i−1)K1+j},   1/α̂ = (1/ln K1)·[ mean_i ln(|Y_i| + ε) − mean_j ln(|x_j| + ε) ],
 * over the first K1·K2 samples (K2 = ⌊N/K1⌋), with a Student-t interval on the block statistics
 * (see logMomentFromBlocks). Reproduces docs/theory.md#validation-tables to 1e−15 (1-D rows) and T8 within the sampling error.
 * The samples must be i.i.d., symmetric and centred (docs/theory.md#estimator-caveats). Scale-invariant up to the ε terms.
 *
 * `blockSize` defaults to the rule of blockLayout. Invalid input (fewer than 4 samples, a block size that
 * leaves fewer than 2 blocks, confidence ∉ (0, 1)) gives an estimate full of NaN; never throws.
 */
export function logMomentEstimate(values: ArrayLike<number>, blockSize?: number, confidence = 0.95): LogMomentEstimate {
  const layout = blockLayout(values.length, blockSize)
  const k1 = layout.blockSize
  const k2 = layout.blocks
  if (!(k1 >= 2)) return emptyEstimate(k1, k2, layout.used, layout.dropped, confidence)
  const d = new Float64Array(k2)
  const lnK1 = Math.log(k1)
  for (let i = 0; i < k2; i++) {
    const start = i * k1
    const end = start + k1
    let y = 0
    for (let j = start; j < end; j++) y += values[j]
    d[i] = (Math.log(Math.abs(y) + MACHINE_EPSILON) - sumLogAbs(values, start, end) / k1) / lnK1
  }
  return logMomentFromBlocks(d, confidence, k1, layout.used, layout.dropped)
}
