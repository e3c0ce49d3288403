import erfcinv from '@stdlib/math-base-special-erfcinv'
import gamma from '@stdlib/math-base-special-gamma'
import { standardTail } from './standardTail.ts'
import { isAlpha, isScale } from './validate.ts'

/**
 * Quantile function of X ~ SαS(σ): the x with F(x) = p, p ∈ (0, 1) (docs/theory.md#sas-numerics).
 * By symmetry Q(p) = −Q(1 − p); with q = min(p, 1 − p) we solve S(z) = q for z ≥ 0 (S the upper tail
 * of SαS(1), standardTail.ts) and return ±σz.
 *   α = 2: z = 2 erfc⁻¹(2q) (exact, N(0, 2)); α = 1: z = 1/tan(πq) (exact, Cauchy);
 *   otherwise: Newton's method on ln S(e^t) − ln q in t = ln z (S is close to a power law in the tail,
 *   so this converges in a few steps from the tail guess z₀ = (C_α/(2q))^(1/α) or the centre guess
 *   z₀ = (½ − q)/f(0)), safeguarded by a bracket [lo, hi] with bisection (geometric when the bracket
 *   spans more than a factor 2), stopping at a relative step of 1e−14 or after 200 iterations.
 * Accuracy: |F(Q(p)) − p| ≤ 1e−10 (in practice ~1e−16 relative in z), test/stable/quantile.test.ts.
 * When the quantile exceeds the largest double (tiny q with small α) the result is ∓Infinity.
 * Domain: p ∈ (0, 1), α ∈ (0, 2], σ > 0 finite; anything else gives NaN (never throws).
 */
export function quantile(p: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !(p > 0 && p < 1)) return NaN
  if (p === 0.5) return 0
  const q = p < 0.5 ? p : 1 - p
  const z = standardUpperQuantile(q, alpha)
  return (p < 0.5 ? -z : z) * scale
}

/** z ≥ 0 with P(X > z) = q for X ~ SαS(1), q ∈ (0, ½]. */
function standardUpperQuantile(q: number, alpha: number): number {
  if (q >= 0.5) return 0
  if (alpha === 2) return 2 * erfcinv(2 * q)
  if (alpha === 1) return 1 / Math.tan(Math.PI * q)
  const f0 = gamma(1 + 1 / alpha) / Math.PI
  const zc = (0.5 - q) / f0
  // tail law S(z) ~ (C_α/2) z^(−α): ln z_t = (ln(Γ(α) sin(πα/2)/π) − ln q)/α
  const lzt = (Math.log((gamma(alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI) - Math.log(q)) / alpha
  // beyond the largest double, where the tail law is exact to far better than the double range needs
  if (q < 0.01 && lzt > 710) return Infinity
  const zt = Math.exp(lzt)
  let z = zc < 0.5 || !Number.isFinite(zt) ? zc : Math.max(zc, zt)
  if (!(z > 0 && Number.isFinite(z))) z = 1
  let lo = 0
  let hi = Infinity
  for (let i = 0; i < 200; i++) {
    const { sf, pdf } = standardTail(z, alpha)
    if (sf > q) lo = z
    else hi = z
    let next = NaN
    if (Math.abs(sf - q) <= 1e-15 * q) return z
    if (sf > 0) {
      // Newton on h(t) = ln S(e^t) − ln q, h'(t) = −z f(z)/S(z); where f underflows (z beyond
      // ~1e150) the tail law S ∝ z^(−α) gives the log-slope α.
      const elasticity = pdf > 0 ? (z * pdf) / sf : alpha
      const step = Math.log(sf / q) / elasticity
      next = z * Math.exp(Math.max(-50, Math.min(50, step)))
    }
    if (!(next > lo && next < hi)) {
      if (hi === Infinity) next = lo * 4
      else if (lo === 0) next = hi / 4
      else next = hi / lo > 2 ? lo * Math.sqrt(hi / lo) : 0.5 * (lo + hi)
    }
    if (next === Infinity) return Infinity // the quantile lies beyond the largest double
    if (Math.abs(next - z) <= 1e-14 * z || next === z) return next
    z = next
  }
  return z
}
