import { standardTail } from './standardTail.ts'
import { isAlpha, isScale } from './validate.ts'

/**
 * Density of X ~ SαS(σ), E exp(iuX) = exp(−σ^α|u|^α) (docs/theory.md#sas-numerics):
 *   f(x; α, σ) = f(|x|/σ; α, 1)/σ,
 * with f(·; α, 1) from standardTail.ts (exact normal at α = 2 with variance 2σ², exact Cauchy at α = 1,
 * series and Nolan's integral elsewhere). Accuracy: relative error ≤ 1e−12 for α ∈ [0.3, 2]
 * (test/stable/pdf.test.ts: scipy levy_stable to 1e−9 absolute on |x| ≤ 50, tail series to 1e−6
 * relative up to |x| = 1e8).
 * Domain: α ∈ (0, 2], σ > 0 finite, x finite; anything else gives NaN (never throws).
 */
export function pdf(x: number, alpha: number, scale = 1): number {
  if (!isAlpha(alpha) || !isScale(scale) || !Number.isFinite(x)) return NaN
  return standardTail(Math.abs(x / scale), alpha).pdf / scale
}
