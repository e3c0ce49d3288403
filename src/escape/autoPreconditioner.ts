/**
 * Adam's "auto" preconditioner for what-if comparisons (docs/theory.md#sgd-vs-adam, docs/theory.md#adam-preconditioner):
 * q_i = σ_i/σ̄ with σ̄ = ((1/d) Σ σ_i^α)^(1/α), the α-power mean of the noise scales taken with Adam's α.
 * Adam's effective noise Q⁻¹Σ is then σ̄ in every coordinate (isotropic scale, same α-power mean).
 * Computed with σ scaled by max σ first, so no overflow for any finite positive σ. NaN for bad input.
 */
export function autoPreconditioner(sigma: ArrayLike<number>, alpha: number): number[] {
  const d = sigma.length
  let max = 0
  for (let i = 0; i < d; i++) {
    if (!(sigma[i] > 0) || !Number.isFinite(sigma[i])) return Array.from({ length: d }, () => NaN)
    max = Math.max(max, sigma[i])
  }
  if (!(alpha > 0) || d === 0) return Array.from({ length: d }, () => NaN)
  let s = 0
  for (let i = 0; i < d; i++) s += (sigma[i] / max) ** alpha
  const mean = max * (s / d) ** (1 / alpha)
  return Array.from({ length: d }, (_, i) => sigma[i] / mean)
}
