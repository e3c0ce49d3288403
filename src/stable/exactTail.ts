/**
 * Upper tail P(X > x) and density f(x) of X ~ SαS(1) for x ≥ 0 (docs/theory.md#sas-numerics), computed
 * without tables: the reference behind standardTail.ts (which adds the precomputed table) and the
 * generator of that table (scripts/precompute). Methods, in order of preference:
 *   α = 2:  exact normal N(0, 2): sf = ½ erfc(x/2), f = e^(−x²/4)/(2√π);
 *   α = 1:  exact Cauchy: sf = atan(1/x)/π, f = 1/(π(1 + x²));
 *   |α − 1| ≤ 1e−4: tail series where it converges, otherwise the second-order expansion about the
 *           Cauchy law (nearCauchy.ts), so the functions are smooth across α = 1;
 *   otherwise: the origin power series (α > 1, small x), the tail series (large x), each used only
 *           where its own convergence check passes, and Nolan's integral (nolanIntegral.ts) elsewhere.
 * Accuracy: ≤ 1e−12 relative in sf and pdf for α ∈ [0.3, 2] (test/stable/*.test.ts against scipy,
 * mpmath and the closed forms); sf keeps its relative accuracy in the far tail (up to x = 1e300).
 */
import erfc from '@stdlib/math-base-special-erfc'
import gammaln from '@stdlib/math-base-special-gammaln'
import { nearCauchy } from './nearCauchy.ts'
import { nolanIntegral } from './nolanIntegral.ts'
import { originSeries } from './originSeries.ts'
import { tailSeries } from './tailSeries.ts'

const INV_2_SQRT_PI = 1 / (2 * Math.sqrt(Math.PI))

/** Both values at x ≥ 0 for SαS(1). Assumes α ∈ (0, 2] and x ≥ 0 (not NaN); x = +∞ gives {0, 0}. */
export function exactTail(x: number, alpha: number): { sf: number; pdf: number } {
  if (x === Infinity) return { sf: 0, pdf: 0 }
  if (alpha === 2) return { sf: 0.5 * erfc(x / 2), pdf: INV_2_SQRT_PI * Math.exp(-(x * x) / 4) }
  if (alpha === 1) return { sf: x === 0 ? 0.5 : Math.atan(1 / x) / Math.PI, pdf: 1 / (Math.PI * (1 + x * x)) }
  // f(0) = Γ(1 + 1/α)/π
  if (x === 0) return { sf: 0.5, pdf: Math.exp(gammaln(1 + 1 / alpha)) / Math.PI }
  const delta = alpha - 1
  if (Math.abs(delta) <= 1e-4) {
    if (x > 1.5) {
      const t = tailSeries(x, alpha)
      if (t) return t
    }
    const c = nearCauchy(x, delta)
    return { sf: 0.5 - c.cdfMinusHalf, pdf: c.pdf }
  }
  if (alpha > 1 && x < 4) {
    const o = originSeries(x, alpha)
    if (o) return { sf: 0.5 - o.cdfMinusHalf, pdf: o.pdf }
  }
  // α < 1: the series converges for every x and checks its own cancellation; α > 1: asymptotic
  if (alpha < 1 || x > 1) {
    const t = tailSeries(x, alpha)
    if (t) return t
  }
  return nolanIntegral(x, alpha)
}
