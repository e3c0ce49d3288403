/**
 * Upper tail P(X > x) and density f(x) of X ~ SαS(1) for x ≥ 0 (docs/theory.md#sas-numerics): the one
 * dispatcher behind pdf, cdf, sf and quantile. Inside the tabled middle regions (α ∈ [1.1, 1.9] ×
 * x ∈ [1, 13], α ∈ [0.5, 1.1] × x ∈ [0.02, 2], 2 − α ∈ [e^−7, e^−2.3] × x ∈ [2.4, 15]; not at α = 1)
 * it reads the precomputed Chebyshev table (tableLookup.ts, relative error bound in the
 * table header); everywhere else it computes (exactTail.ts: closed forms at α = 1, 2, near-Cauchy
 * expansion, origin and tail series, Nolan's integral).
 * Accuracy: relative error ≤ 1e−12 in sf and pdf against mpmath and the closed forms (test/stable).
 */
import { exactTail } from './exactTail.ts'
import { tableLookup } from './tableLookup.ts'

/** Both values at x ≥ 0 for SαS(1). Assumes α ∈ (0, 2] and x ≥ 0 (not NaN); x = +∞ gives {0, 0}. */
export function standardTail(x: number, alpha: number): { sf: number; pdf: number } {
  // α = 1 and α = 2 keep their closed forms (exact), even inside a tabled block
  if (alpha === 1 || alpha === 2) return exactTail(x, alpha)
  return tableLookup(x, alpha) ?? exactTail(x, alpha)
}
