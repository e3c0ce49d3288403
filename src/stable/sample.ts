/**
 * Chambers–Mallows–Stuck sampler for SαS(σ), β = 0 (Chambers, Mallows & Stuck 1976; docs/theory.md#cms-sampler).
 * With V = π(U1 − ½) ~ U(−π/2, π/2) and W = −ln U2 ~ Exp(1):
 *   α ≠ 1:  X = σ · sin(αV)/(cos V)^(1/α) · (cos(V − αV)/W)^((1−α)/α)
 *   α = 1:  X = σ tan V
 * Exact in law; at α = 2 it gives 2√W sin V ~ N(0, 2σ²). Deterministic vectors: docs/theory.md#validation-tables.
 */
import type { Rng } from '../random/rng.ts'

/**
 * One CMS transform of two uniforms in (0, 1) (the deterministic map of docs/theory.md#validation-tables), for σ = 1.
 * Returns NaN for α ∉ (0, 2] or uniforms outside (0, 1).
 */
export function cms(alpha: number, u1: number, u2: number): number {
  if (!(alpha > 0 && alpha <= 2) || !(u1 > 0 && u1 < 1) || !(u2 > 0 && u2 < 1)) return NaN
  const v = Math.PI * (u1 - 0.5)
  if (alpha === 1) return Math.tan(v)
  const w = -Math.log(u2)
  return (Math.sin(alpha * v) / Math.cos(v) ** (1 / alpha)) * (Math.cos(v - alpha * v) / w) ** ((1 - alpha) / alpha)
}

/**
 * n i.i.d. SαS(σ) draws. Hoists the α-dependent exponents out of the loop.
 * Returns an all-NaN array for invalid α or σ, and an empty one for n ≤ 0 or non-integer n.
 */
export function sample(alpha: number, scale: number, n: number, rng: Rng): Float64Array {
  const len = Number.isInteger(n) && n > 0 ? n : 0
  const out = new Float64Array(len)
  if (!(alpha > 0 && alpha <= 2) || !(scale > 0) || !Number.isFinite(scale)) return out.fill(NaN)
  if (alpha === 1) {
    for (let i = 0; i < len; i++) out[i] = scale * Math.tan(Math.PI * (rng.uniform() - 0.5))
    return out
  }
  const invA = 1 / alpha
  const e = (1 - alpha) / alpha
  const oneMinusA = 1 - alpha
  for (let i = 0; i < len; i++) {
    const v = Math.PI * (rng.uniform() - 0.5)
    const w = -Math.log(rng.uniform())
    out[i] = scale * (Math.sin(alpha * v) / Math.cos(v) ** invA) * (Math.cos(oneMinusA * v) / w) ** e
  }
  return out
}
