/**
 * Nolan's integral representation of the SαS(1) law, β = 0, α ≠ 1, x > 0 (Nolan 1997, "Numerical
 * calculation of stable densities and distribution functions"; docs/theory.md#sas-numerics). With
 *   V(θ) = (cos θ / sin αθ)^(α/(α−1)) · cos((α−1)θ) / cos θ,   θ ∈ (0, π/2),
 *   g(θ) = x^(α/(α−1)) V(θ),
 * which follows from the Chambers–Mallows–Stuck representation (docs/theory.md#cms-sampler) by conditioning on V:
 *   α > 1:  P(X > x) = (1/π) ∫_0^{π/2} e^(−g) dθ,
 *   α < 1:  P(X > x) = (1/π) ∫_0^{π/2} (1 − e^(−g)) dθ,
 *   f(x)   = α / (π |α − 1| x) ∫_0^{π/2} g e^(−g) dθ.
 * g is monotone in θ (decreasing for α > 1, increasing for α < 1) and runs over (0, ∞). The integrals
 * are split at the point θ* where g(θ*) = 1 (the peak of g e^(−g)) and cut where g = 60 (solveLogG:
 * regula falsi on ln g in log-distance to the nearer end point), and each piece is integrated by
 * tanh–sinh quadrature (tanhSinh.ts), which resolves the boundary layer at θ* and the singular
 * behaviour at the end points. ln g is evaluated from the distances θ and φ = π/2 − θ, each kept
 * accurate, so that θ* within 1e−300 of an end point is handled (the far tail).
 *
 * Both quantities are positive integrals with no cancellation, so the result is accurate in relative
 * terms: ≤ 1e−13 against mpmath (test/stable/nolanIntegral.test.ts) for α ∈ [0.05, 2] with |α − 1| ≥ 1e−3.
 * As α → 1 the exponent α/(α−1) amplifies rounding in ln g, and the density's relative error grows like
 * 1e−16/|α − 1| (1e−12 at |α − 1| = 1e−4); standardTail.ts therefore uses the near-Cauchy expansion for
 * |α − 1| ≤ 1e−4.
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
  else if (alpha < 1)
    cosR = Math.sin(phi + alpha * theta) // π/2 − (1 − α)θ
  else cosR = Math.sin((2 - alpha) * HALF_PI + (alpha - 1) * phi) // π/2 − (α − 1)θ
  return kappa * (lx + Math.log(cosT) - Math.log(sinAT)) + Math.log(cosR) - Math.log(cosT)
}

/** A point of (0, π/2) held as θ and φ = π/2 − θ, both accurate. */
interface Angle {
  theta: number
  phi: number
}

/**
 * The θ where ln g(θ) = level, as an accurate (θ, φ) pair, or undefined when it lies within 1e−300 of
 * an end point (`atZero` then tells which: true for θ → 0). ln g is monotone, and close to linear in
 * ln θ near θ = 0 and in ln φ near φ = 0 (power laws), so the search runs in u = ln v (v = θ or φ,
 * whichever is the smaller near the root): a descent by factors of 2^8 brackets the root, then the
 * Illinois variant of regula falsi refines it to |Δu| ≤ 1e−13 (≤ 60 steps, typically 6–10).
 */
