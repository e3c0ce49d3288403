/**
 * Constants of the symmetric α-stable law SαS(σ), E exp(iuX) = exp(−σ^α|u|^α) (docs/theory.md#sas-law, docs/theory.md#levy-measure).
 * All functions return NaN outside their domain (α ∈ (0, 2], d a positive integer); none throws.
 */
import gamma from '@stdlib/math-base-special-gamma'

const validAlpha = (alpha: number): boolean => Number.isFinite(alpha) && alpha > 0 && alpha <= 2

/**
 * Lévy-density constant of the 1-D SαS(1) driver: ν(dy) = c_α |y|^(−1−α) dy,
 * c_α = Γ(1+α) sin(πα/2)/π (= α 2^(α−1) Γ((1+α)/2)/(√π Γ(1−α/2))), docs/theory.md#levy-measure. c_2 = 0 (no jumps).
 */
export function levyDensityConstant(alpha: number): number {
  if (!validAlpha(alpha)) return NaN
  if (alpha === 2) return 0
  return (gamma(1 + alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI
}

/**
 * Two-sided tail constant: P(|X| > x) ~ C_α σ^α x^(−α), C_α = 2Γ(α) sin(πα/2)/π = 2c_α/α (docs/theory.md#sas-law).
 */
export function tailConstant(alpha: number): number {
  if (!validAlpha(alpha)) return NaN
  if (alpha === 2) return 0
  return (2 * gamma(alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI
}

/**
 * Isotropic d-dimensional Lévy-density constant: ν(dy) = C_{d,α} ‖y‖^(−d−α) dy,
 * C_{d,α} = α 2^(α−1) Γ((d+α)/2) / (π^(d/2) Γ(1 − α/2)) (docs/theory.md#levy-measure). C_{d,2} = 0.
 */
export function isotropicConstant(d: number, alpha: number): number {
  if (!validAlpha(alpha) || !Number.isInteger(d) || d < 1) return NaN
  if (alpha === 2) return 0
  return (alpha * 2 ** (alpha - 1) * gamma((d + alpha) / 2)) / (Math.PI ** (d / 2) * gamma(1 - alpha / 2))
}

/** Density at the origin: f(0) = Γ(1 + 1/α)/(πσ) (docs/theory.md#sas-law). NaN for σ ≤ 0. */
export function densityAtZero(alpha: number, scale = 1): number {
  if (!validAlpha(alpha) || !(scale > 0) || !Number.isFinite(scale)) return NaN
  return gamma(1 + 1 / alpha) / (Math.PI * scale)
}

/** Surface area of the unit sphere S^(d−1) in R^d: |S^(d−1)| = 2π^(d/2)/Γ(d/2) (docs/theory.md#sphere-average). */
export function sphereArea(d: number): number {
  if (!Number.isInteger(d) || d < 1) return NaN
  return (2 * Math.PI ** (d / 2)) / gamma(d / 2)
}
