/**
 * The log-moment estimate of 1/α and its confidence interval from the per-block statistics
 * (Mohammadi, Mohammadpour & Ogata 2015, Metrika 78:549–561; docs/theory.md#log-moment-estimator).
 *
 * With blocks of K1 samples, Y_i = Σ_{j∈block i} X_j, the estimator
 *   1/α̂ = (1/ln K1)·[ (1/K2) Σ_i ln‖Y_i‖ − (1/K) Σ_j ln‖X_j‖ ]
 * is exactly the mean of the K2 block statistics
 *   D_i = ( ln‖Y_i‖ − (1/K1) Σ_{j∈block i} ln‖X_j‖ ) / ln K1,
 * which are i.i.d. for i.i.d. data, with E D_i = 1/α exactly (strict stability: Y =_d K1^(1/α) X) and
 * finite variance (logarithms of stable norms have all moments). So the Student-t interval
 *   1/α ∈ D̄ ± t_{K2−1, (1+c)/2} · s_D/√K2
 * has asymptotic coverage c as K2 → ∞; the t quantile (rather than the normal one) is the small-sample
 * correction. The interval is mapped to α by α = 1/(1/α), which is monotone, so α has the same coverage.
 * α ≤ 2 for every stable law: the α interval and the point estimate are clipped at 2, and a lower
 * 1/α bound ≤ 0 (no upper bound on α from the data) gives the upper α bound 2. Coverage measured by
 * simulation: docs/tail-coverage.md.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

/** 1/α̂, α̂ and the t interval from the block statistics (docs/theory.md#log-moment-estimator). */
export interface LogMomentEstimate {
  /** 1/α̂, the unbiased statistic (may exceed 1/2 or be ≤ 0 in small or non-stable samples). */
  inverseAlpha: number
  /** min(1/inverseAlpha, 2); NaN when inverseAlpha ≤ 0 (too few samples to estimate α). */
  alpha: number
  /** 1/inverseAlpha before clipping at 2 (NaN when inverseAlpha ≤ 0). */
  rawAlpha: number
  /** Standard error of 1/α̂: s_D/√K2. */
  standardError: number
  /** K1. */
  blockSize: number
  /** K2. */
  blocks: number
  /** Samples (or vectors) used, K1·K2. */
  used: number
  /** Trailing samples (or vectors) left out, N − K1·K2. */
  dropped: number
  /** Interval for α at the given confidence, clipped at 2 (NaN bounds when inverseAlpha ≤ 0). */
  interval: { lower: number; upper: number; confidence: number }
  /** The unclipped t interval for 1/α. */
  inverseInterval: { lower: number; upper: number }
}

/** An estimate whose every number is NaN (bad input or layout; the core is total). */
export function emptyEstimate(
  blockSize: number,
  blocks: number,
  used: number,
  dropped: number,
  confidence: number,
): LogMomentEstimate {
  return {
    inverseAlpha: NaN,
    alpha: NaN,
    rawAlpha: NaN,
    standardError: NaN,
    blockSize,
    blocks,
    used,
    dropped,
    interval: { lower: NaN, upper: NaN, confidence },
    inverseInterval: { lower: NaN, upper: NaN },
  }
}

/** Maps 1/α to α ∈ (0, 2]: NaN for inverse ≤ 0 or NaN. */
const toAlpha = (inverse: number): number => (inverse > 0 ? Math.min(1 / inverse, 2) : NaN)

/**
 * Estimate and interval from the block statistics D_1..D_K2 (K2 = d.length ≥ 2) and the confidence c ∈ (0, 1).
 * Mean and variance by a two-pass sum (stable for the ≤ 10^6 blocks met in practice).
 */
export function logMomentFromBlocks(
  d: Float64Array,
  confidence: number,
  blockSize: number,
  used: number,
  dropped: number,
): LogMomentEstimate {
  const k2 = d.length
  if (k2 < 2 || !(confidence > 0 && confidence < 1)) return emptyEstimate(blockSize, k2, used, dropped, confidence)
  let sum = 0
  for (let i = 0; i < k2; i++) sum += d[i]
  const mean = sum / k2
  let ss = 0
  for (let i = 0; i < k2; i++) ss += (d[i] - mean) ** 2
  const se = Math.sqrt(ss / (k2 - 1) / k2)
  const half = tQuantile((1 + confidence) / 2, k2 - 1) * se
  const lowerInverse = mean - half
  const upperInverse = mean + half
  const valid = mean > 0
  return {
    inverseAlpha: mean,
    alpha: toAlpha(mean),
    rawAlpha: valid ? 1 / mean : NaN,
    standardError: se,
    blockSize,
    blocks: k2,
    used,
    dropped,
    interval: {
      lower: valid ? toAlpha(upperInverse) : NaN,
      upper: valid ? (lowerInverse > 0 ? toAlpha(lowerInverse) : 2) : NaN,
      confidence,
    },
    inverseInterval: { lower: lowerInverse, upper: upperInverse },
  }
}
