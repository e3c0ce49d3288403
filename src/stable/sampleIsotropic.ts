/**
 * Isotropic SαS(1) vectors in R^d (characteristic function E exp(i⟨u, X⟩) = exp(−‖u‖^α)) by the
 * sub-Gaussian construction of docs/theory.md#cms-sampler: X = √A · G with G ~ N(0, 2I_d) and, independent of it,
 * A ≥ 0 the totally skewed (α/2)-stable draw with scale cos(πα/4)^(2/α) (scipy
 * `levy_stable(α/2, 1.0, scale=cos(πα/4)**(2/α))`), whose Laplace transform is E e^(−tA) = exp(−t^(α/2)).
 * Then E exp(i⟨u, X⟩) = E exp(−A‖u‖²) = exp(−‖u‖^α): exact in law; every 1-D marginal is SαS(1).
 * α = 2 gives A = 1 (the limit), X ~ N(0, 2I). A comes from `sampleSkewedOne`, G from Box–Muller normals.
 * Stream use per vector: two uniforms for A (none at α = 2), then two per coordinate.
 */

import { normal } from '../random/normal.ts'
import type { Rng } from '../random/rng.ts'
import { sampleSkewedOne } from './sampleSkewed.ts'

/** Scale of the mixing variable A: cos(πα/4)^(2/α). */
export function isotropicMixingScale(alpha: number): number {
  return Math.cos((Math.PI * alpha) / 4) ** (2 / alpha)
}

/** One mixing draw A (α/2-stable, β = 1, scale cos(πα/4)^(2/α)); 1 at α = 2; NaN for α ∉ (0, 2]. */
export function isotropicMixing(alpha: number, rng: Rng): number {
  if (!(alpha > 0 && alpha <= 2)) return NaN
  if (alpha === 2) return 1
  return sampleSkewedOne(alpha / 2, isotropicMixingScale(alpha), rng)
}

/**
 * Writes one isotropic SαS(1) vector of dimension d into out[offset .. offset + d). NaNs for α ∉ (0, 2].
 */
function sampleIsotropicInto(alpha: number, dimension: number, rng: Rng, out: Float64Array, offset = 0): void {
  const r = Math.sqrt(2 * isotropicMixing(alpha, rng))
  for (let i = 0; i < dimension; i++) out[offset + i] = r * normal(rng)
}

/**
 * n isotropic SαS(1) vectors of dimension d, row-major (n × d). Empty for invalid n or d (non-positive or
 * non-integer); NaNs for α ∉ (0, 2].
 */
export function sampleIsotropic(alpha: number, dimension: number, n: number, rng: Rng): Float64Array {
  const ok = Number.isInteger(n) && n > 0 && Number.isInteger(dimension) && dimension > 0
  const out = new Float64Array(ok ? n * dimension : 0)
  if (!ok) return out
  for (let k = 0; k < n; k++) sampleIsotropicInto(alpha, dimension, rng, out, k * dimension)
  return out
}
