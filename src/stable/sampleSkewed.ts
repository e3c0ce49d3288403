/**
 * Chambers–Mallows–Stuck sampler for the totally skewed (β = 1) α-stable law in the S1 parameterisation
 * (scipy's default `levy_stable(alpha, 1.0, scale=σ)`), docs/theory.md#cms-sampler (skewed case); Chambers,
 * Mallows & Stuck (1976), Weron (1996). With V = π(U1 − ½) ~ U(−π/2, π/2), W = −ln U2 ~ Exp(1), α ≠ 1:
 *   B = arctan(tan(πα/2))/α,   S = (1 + tan²(πα/2))^(1/(2α)),
 *   X = σ · S · sin(α(V + B))/(cos V)^(1/α) · (cos(V − α(V + B))/W)^((1−α)/α).
 * Exact in law. For α < 1 the law lives on (0, ∞) and its Laplace transform is
 * E exp(−tX) = exp(−(σt)^α / cos(πα/2)); with σ = cos(πα/2)^(1/α) this is exp(−t^α), the mixing law of the
 * isotropic sub-Gaussian construction (src/stable/sampleIsotropic.ts). cos V is computed as sin(π·min(U1, 1−U1))
 * so that it keeps full relative accuracy near V = ±π/2 (where the heavy tail comes from). For α < 1, B = π/2
 * exactly, so V + B = πU1 and cos(V − α(V + B)) = sin((1 − α)πU1) are evaluated in that form (no cancellation
 * as U1 → 0; this is Kanter's (1975) representation).
 * α = 1 (whose S1 form has an extra logarithmic term) is not supported: NaN.
 */
import type { Rng } from '../random/rng.ts'

/** One totally skewed CMS transform of two uniforms in (0, 1), scale 1. NaN for α ∉ (0, 2) \ {1}. */
export function skewedCms(alpha: number, u1: number, u2: number): number {
  if (!(alpha > 0 && alpha < 2) || alpha === 1 || !(u1 > 0 && u1 < 1) || !(u2 > 0 && u2 < 1)) return NaN
  const t = Math.tan((Math.PI * alpha) / 2)
  const b = Math.atan(t) / alpha
  const s = (1 + t * t) ** (1 / (2 * alpha))
  const v = Math.PI * (u1 - 0.5)
  const cosV = Math.sin(Math.PI * Math.min(u1, 1 - u1))
  const w = -Math.log(u2)
  if (alpha < 1) {
    const pu = Math.PI * u1
    return (
      ((s * Math.sin(alpha * pu)) / cosV ** (1 / alpha)) * (Math.sin((1 - alpha) * pu) / w) ** ((1 - alpha) / alpha)
    )
  }
  const avb = alpha * (v + b)
  return ((s * Math.sin(avb)) / cosV ** (1 / alpha)) * (Math.cos(v - avb) / w) ** ((1 - alpha) / alpha)
}

/** One totally skewed α-stable draw with scale σ (two uniforms). NaN for invalid α or σ ≤ 0. */
export function sampleSkewedOne(alpha: number, scale: number, rng: Rng): number {
  if (!(scale > 0) || !Number.isFinite(scale)) return NaN
  return scale * skewedCms(alpha, rng.uniform(), rng.uniform())
}

/**
 * n i.i.d. totally skewed α-stable draws with scale σ. All-NaN for invalid α or σ; empty for n ≤ 0 or
 * non-integer n.
 */
export function sampleSkewed(alpha: number, scale: number, n: number, rng: Rng): Float64Array {
  const len = Number.isInteger(n) && n > 0 ? n : 0
  const out = new Float64Array(len)
  for (let i = 0; i < len; i++) out[i] = sampleSkewedOne(alpha, scale, rng)
  return out
}
