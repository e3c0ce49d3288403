/**
 * Tail series of SαS(1), x > 0 (Bergström 1952; Zolotarev 1986 §2.4; spec/theory.md §1.1):
 *   P(X > x) = (1/π) Σ_{k≥1} (−1)^(k+1) Γ(αk)/k!   sin(kπα/2) x^(−αk),
 *   f(x)     = (1/π) Σ_{k≥1} (−1)^(k+1) Γ(αk+1)/k! sin(kπα/2) x^(−αk−1).
 * The first term is the tail law P(X > x) ~ (C_α/2) x^(−α), C_α = 2Γ(α) sin(πα/2)/π.
 * The series converges for α < 1 (and for α = 1, x > 1) and is asymptotic for α > 1. For α > 1 we
 * write sin(kπα/2) = (−1)^(k+1) sin(kπ(2−α)/2), which stays accurate in relative terms as α → 2.
 *
 * Acceptance (self-checking): terms are summed while they decrease; the result is returned only when
 * the first omitted term is below 1e−16 of the sum (the truncation error of these series is of the
 * order of the first omitted term) and the largest term is at most 8× the sum (limits cancellation to
 * under a digit). Otherwise `undefined` is returned and the caller integrates (nolanIntegral.ts).
 * Where accepted, the relative error is ≈ 1e−14 (lgamma-based terms).
 */
import gammaln from '@stdlib/math-base-special-gammaln'

/** P(X > x) and f(x) from the tail series, or undefined where the series cannot be trusted. */
export function tailSeries(x: number, alpha: number): { sf: number; pdf: number } | undefined {
  if (!(x > 0 && Number.isFinite(x)) || !(alpha > 0 && alpha <= 2)) return undefined
  const lx = Math.log(x)
  const heavy = alpha <= 1
  const delta = 2 - alpha
  let sf = 0
  let pdf = 0
  let maxTerm = 0
  let prevMag = Infinity
  const maxK = 400
  for (let k = 1; k <= maxK; k++) {
    // magnitude of Γ(αk)/k! x^(−αk)
    const ak = alpha * k
    const logMag = gammaln(ak) - gammaln(k + 1) - ak * lx
    const mag = Math.exp(logMag)
    if (!heavy && k > 1 && mag > prevMag) {
      // asymptotic series started to diverge: the first omitted term is prevMag-ish
      return prevMag <= 1e-16 * Math.abs(sf) && maxTerm <= 8 * Math.abs(sf) ? { sf: sf / Math.PI, pdf: pdf / Math.PI / x } : undefined
    }
    if (mag <= 1e-17 * Math.abs(sf)) {
      return maxTerm <= 8 * Math.abs(sf) ? { sf: sf / Math.PI, pdf: pdf / Math.PI / x } : undefined
    }
    let signedSin: number
    if (heavy) {
      // (−1)^(k+1) sin(kπα/2), with the angle reduced exactly modulo 2π
      const half = (k * alpha) / 2
      const red = half - 2 * Math.floor(half / 2)
      signedSin = (k % 2 === 1 ? 1 : -1) * Math.sin(Math.PI * red)
    } else {
      const half = (k * delta) / 2
      const red = half - 2 * Math.floor(half / 2)
      signedSin = Math.sin(Math.PI * red)
    }
    const t = mag * signedSin
    sf += t
    pdf += ak * t // Γ(αk+1) = αk Γ(αk)
    if (Math.abs(t) > maxTerm) maxTerm = Math.abs(t)
    prevMag = mag
  }
  return undefined
}