function solveLogG(level: number, alpha: number, kappa: number, lx: number): Angle | { atZero: boolean } {
  const up = alpha > 1
  const mid = logG(QUARTER_PI, QUARTER_PI, alpha, kappa, lx) - level
  // α > 1: ln g decreases in θ, so the root is right of π/4 iff ln g(π/4) > level; α < 1: the reverse.
  const rightHalf = up ? mid > 0 : mid < 0
  const h = rightHalf
    ? (u: number): number => {
        const v = Math.exp(u)
        return logG(HALF_PI - v, v, alpha, kappa, lx) - level
      }
    : (u: number): number => {
        const v = Math.exp(u)
        return logG(v, HALF_PI - v, alpha, kappa, lx) - level
      }
  if (mid === 0) return { theta: QUARTER_PI, phi: QUARTER_PI }
  let uHi = Math.log(QUARTER_PI)
  let hHi = mid
  let uLo = uHi - 5.545 // × 2^−8
  let hLo = h(uLo)
  const minU = -690 // v = 1e−300
  while (Math.sign(hLo) === Math.sign(hHi)) {
    if (uLo <= minU) return { atZero: !rightHalf }
    uHi = uLo
    hHi = hLo
    uLo = Math.max(minU, uLo - 5.545)
    hLo = h(uLo)
  }
  // Illinois on [uLo, uHi] with h(uLo), h(uHi) of opposite signs
  let side = 0
  let u = uLo
  for (let i = 0; i < 60; i++) {
    u = (uLo * hHi - uHi * hLo) / (hHi - hLo)
    if (!(u > uLo && u < uHi)) u = 0.5 * (uLo + uHi)
    const hu = h(u)
    if (hu === 0 || uHi - uLo <= 1e-13) break
    if (Math.sign(hu) === Math.sign(hLo)) {
      uLo = u
      hLo = hu
      if (side === -1) hHi /= 2
      side = -1
    } else {
      uHi = u
      hHi = hu
      if (side === 1) hLo /= 2
      side = 1
    }
    if (Math.abs(hu) < 1e-12) break
  }
  const v = Math.exp(u)
  return rightHalf ? { theta: HALF_PI - v, phi: v } : { theta: v, phi: HALF_PI - v }
}

/** Result of the Nolan integrals at x > 0: upper tail P(X > x) and density f(x) of SαS(1). */
export interface NolanValues {
  sf: number
  pdf: number
}

/** ln of the truncation level: where g > e^LOG_G_MAX, e^(−g) < 1e−1500 and g e^(−g) likewise. */
const LOG_G_MAX = Math.log(60)

/**
 * P(X > x) and f(x) for X ~ SαS(1), x > 0 finite, α ∈ (0, 2], α ≠ 1, by the split Nolan integral.
 * The part of (0, π/2) where g > 60 is dropped (there e^(−g) < 1e−26 and g e^(−g) < 1e−24, and for
 * α < 1 the sf integrand 1 − e^(−g) is 1 up to that amount, so that part adds its length): this
 * removes the essential singularity of e^(−g) at the end point, which would slow tanh–sinh down.
 * Returns NaN values outside that domain.
 */
export function nolanIntegral(x: number, alpha: number): NolanValues {
  if (!(x > 0 && Number.isFinite(x)) || !(alpha > 0 && alpha <= 2) || alpha === 1) return { sf: NaN, pdf: NaN }
  const kappa = alpha / (alpha - 1)
  const lx = Math.log(x)
  const up = alpha > 1
  const star = solveLogG(0, alpha, kappa, lx)
  const cut = solveLogG(LOG_G_MAX, alpha, kappa, lx)
  // pieces as [a, b] angle pairs; the g < 1 side runs to the end point where g → 0
  const res = new Float64Array(2)
  let sfInt = 0
  let pdfInt = 0
  const tailIntegrand = up
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
  // integrate over [a, b] given as accurate angle pairs
  const piece = (a: Angle, b: Angle): void => {
    // the length from the representation that is exact at these ends (φ near π/2, θ near 0)
    const len = a.phi < QUARTER_PI ? a.phi - b.phi : b.theta - a.theta
    if (!(len > 0)) return
    // θ = a.θ + dL is accurate near θ = 0 and φ = b.φ + dR near π/2; logG uses whichever is small
    tanhSinh2((dL, dR, out) => fill(a.theta + dL, b.phi + dR, out), len, res)
    sfInt += res[0]
    pdfInt += res[1]
  }
  const zero: Angle = { theta: 0, phi: HALF_PI }
  const end: Angle = { theta: HALF_PI, phi: 0 }
  const starA: Angle = 'theta' in star ? star : star.atZero ? zero : end
  const cutA: Angle = 'theta' in cut ? cut : cut.atZero ? zero : end
  if (up) {
    // g decreasing: [cut, θ*] has g from 60 to 1, [θ*, π/2] has g < 1
    piece(cutA, starA)
    piece(starA, end)
  } else {
    // g increasing: [0, θ*] has g < 1, [θ*, cut] has g from 1 to 60, [cut, π/2] adds its length to sf
    piece(zero, starA)
    piece(starA, cutA)
    sfInt += cutA.phi
  }
  return {
    sf: sfInt / Math.PI,
    pdf: (Math.abs(kappa) * pdfInt) / (Math.PI * x),
  }
}
