/**
 * Hill's (1975) estimator of the tail exponent of |x|, with the threshold chosen by the KS-minimising rule
 * of Clauset, Shalizi & Newman (2009) (docs/theory.md#hill-estimator).
 *
 * With |x| in descending order a_1 ≥ a_2 ≥ …, the k largest above the threshold u = a_{k+1} give
 *   α̂_k = k / Σ_{i≤k} ln(a_i/u)
 * (the maximum-likelihood exponent of a Pareto tail P(|X| > a) = (a/u)^(−α) above u). For each candidate k
 * (about 60 values spaced geometrically from 20 to n/2), D_k = the Kolmogorov–Smirnov distance between the
 * k tail values and that fitted Pareto law; k̂ minimises D_k. α̂ > 2 says the tail is lighter than any
 * stable law with α < 2 (finite variance). For SαS data the power law holds only far out, and Hill is
 * biased upwards when α is near 2 (the regular variation sets in late), so it is reported beside the
 * stable-law estimators, not as one of them.
 * References: B. M. Hill, Ann. Statist. 3 (1975) 1163–1174; A. Clauset, C. R. Shalizi, M. E. J. Newman,
 * "Power-law distributions in empirical data", SIAM Review 51 (2009) 661–703.
 * Total: NaN for fewer than 40 nonzero values.
 */

export interface HillEstimate {
  alpha: number
  /** Tail values used, k̂. */
  k: number
  /** The threshold u = a_{k̂+1}. */
  threshold: number
  /** KS distance of the k̂ tail values to the fitted Pareto law. */
  ksDistance: number
}

const MIN_K = 20

/** Hill's estimate from |x| sorted in descending order (all finite, ≥ 0). */
export function hillFromDescending(a: Float64Array): HillEstimate {
  let n = a.length
  while (n > 0 && !(a[n - 1] > 0)) n--
  const none: HillEstimate = { alpha: NaN, k: 0, threshold: NaN, ksDistance: NaN }
  if (n < 2 * MIN_K) return none
  const kMax = Math.floor(n / 2)
  const candidates: number[] = []
  const ratio = (kMax / MIN_K) ** (1 / 59)
  for (let m = 0, last = 0; m < 60; m++) {
    const k = Math.min(kMax, Math.round(MIN_K * ratio ** m))
    if (k > last) candidates.push(k)
    last = k
  }
  // prefix sums of ln a_i
  const la = new Float64Array(kMax + 1)
  const logs = new Float64Array(kMax + 1)
  let sum = 0
  for (let i = 0; i <= kMax; i++) {
    la[i] = Math.log(a[i])
    logs[i] = sum
    sum += la[i]
  }
  let best = none
  for (const k of candidates) {
    const u = a[k]
    const lu = la[k]
    const denominator = logs[k] - k * lu
    if (!(denominator > 0)) continue
    const alpha = k / denominator
    // KS between the empirical survival of the tail values (i/k just below a_i, (i−1)/k at it) and (a/u)^(−α)
    let d = 0
    for (let i = 0; i < k; i++) {
      const s = Math.exp(-alpha * (la[i] - lu))
      const lo = Math.abs(s - i / k)
      const hi = Math.abs(s - (i + 1) / k)
      if (lo > d) d = lo
      if (hi > d) d = hi
    }
    if (!(best.ksDistance <= d)) best = { alpha, k, threshold: u, ksDistance: d }
  }
  return best
}

/** Hill's estimate of the values (any order, any sign; not modified). */
export function hillEstimate(values: ArrayLike<number>): HillEstimate {
  const a = new Float64Array(values.length)
  for (let i = 0; i < a.length; i++) a[i] = Math.abs(values[i])
  a.sort().reverse()
  return hillFromDescending(a)
}
