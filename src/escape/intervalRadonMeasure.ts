/**
 * Exit set of the interval basin (θ* − a, θ* + b) under the jump g·y (g = σ for SGD, σ/q for Adam),
 * docs/theory.md#interval-exit-mass: W = {y : g y ≥ b} ∪ {y : g y ≤ −a},
 *
 *   m(W) = (g^α/2)(a^(−α) + b^(−α)),   P(exit right) = b^(−α)/(a^(−α) + b^(−α))  (docs/theory.md#exit-location),
 *
 * m the c-free Radon measure (ν_L(W) = (2c/α) m(W), docs/theory.md#normalisation). Closed form, a few ulps. Evaluated as
 * ((g/a)^α + (g/b)^α)/2 to avoid overflow. NaN for non-positive or non-finite input.
 */
export function intervalRadonMeasure(
  left: number,
  right: number,
  g: number,
  alpha: number,
): { radonMeasure: number; left: number; right: number } {
  if (!(left > 0 && right > 0 && g > 0 && alpha > 0) || !Number.isFinite(left + right + g + alpha)) {
    return { radonMeasure: NaN, left: NaN, right: NaN }
  }
  const wl = (g / left) ** alpha
  const wr = (g / right) ** alpha
  // Probabilities from the ratio of the walls only (no g), so they stay exact when the masses underflow.
  const pRight = 1 / (1 + (right / left) ** alpha)
  return { radonMeasure: 0.5 * (wl + wr), left: 1 - pRight, right: pRight }
}
