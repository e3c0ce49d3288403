/**
 * Mean of exponential first-exit times from runs right-censored at a cap (type-I censoring), with an exact
 * confidence interval (docs/escape-experiment.md#estimator).
 *
 * Model: each run's exit iteration is Exp(mean K) (the escape theory's Exp(1) law of λΓ, to leading order), a run
 * that has not left by its cap contributes its cap. With T = Σ_runs (iterations run) and r exits, the likelihood is
 * K^(−r) e^(−T/K), so the maximum-likelihood mean is
 *
 *   K̂ = T / r,   s.e. = K̂ / √r   (observed information),
 *
 * the estimator of `simulate`. Exits of memoryless runs are a Poisson process in the total exposure T, so the
 * exact (Garwood) interval for the rate 1/K at level 1 − a, inverted, is
 *
 *   [ 2T / χ²_{1−a/2}(2r + 2),  2T / χ²_{a/2}(2r) ]   (upper bound +∞ when r = 0).
 *
 * χ² quantiles with even degrees of freedom are Gamma(n, 1) quantiles times 2, found by bisection on the exact
 * Poisson-sum form of the Gamma(n, 1) distribution function, P(n, x) = 1 − e^(−x) Σ_{j<n} x^j/j!, summed in log
 * space (relative accuracy 1e-12 on the quantile). With no exit the mean is undefined (NaN) and only the lower
 * bound is finite. Total: non-finite or negative inputs give NaN fields.
 */
import gammaln from '@stdlib/math-base-special-gammaln'

/**
 * Mean of censored exponential exit times with its standard error and exact interval (docs/theory.md#simulation-estimator).
 */
export interface CensoredMean {
  /** T/r (NaN when r = 0). */
  mean: number
  /** mean/√r. */
  standardError: number
  /** Lower end of the interval: 2T/χ²_{1−a/2}(2r + 2). */
  lower: number
  /** Upper end of the interval: 2T/χ²_{a/2}(2r) (+∞ when r = 0). */
  upper: number
}

/**
 * The upper tail Q(n, x) = e^(−x) Σ_{j<n} x^j/j! of Gamma(n, 1) (n a positive integer), i.e. P(Gamma > x).
 * (docs/theory.md#simulation-estimator)
 */
export function gammaUpperTail(n: number, x: number): number {
  if (!(x > 0)) return 1
  const lx = Math.log(x)
  // log-sum-exp over the Poisson terms t_j = j ln x − x − ln j!, which peak at j = min(n − 1, ⌊x⌋)
  const jMax = Math.min(n - 1, Math.floor(x))
  const max = jMax * lx - x - gammaln(jMax + 1)
  let s = 0
  let t = -x - max // t_0 − max, then t_j = t_{j−1} + ln x − ln j
  for (let j = 0; j < n; j++) {
    if (j > 0) t += lx - Math.log(j)
    s += Math.exp(t)
  }
  return Math.min(1, Math.exp(max) * s)
}

/**
 * The p-quantile of χ² with 2n degrees of freedom (n a positive integer), by bisection on gammaUpperTail.
 * (docs/theory.md#simulation-estimator)
 */
export function chiSquareEvenQuantile(n: number, p: number): number {
  if (!(n >= 1) || !Number.isInteger(n) || !(p > 0 && p < 1)) return NaN
  // Gamma(n,1) quantile g with 1 − Q(n, g) = p; bracket [0, hi] grown until the cdf passes p
  let lo = 0
  let hi = n + 10 * Math.sqrt(n) + 10
  while (1 - gammaUpperTail(n, hi) < p) hi *= 2
  for (let it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
    const mid = (lo + hi) / 2
    if (1 - gammaUpperTail(n, mid) < p) lo = mid
    else hi = mid
  }
  return lo + hi
}

/**
 * K̂, its standard error and the exact interval at `confidence` from T iterations run in all and r exits.
 * (docs/theory.md#simulation-estimator)
 */
export function censoredExponentialMean(totalIterations: number, escaped: number, confidence = 0.95): CensoredMean {
  const T = totalIterations
  const r = escaped
  if (!(T > 0) || !Number.isFinite(T) || !(r >= 0) || !Number.isInteger(r) || !(confidence > 0 && confidence < 1))
    return { mean: NaN, standardError: NaN, lower: NaN, upper: NaN }
  const a = 1 - confidence
  const lower = (2 * T) / chiSquareEvenQuantile(r + 1, 1 - a / 2)
  const upper = r === 0 ? Infinity : (2 * T) / chiSquareEvenQuantile(r, a / 2)
  const mean = r === 0 ? NaN : T / r
  return { mean, standardError: mean / Math.sqrt(r), lower, upper }
}
