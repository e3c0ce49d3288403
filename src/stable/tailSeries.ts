/**
 * Tail series of SαS(1), x > 0 (Bergström 1952; Zolotarev 1986 §2.4; docs/theory.md#sas-numerics):
 *   P(X > x) = (1/π) Σ_{k≥1} (−1)^(k+1) Γ(αk)/k!   sin(kπα/2) x^(−αk),
 *   f(x)     = (1/π) Σ_{k≥1} (−1)^(k+1) Γ(αk+1)/k! sin(kπα/2) x^(−αk−1).
 * The first term is the tail law P(X > x) ~ (C_α/2) x^(−α), C_α = 2Γ(α) sin(πα/2)/π.
 * The series converges for α < 1 (and for α = 1, x > 1) and is asymptotic for α > 1. For α > 1 we
 * write sin(kπα/2) = (−1)^(k+1) sin(kπ(2−α)/2), which stays accurate in relative terms as α → 2.
 *
 * Acceptance (self-checking): terms are summed while they decrease; the result is returned only when
 * the first omitted term is below 1e−16 of the sum (the truncation error of these series is of the
 * order of the first omitted term) and the largest term of each series is at most 8× its sum (limits
 * cancellation to under a digit); a term above 4π (so the sum could never pass) stops the attempt early.
 * Otherwise `undefined` is returned and the caller integrates (nolanIntegral.ts).
 * Where accepted, the relative error is ≈ 1e−14 (lgamma-based terms). The coefficients are cached for
 * the last α seen and computed only as far as needed, so repeated calls at one α cost one exp per term.
 */
import gammaln from '@stdlib/math-base-special-gammaln'

const MAX_K = 400

/** Coefficients for the last α seen: ln(Γ(αk)/k!) and the signed sine factor, filled lazily up to `filled`. */
let cacheAlpha = NaN
let filled = 0
const logMag = new Float64Array(MAX_K + 1)
const mag0 = new Float64Array(MAX_K + 1) // Γ(αk)/k! itself (Infinity where it overflows)
const signedSin = new Float64Array(MAX_K + 1)

/** Makes the coefficients for k ≤ upTo available for this α (computing only what is missing). */
function coefficients(alpha: number, upTo: number): void {
  if (alpha !== cacheAlpha) {
    cacheAlpha = alpha
    filled = 0
  }
  const heavy = alpha <= 1
  const delta = 2 - alpha
  for (let k = filled + 1; k <= upTo; k++) {
    logMag[k] = gammaln(alpha * k) - gammaln(k + 1)
    mag0[k] = Math.exp(logMag[k])
    // angles reduced exactly modulo 2π before the sine
    if (heavy) {
      const half = (k * alpha) / 2
      signedSin[k] = (k % 2 === 1 ? 1 : -1) * Math.sin(Math.PI * (half - 2 * Math.floor(half / 2)))
    } else {
      const half = (k * delta) / 2
      signedSin[k] = Math.sin(Math.PI * (half - 2 * Math.floor(half / 2)))
    }
  }
  if (upTo > filled) filled = upTo
}

/** P(X > x) and f(x) from the tail series, or undefined where the series cannot be trusted. */
export function tailSeries(x: number, alpha: number): { sf: number; pdf: number } | undefined {
  if (!(x > 0 && Number.isFinite(x)) || !(alpha > 0 && alpha <= 2)) return undefined
  const lx = Math.log(x)
  const y = Math.exp(-alpha * lx) // x^(−α)
  let yk = 1 // x^(−αk), by running product (relative rounding ≤ k·1e−16 on terms far below the sum)
  const convergent = alpha <= 1
  let sf = 0
  let pdf = 0
  let maxTerm = 0
  let maxPdfTerm = 0
  let prevMag = Infinity
  // π·P(X > x) ≤ π/2, so a term above 8·π/2 can never pass the cancellation check: give up early
  const hopeless = 4 * Math.PI
  for (let k = 1; k <= MAX_K; k++) {
    if (k > filled || alpha !== cacheAlpha) coefficients(alpha, Math.min(MAX_K, 2 * k + 8))
    const ak = alpha * k
    yk *= y
    // Γ(αk)/k! x^(−αk): a product where both factors are safely inside the double range, else via logs
    const c = mag0[k]
    const mag = c < 1e280 && yk > 1e-280 ? c * yk : Math.exp(logMag[k] - ak * lx)
    if (!(mag <= hopeless)) return undefined // also catches overflow to Infinity
    // stop when the terms start to grow (asymptotic case: the error is of the order of the smallest
    // term) or fall below 1e-17 of the sum; accept only with little cancellation in both series
    const diverging = !convergent && k > 1 && mag > prevMag
    if (diverging || mag <= 1e-17 * Math.abs(sf)) {
      const small = !diverging || prevMag <= 1e-16 * Math.abs(sf)
      const cancellation = maxTerm <= 8 * Math.abs(sf) && maxPdfTerm <= 8 * Math.abs(pdf)
      return small && cancellation ? { sf: sf / Math.PI, pdf: pdf / Math.PI / x } : undefined
    }
    const t = mag * signedSin[k]
    sf += t
    pdf += ak * t // Γ(αk+1) = αk Γ(αk)
    if (Math.abs(t) > maxTerm) maxTerm = Math.abs(t)
    if (Math.abs(ak * t) > maxPdfTerm) maxPdfTerm = Math.abs(ak * t)
    prevMag = mag
  }
  return undefined
}
