import { isAlpha, isScale } from './validate.ts'

/**
 * Characteristic function of X ~ SαS(σ): φ(u) = E exp(iuX) = exp(−σ^α |u|^α), real because the law is
 * symmetric (docs/theory.md#sas-law). Exact up to rounding.
 * Domain: α ∈ (0, 2], σ > 0 finite, u finite; anything else gives NaN (never throws).
 */
export function characteristicFunction(u: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !Number.isFinite(u)) return NaN
  return Math.exp(-(Math.abs(scale * u) ** alpha))
}
