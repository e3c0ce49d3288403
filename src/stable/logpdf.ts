/**
 * Log-density of X ~ SαS(σ), E exp(iuX) = exp(−σ^α|u|^α) (docs/theory.md#sas-law):
 *   log f(x; α, σ) = log f(|x|/σ; α, 1) − log σ.
 * Where the density is a normal double (f(z) ≥ 1e−280) this is the logarithm of `pdf` (relative error
 * ≤ 1e−12 there, so absolute error ≤ 1e−12 here). Farther out, where f underflows, it sums the tail series
 * (Bergström 1952; the one of tailSeries.ts) in logarithms:
 *   f(z) = (1/z) Σ_{k≥1} a_k z^(−αk),  a_k = (1/π)(−1)^(k+1) Γ(αk+1)/k! sin(kπα/2),
 *   log f(z) = log a_1 − (1+α) log z + log(1 + Σ_{k≥2} (a_k/a_1) z^(−α(k−1))),
 * with a_1 = c_α = Γ(1+α) sin(πα/2)/π the Lévy-density constant, log z taken as log|x| − log σ so that it
 * stays finite when |x|/σ overflows. Terms are added while they decrease and until one is below 1e−17 of
 * the sum; in that region z^(−α) < 1e−2, so the series (convergent for α ≤ 1, asymptotic for α > 1) is
 * accurate to rounding. At α = 2 it is the exact normal log-density −z²/4 − log(2√π).
 * Accuracy: absolute error ≤ 1e−12 wherever the result is finite (test/stable/logpdf.test.ts: the log of
 * the pdf, the closed forms at α = 1 and 2, and the leading tail term far out).
 * Domain: α ∈ (0, 2], σ > 0 finite, x finite; anything else gives NaN (never throws).
 */
import gammaln from '@stdlib/math-base-special-gammaln'
import { standardTail } from './standardTail.ts'
import { isAlpha, isScale } from './validate.ts'

/** Below this density the logarithm is taken of the tail series instead of the (subnormal or zero) pdf. */
export const LOGPDF_SERIES_BELOW = 1e-280

const LOG_2_SQRT_PI = Math.log(2 * Math.sqrt(Math.PI))
const MAX_TERMS = 200

/** sin(kπα/2) with the angle reduced exactly; for α > 1 via (−1)^(k+1) sin(kπ(2−α)/2), exact as α → 2. */
function sineFactor(k: number, alpha: number): number {
  if (alpha <= 1) {
    const half = (k * alpha) / 2
    return Math.sin(Math.PI * (half - 2 * Math.floor(half / 2)))
  }
  const half = (k * (2 - alpha)) / 2
  return (k % 2 === 1 ? 1 : -1) * Math.sin(Math.PI * (half - 2 * Math.floor(half / 2)))
}

/** log f(z; α, 1) from the tail series, given log z (z far in the tail). */
function logTail(logZ: number, alpha: number): number {
  const s1 = sineFactor(1, alpha)
  const logA1 = gammaln(alpha + 1) + Math.log(s1) - Math.log(Math.PI)
  const logY = -alpha * logZ
  const logGamma1 = gammaln(alpha + 1)
  let sum = 1
  let previous = Infinity
  for (let k = 2; k <= MAX_TERMS; k++) {
    // |a_k/a_1| z^(−α(k−1)) without the sine: the envelope that decides convergence
    const envelope = Math.exp(gammaln(alpha * k + 1) - gammaln(k + 1) - logGamma1 + (k - 1) * logY)
    if (!(envelope < previous)) break
    previous = envelope
    sum += (k % 2 === 1 ? 1 : -1) * envelope * (sineFactor(k, alpha) / s1)
    if (envelope < 1e-17 * Math.abs(sum)) break
  }
  return logA1 - (1 + alpha) * logZ + Math.log(sum)
}

/**
 * log f(x; α, σ) of SαS(σ) (docs/theory.md#sas-law): the log of `pdf` where the density is a normal double, the
 * Bergström tail series summed in logarithms where it underflows, the exact normal log-density at α = 2.
 * Domain: α ∈ (0, 2], σ > 0, x finite; NaN otherwise. Accuracy: absolute error ≤ 1e-12 wherever finite.
 */
export function logpdf(x: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !Number.isFinite(x)) return NaN
  const logScale = Math.log(scale)
  const z = Math.abs(x) / scale
  if (alpha === 2) return -(z * z) / 4 - LOG_2_SQRT_PI - logScale
  if (z !== Infinity) {
    const f = standardTail(z, alpha).pdf
    if (f >= LOGPDF_SERIES_BELOW) return Math.log(f) - logScale
  }
  return logTail(Math.log(Math.abs(x)) - logScale, alpha) - logScale
}
