/** ε, Θ(ε⁻¹), ν_L(W), m(W), λ, E[Γ] (SDE time) and K (iterations) of one optimizer (docs/theory.md#theorem-1). */
export interface LeadingOrder {
  epsilon: number
  theta: number
  levyMass: number
  radonMeasure: number
  rate: number
  meanEscapeTime: number
  meanEscapeIterations: number
}

/**
 * Leading-order escape quantities of Theorem 1 for one optimizer (docs/theory.md#sgd-sde, docs/theory.md#theorem-1, docs/theory.md#normalisation):
 *
 *   ε = η^((α−1)/α),  Θ(ε⁻¹) = (2c/α) ε^α,  ν_L(W) = (2c/α) m(W),  λ = ε^α ν_L(W) = m(W) Θ(ε⁻¹),
 *   E[Γ] = 1/λ (SDE time),  K = E[Γ]/η = η^(−α)/ν_L(W) (iterations),
 *
 * with c the normalisation constant (c_α or 1, never mixed, docs/theory.md#normalisation) and m(W) the c-free Radon measure of
 * the exit set. ε^α is evaluated as η^(α−1). Exact formulas: relative accuracy a few ulps. The leading
 * order itself carries an unspecified relative error O(ρ(ε)) (about 12% at ε ≈ 0.2, docs/theory.md#validation).
 */
export function leadingOrder(alpha: number, lr: number, radonMeasure: number, c: number): LeadingOrder {
  const epsilon = lr ** ((alpha - 1) / alpha)
  const epsAlpha = lr ** (alpha - 1)
  const k = (2 * c) / alpha
  const levyMass = k * radonMeasure
  const rate = epsAlpha * levyMass
  return {
    epsilon,
    theta: k * epsAlpha,
    levyMass,
    radonMeasure,
    rate,
    meanEscapeTime: 1 / rate,
    meanEscapeIterations: lr ** -alpha / levyMass,
  }
}
