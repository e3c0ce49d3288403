import { levyDensityConstant } from '../stable/constants.ts'
import { sf } from '../stable/sf.ts'

/**
 * Finite-η one-jump probability of the interval basin (docs/theory.md#one-jump-proxy):
 * the probability that one noise step η g ζ from θ* leaves (θ* − a, θ* + b),
 *
 *   P = S(b/(η g s)) + S(a/(η g s)),   S the exact SαS(1) upper tail (`sf` of src/stable),
 *
 * with s the scale of the driver in SαS(1) units: s = 1 for c = c_α ("stable") and s = (c/c_α)^(1/α)
 * in general (c = 1, "unit": the driver with Lévy density |y|^(−1−α) is SαS(c_α^(−1/α)), docs/theory.md#levy-measure).
 * The escape time in iterations is ≈ 1/P, which tends to η^(−α)/ν_L(W) as η → 0 (T5). `sf` keeps full
 * relative accuracy in the far tail (no scipy-style underflow), so P is accurate to ~1e-12 relative.
 * NaN for invalid input.
 */
export function oneJumpProbability(
  left: number,
  right: number,
  g: number,
  lr: number,
  alpha: number,
  c: number,
): number {
  if (!(left > 0 && right > 0 && g > 0 && lr > 0 && c > 0 && alpha > 0 && alpha < 2)) return NaN
  const s = (c / levyDensityConstant(alpha)) ** (1 / alpha)
  const step = lr * g * s
  return sf(right / step, alpha) + sf(left / step, alpha)
}
