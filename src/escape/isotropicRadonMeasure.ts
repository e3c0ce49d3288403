import gamma from '@stdlib/math-base-special-gamma'
import { sphereMoment } from './sphereMoment.ts'

/** κ_{d,α} = √π Γ((d+α)/2)/(Γ(d/2) Γ((1+α)/2)), the isotropic-to-1-D mass factor. */
export function isotropicMassFactor(d: number, alpha: number): number {
  if (!Number.isInteger(d) || d < 1 || !(alpha > 0 && alpha < 2)) return NaN
  return (Math.sqrt(Math.PI) * gamma((d + alpha) / 2)) / (gamma(d / 2) * gamma((1 + alpha) / 2))
}

/**
 * Exit set of the quadratic basin {½xᵀHx < h} under the isotropic noise model (docs/theory.md#sphere-average):
 *
 *   ν_L(W) = (C_{d,α}/α) (2h)^(−α/2) ∫_{S^(d−1)} (uᵀAu)^(α/2) dσ(u)   (stable normalisation),
 *   m(W) = ν_L(W)/(2c_α/α) = κ_{d,α} · E_u[(uᵀA u/(2h))^(α/2)],
 *   κ_{d,α} = C_{d,α}|S^(d−1)|/(2c_α) = √π Γ((d+α)/2) / (Γ(d/2) Γ((1+α)/2))
 *
 * (κ_{1,α} = 1, so d = 1 agrees with the interval and axis formulas). The sphere average is the exact
 * one-dimensional integral of `sphereMoment` over the eigenvalues μ of A = GᵀHG (relative accuracy
 * ≲ 1e-13). m(W) is c-free; multiply by 2c/α for ν_L of either normalisation. NaN for bad input.
 */
export function isotropicRadonMeasure(eigenvaluesA: ArrayLike<number>, height: number, alpha: number): number {
  const d = eigenvaluesA.length
  if (!(height > 0) || !Number.isFinite(height) || d < 1) return NaN
  const scaled = new Float64Array(d)
  for (let i = 0; i < d; i++) scaled[i] = eigenvaluesA[i] / (2 * height)
  return isotropicMassFactor(d, alpha) * sphereMoment(scaled, alpha / 2)
}
