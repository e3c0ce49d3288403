/**
 * Power series of SαS(1) at the origin, α > 1 (Feller 1971 XVII.6; docs/theory.md#sas-numerics). Expanding
 * cos(ux) and sin(ux) in f(x) = (1/π)∫_0^∞ cos(ux) e^(−u^α) du and F(x) − ½ = (1/π)∫_0^∞ sin(ux) e^(−u^α)/u du,
 * with ∫_0^∞ u^m e^(−u^α) du = Γ((m+1)/α)/α:
 *   f(x)     = (1/(πα)) Σ_{k≥0} (−1)^k Γ((2k+1)/α) x^(2k)/(2k)!,
 *   F(x) − ½ = (1/(πα)) Σ_{k≥0} (−1)^k Γ((2k+1)/α) x^(2k+1)/(2k+1)!.
 * Entire for α > 1 (radius 1 at α = 1), but alternating with growing terms for larger |x|.
 *
 * Acceptance (self-checking): the sum stops when a term is below 1e−17 of the sum; the result is
 * returned only if that happened within 150 terms and the largest term is at most 8× the sum for both
 * series (less than one digit lost to cancellation). Otherwise `undefined`. Relative error ≈ 1e−14.
 * The coefficients are cached for the last α seen and computed only as far as needed (one
 * multiply-add per term on repeated calls).
 */
import gammaln from '@stdlib/math-base-special-gammaln'

const MAX_K = 150

/**
 * Coefficients for the last α seen, filled lazily up to `filled`: P_k = Γ((2k+1)/α)/(2k)!,
 * Q_k = Γ((2k+1)/α)/(2k+1)! (both ≤ 2 for α > 1).
 */
let cacheAlpha = NaN
let filled = 0
const P = new Float64Array(MAX_K)
const Q = new Float64Array(MAX_K)

function coefficients(alpha: number, upTo: number): void {
  if (alpha !== cacheAlpha) {
    cacheAlpha = alpha
    filled = 0
  }
  for (let k = filled; k < upTo; k++) {
    const lg = gammaln((2 * k + 1) / alpha)
    P[k] = Math.exp(lg - gammaln(2 * k + 1))
    Q[k] = Math.exp(lg - gammaln(2 * k + 2))
  }
  if (upTo > filled) filled = upTo
}

/** F(x) − ½ and f(x) of SαS(1) from the origin series (α > 1), or undefined where not trusted. */
export function originSeries(x: number, alpha: number): { cdfMinusHalf: number; pdf: number } | undefined {
  if (!(alpha > 1 && alpha <= 2) || !Number.isFinite(x)) return undefined
  coefficients(alpha, 1)
  const c = 1 / (Math.PI * alpha)
  if (x === 0) return { cdfMinusHalf: 0, pdf: P[0] * c }
  const ax = Math.abs(x)
  const x2 = ax * ax
  let pw = 1 // x^(2k)
  let f = 0
  let F = 0
  let maxF = 0
  let maxP = 0
  for (let k = 0; k < MAX_K; k++) {
    if (k >= filled || alpha !== cacheAlpha) coefficients(alpha, Math.min(MAX_K, 2 * k + 8))
    const sign = k % 2 === 0 ? 1 : -1
    const tp = sign * P[k] * pw
    const tF = sign * Q[k] * pw * ax
    f += tp
    F += tF
    if (Math.abs(tp) > maxP) maxP = Math.abs(tp)
    if (Math.abs(tF) > maxF) maxF = Math.abs(tF)
    if (k > 0 && Math.abs(tp) <= 1e-17 * Math.abs(f) && Math.abs(tF) <= 1e-17 * Math.abs(F)) {
      if (maxP > 8 * Math.abs(f) || maxF > 8 * Math.abs(F)) return undefined
      return { cdfMinusHalf: Math.sign(x) * F * c, pdf: f * c }
    }
    pw *= x2
  }
  return undefined
}
