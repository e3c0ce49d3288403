import { standardTail } from './standardTail.ts'
import { isAlpha, isScale } from './validate.ts'

/**
 * Upper tail (survival function) of X ~ SαS(σ): S(x) = P(X > x) (docs/theory.md#sas-numerics).
 * For x ≥ 0 it is computed directly (no 1 − F cancellation), so it keeps full relative accuracy in
 * the far tail, where S(x) ~ (C_α/2)(x/σ)^(−α) (C_α = 2Γ(α) sin(πα/2)/π), unlike scipy's sf, which
 * returns 0 beyond a few hundred σ (docs/theory.md#scipy-mapping). For x < 0, S(x) = 1 − S(−x).
 * Accuracy: relative error ≤ 1e−12 for x ≥ 0 and α ∈ [0.3, 2] (test/stable/sf.test.ts).
 * Domain: α ∈ (0, 2], σ > 0 finite, x finite; anything else gives NaN (never throws).
 */
export function sf(x: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !Number.isFinite(x)) return NaN
  const z = x / scale
  return z >= 0 ? standardTail(z, alpha).sf : 1 - standardTail(-z, alpha).sf
}
