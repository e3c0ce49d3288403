/**
 * Nolan's integral representation of the SαS(1) law, β = 0, α ≠ 1, x > 0 (Nolan 1997, "Numerical
 * calculation of stable densities and distribution functions"; spec/theory.md §1.1). With
 *   V(θ) = (cos θ / sin αθ)^(α/(α−1)) · cos((α−1)θ) / cos θ,   θ ∈ (0, π/2),
 *   g(θ) = x^(α/(α−1)) V(θ),
 * which follows from the Chambers–Mallows–Stuck representation (§5.3) by conditioning on V:
 *   α > 1:  P(X > x) = (1/π) ∫_0^{π/2} e^(−g) dθ,
 *   α < 1:  P(X > x) = (1/π) ∫_0^{π/2} (1 − e^(−g)) dθ,
 *   f(x)   = α / (π |α − 1| x) ∫_0^{π/2} g e^(−g) dθ.
 * g is monotone in θ (decreasing for α > 1, increasing for α < 1) and runs over (0, ∞). The integrals
 * are split at the point θ* where g(θ*) = 1 (the peak of g e^(−g)), found by bisection on ln g, and each
 * half is integrated by tanh–sinh quadrature (tanhSinh.ts), which resolves the boundary layer at θ* and
 * the singular behaviour at 0 and π/2. ln g is evaluated from the distances θ and φ = π/2 − θ, each
 * kept accurate, so that θ* within 1e−300 of an end point is handled (the far tail).
 *
 * Both quantities are positive integrals with no cancellation, so the result is accurate in relative
 * terms (≈ 1e−13 against mpmath in test/stable/nolanIntegral.test.ts) for all x > 0 and α ∈ (0, 2] \ {1},
 * including |α − 1| down to 1e−12 (where the integrand tends to a step and θ* is the step).
 */
import { tanhSinh2 } from './tanhSinh.ts'

const HALF_PI = Math.PI / 2
const QUARTER_PI = Math.PI / 4

/**
 * ln g(θ) from θ and φ = π/2 − θ (both supplied; the smaller one carries the precision).
 * `lx` = ln x, `kappa` = α/(α−1).
 */
function logG(theta: number, phi: number, alpha: number, kappa: number, lx: number): number {
  const cosT = phi < QUARTER_PI ? Math.sin(phi) : Math.cos(theta)
  const at = alpha * theta
  // sin(αθ); when αθ > π/2, use π − αθ = (2 − α)π/2 + αφ (exact near α = 2, θ = π/2)
  const sinAT = at <= HALF_PI ? Math.sin(at) : Math.sin((2 - alpha) * HALF_PI + alpha * phi)
  const r = (alpha - 1) * theta
  let cosR: number
  if (Math.abs(r) <= QUARTER_PI) cosR = Math.cos(r)
  else if (alpha < 1) cosR = Math.sin(phi + alpha * theta) // π/2 − (1 − α)θ
  else cosR = Math.sin((2 - alpha) * HALF_PI + (alpha - 1) * phi) // π/2 − (α − 1)θ
  return kappa * (lx + Math.log(cosT) - Math.log(sinAT)) + Math.log(cosR) - Math.log(cosT)
}

/** Result of the Nolan integrals at x > 0: upper tail P(X > x) and density f(x) of SαS(1). */
export interface NolanValues {
  sf: number
  pdf: number
}

/**
 * P(X > x) and f(x) for X ~ SαS(1), x > 0 finite, α ∈ (0, 2], α ≠ 1, by the split Nolan integral.
 * Returns NaN values outside that domain.
 */
export function nolanIntegral(x: number, alpha: number): NolanValues {
  if (!(x > 0 && Number.isFinite(x)) || !(alpha > 0 && alpha <= 2) || alpha === 1) return { sf: NaN, pdf: NaN }
  const kappa = alpha / (alpha - 1)
  const lx = Math.log(x)
  const up = alpha > 1 // ln g decreasing in θ when α > 1
  // Locate θ*: search in the half where it lies, on the small variable (θ near 0, φ near π/2).
  const mid = logG(QUARTER_PI, QUARTER_PI, alpha, kappa, lx)
  // For α > 1, ln g decreases: θ* > π/4 iff ln g(π/4) > 0. For α < 1, θ* > π/4 iff ln g(π/4) < 0.
  const rightHalf = up ? mid > 0 : mid < 0
  // h(v) is ln g at θ = v (left half) or at φ = v (right half); its sign at v → 0 is known.
  const h = rightHalf
    ? (v: number): number => logG(HALF_PI - v, v, alpha, kappa, lx)
    : (v: number): number => logG(v, HALF_PI - v, alpha, kappa, lx)
  const signAtHi = Math.sign(mid)
  let hi = QUARTER_PI
  let lo = hi / 2
  // geometric descent towards 0 until the sign changes (at most ~1000 halvings)
  while (lo > 1e-300 && Math.sign(h(lo)) === signAtHi) {
    hi = lo
    lo /= 2
  }
  let vStar: number
  if (lo <= 1e-300) vStar = 0
  else {
    for (let i = 0; i < 200 && hi - lo > 2e-16 * hi; i++) {
      const m = 0.5 * (lo + hi)
      if (Math.sign(h(m)) === signAtHi) hi = m
      else lo = m
    }
    vStar = 0.5 * (lo + hi)
  }
  const thetaStar = rightHalf ? HALF_PI - vStar : vStar
  const phiStar = rightHalf ? vStar : HALF_PI - vStar

  const res = new Float64Array(2)
  let sfInt = 0
  let pdfInt = 0
  const tailIntegrand = alpha > 1
  // Integrand on the piece: [e^(−g) or 1 − e^(−g), g e^(−g)]
  const fill = (theta: number, phi: number, out: Float64Array): void => {
    const lg = logG(theta, phi, alpha, kappa, lx)
    if (lg > 700) {
      out[0] = tailIntegrand ? 0 : 1
      out[1] = 0
      return
    }
    const g = Math.exp(lg)
    out[0] = tailIntegrand ? Math.exp(-g) : -Math.expm1(-g)
    out[1] = Math.exp(lg - g)
  }
  if (thetaStar > 0) {
    // [0, θ*]: θ = dL, φ = φ* + dR
    tanhSinh2((dL, dR, out) => fill(dL, phiStar + dR, out), thetaStar, res)
    sfInt += res[0]
    pdfInt += res[1]
  }
  if (phiStar > 0) {
    // [θ*, π/2]: θ = θ* + dL, φ = dR
    tanhSinh2((dL, dR, out) => fill(thetaStar + dL, dR, out), phiStar, res)
    sfInt += res[0]
    pdfInt += res[1]
  }
  return {
    sf: sfInt / Math.PI,
    pdf: (Math.abs(kappa) * pdfInt) / (Math.PI * x),
  }
}
