/**
 * McCulloch's (1986) quantile estimator of a symmetric α-stable law (docs/theory.md#mcculloch-estimator).
 *
 * With sample quantiles x̂_p (type 7: linear interpolation between order statistics, as numpy's default),
 *   ν̂ = (x̂_0.95 − x̂_0.05) / (x̂_0.75 − x̂_0.25),   α̂ = ν⁻¹(ν̂),   σ̂ = (x̂_0.75 − x̂_0.25) / (2·Q_α̂(0.75)),
 * where ν(α) = Q_α(0.95)/Q_α(0.75) is the same ratio for SαS(1) (β = 0, so the skewness index of McCulloch's
 * method is not needed). ν is decreasing, from ∞ at α → 0 to 2.4387 at α = 2 (Gaussian); ν̂ ≤ ν(2) gives
 * α̂ = 2, ν̂ ≥ ν(0.5) gives α̂ = 0.5 (McCulloch's range). Instead of his printed tables, ν is computed from
 * src/stable `quantile` on α = 0.50, 0.51, …, 2.00 (once, on first use) and interpolated linearly; the
 * interpolation error is below 1e−4 in α. Reference: J. H. McCulloch, "Simple consistent estimators of
 * stable distribution parameters", Commun. Statist. Simul. 15 (1986) 1109–1136.
 * Total: NaN for fewer than 4 values or a zero interquartile range.
 */
import { MCCULLOCH_RATIO, NU_ALPHA_MIN, NU_ALPHA_STEP, QUARTILE } from './tables/tailDiagnosticsTable.ts'

/** α and σ of a fitted SαS(σ) law. */
export interface StableFit {
  alpha: number
  /** σ of SαS(σ) (characteristic function exp(−|σt|^α)). */
  scale: number
}

const ALPHA_MIN = NU_ALPHA_MIN
const STEP = NU_ALPHA_STEP
const NODES = MCCULLOCH_RATIO.length

/** ν(α) = Q_α(0.95)/Q_α(0.75) by the table (α ∈ [0.5, 2]). */
export function mccullochRatio(alpha: number): number {
  const nu = MCCULLOCH_RATIO
  const h = (Math.min(2, Math.max(ALPHA_MIN, alpha)) - ALPHA_MIN) / STEP
  const i = Math.min(NODES - 2, Math.floor(h))
  return nu[i] + (h - i) * (nu[i + 1] - nu[i])
}

/** α̂ and σ̂ from the four sample quantiles x̂_0.05, x̂_0.25, x̂_0.75, x̂_0.95. */
export function mccullochFromQuantiles(q05: number, q25: number, q75: number, q95: number): StableFit {
  const iqr = q75 - q25
  const ratio = (q95 - q05) / iqr
  if (!(iqr > 0) || !Number.isFinite(ratio)) return { alpha: NaN, scale: NaN }
  const nu = MCCULLOCH_RATIO
  const quartile = QUARTILE
  let alpha: number
  let scale: number
  if (ratio <= nu[NODES - 1]) {
    alpha = 2
    scale = iqr / (2 * quartile[NODES - 1])
  } else if (ratio >= nu[0]) {
    alpha = ALPHA_MIN
    scale = iqr / (2 * quartile[0])
  } else {
    // nu is decreasing: find i with nu[i] ≥ ratio > nu[i + 1]
    let lo = 0
    let hi = NODES - 1
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (nu[mid] >= ratio) lo = mid
      else hi = mid
    }
    const f = (nu[lo] - ratio) / (nu[lo] - nu[hi])
    alpha = ALPHA_MIN + (lo + f) * STEP
    scale = iqr / (2 * (quartile[lo] + f * (quartile[hi] - quartile[lo])))
  }
  return { alpha, scale }
}

/** Type-7 sample quantile of ascending `sorted` (numpy's default): linear between order statistics. */
function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p
  const i = Math.floor(h)
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i]
}

/** McCulloch's estimate from ascending `sorted` values. */
export function mccullochFromSorted(sorted: ArrayLike<number>): StableFit {
  if (sorted.length < 4) return { alpha: NaN, scale: NaN }
  return mccullochFromQuantiles(
    sortedQuantile(sorted, 0.05),
    sortedQuantile(sorted, 0.25),
    sortedQuantile(sorted, 0.75),
    sortedQuantile(sorted, 0.95),
  )
}

/** McCulloch's estimate of the values (any order; not modified). */
export function mccullochEstimate(values: ArrayLike<number>): StableFit {
  return mccullochFromSorted(Float64Array.from(values).sort())
}
