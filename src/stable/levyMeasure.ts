/**
 * Lévy measure of the α-stable driver (docs/theory.md#levy-measure, docs/theory.md#normalisation, docs/theory.md#exit-mass-general).
 *
 * 1-D: ν(dy) = c |y|^(−1−α) dy, with c = c_α = Γ(1+α) sin(πα/2)/π when the driver is SαS(1)
 * ("stable" normalisation, the default) or c = 1 for the paper's literal unit kernel ("unit").
 * Tail mass H(r) = ν(|y| > r) = (2c/α) r^(−α). Scaling: ν(A/ε) = ε^α ν(A).
 * Axis model in R^d: ν = Σ_i c|s|^(−1−α) ds on the line R·e_i. Isotropic model:
 * ν(dy) = (c/c_α) C_{d,α} ‖y‖^(−d−α) dy, whose 1-D marginals have Lévy density c|y|^(−1−α).
 *
 * All functions are closed forms (relative accuracy a few ulps, plus that of Γ for c_α and C_{d,α})
 * and return NaN outside their domain (α ∉ (0, 2), r ≤ 0, ...); none throws.
 */
import { isotropicConstant, levyDensityConstant } from './constants.ts'

/** Which constant c the Lévy measure uses: c_α ("stable") or 1 ("unit") (docs/theory.md#normalisation). */
export type Normalization = 'stable' | 'unit'

const okAlpha = (alpha: number): boolean => Number.isFinite(alpha) && alpha > 0 && alpha < 2

/** The Lévy-density constant c of the chosen normalisation: c_α ("stable") or 1 ("unit"), docs/theory.md#normalisation. */
export function levyConstant(alpha: number, normalization: Normalization = 'stable'): number {
  if (!okAlpha(alpha)) return NaN
  if (normalization === 'unit') return 1
  if (normalization === 'stable') return levyDensityConstant(alpha)
  return NaN
}

/** 1-D Lévy density c|y|^(−1−α) at y ≠ 0 (docs/theory.md#levy-measure). NaN at y = 0. */
export function levyDensity(y: number, alpha: number, c: number): number {
  if (!okAlpha(alpha) || !(c > 0) || !Number.isFinite(y) || y === 0) return NaN
  return c * Math.abs(y) ** (-1 - alpha)
}

/** Two-sided tail mass H(r) = ν(|y| > r) = (2c/α) r^(−α), r > 0 (docs/theory.md#levy-measure). */
export function tailMass(r: number, alpha: number, c: number): number {
  if (!okAlpha(alpha) || !(c > 0) || !(r > 0)) return NaN
  return ((2 * c) / alpha) * r ** -alpha
}

/**
 * One-sided mass of the band lo < y < lo + width (lo > 0, width ∈ (0, ∞]):
 * (c/α)(lo^(−α) − (lo+width)^(−α)), computed as (c/α) lo^(−α) (−expm1(−α log1p(width/lo))) so that a thin
 * band keeps full relative accuracy when its width is known directly (docs/theory.md#exit-location). width = ∞ gives (c/α) lo^(−α).
 */
export function bandMass(lo: number, width: number, alpha: number, c: number): number {
  if (!okAlpha(alpha) || !(c > 0) || !(lo > 0) || !Number.isFinite(lo) || !(width > 0)) return NaN
  const base = (c / alpha) * lo ** -alpha
  if (width === Infinity) return base
  return base * -Math.expm1(-alpha * Math.log1p(width / lo))
}

/**
 * Mass of an exit set under the axis model, ν_L(W) = (c/α) Σ_i [R(e_i)^(−α) + R(−e_i)^(−α)] from the
 * 2d exit radii along the coordinate half-axes (docs/theory.md#exit-mass-general). `radii` lists them in any order; an infinite
 * radius (no exit in that direction) contributes 0.
 */
export function axisMass(radii: ArrayLike<number>, alpha: number, c: number): number {
  if (!okAlpha(alpha) || !(c > 0)) return NaN
  let s = 0
  for (let i = 0; i < radii.length; i++) {
    const r = radii[i]
    if (!(r > 0)) return NaN
    s += r ** -alpha
  }
  return (c / alpha) * s
}

/**
 * Isotropic Lévy-density constant of the chosen normalisation: (c/c_α) C_{d,α}, so that every 1-D
 * marginal has density c|y|^(−1−α) (docs/theory.md#levy-measure). For "stable" this is C_{d,α}.
 */
export function isotropicLevyConstant(d: number, alpha: number, c: number): number {
  if (!okAlpha(alpha) || !(c > 0)) return NaN
  return (c / levyDensityConstant(alpha)) * isotropicConstant(d, alpha)
}

/** Scaling of the measure: ν(A/ε) = ε^α ν(A) (docs/theory.md#levy-measure). Returns ε^α · mass. */
export function scaleMass(mass: number, epsilon: number, alpha: number): number {
  if (!okAlpha(alpha) || !(epsilon > 0) || !(mass >= 0)) return NaN
  return epsilon ** alpha * mass
}
