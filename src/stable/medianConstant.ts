import { quantile } from './quantile.ts'

/**
 * m_α: the median of |X| for X ~ SαS(1), i.e. the 0.75-quantile of SαS(1) (docs/theory.md#median-scale).
 * σ̂ = median(|x|)/m_α is the robust scale estimate of docs/theory.md#estimator-caveats. Values: m_1.2 = 0.98153720,
 * m_1.5 = 0.96893318, m_1.8 = 0.95975643, m_2 = 0.95387255 (= √2 · 0.6744897…, N(0, 2)), m_1 = 1.
 * Computed as quantile(0.75, α); accuracy ≤ 1e−12 relative (test/stable/medianConstant.test.ts).
 * NaN for α ∉ (0, 2].
 */
export function medianConstant(alpha: number): number {
  return quantile(0.75, alpha)
}
