import { standardTail } from './standardTail.ts'
import { isAlpha, isScale } from './validate.ts'

/**
 * Distribution function of X ~ SαS(σ): F(x) = P(X ≤ x) (docs/theory.md#sas-numerics). By symmetry
 * F(x) = S(−x) = P(X > −x), so the lower tail (x < 0) keeps full relative accuracy; for x ≥ 0,
 * F(x) = 1 − S(x). Exact at α = 2 (N(0, 2σ²)) and α = 1 (Cauchy); see standardTail.ts for the methods.
 * Accuracy: absolute error ≤ 1e−12 (and relative ≤ 1e−12 for x < 0) for α ∈ [0.3, 2]; tested against
 * scipy levy_stable (docs/theory.md#validation-tables and test/fixtures/stableGrid.json) in test/stable/cdf.test.ts.
 * Domain: α ∈ (0, 2], σ > 0 finite, x finite; anything else gives NaN (never throws).
 */
export function cdf(x: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !Number.isFinite(x)) return NaN
  const z = x / scale
  return z <= 0 ? standardTail(-z, alpha).sf : 1 - standardTail(z, alpha).sf
}
