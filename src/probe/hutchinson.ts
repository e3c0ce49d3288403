import type { Rng } from '../random/rng.ts'
import { dot } from './vector.ts'

/** Hutchinson estimate of tr(H) with its standard error and the Hessian-vector products spent. */
export interface TraceEstimate {
  trace: number
  standardError: number
  products: number
}

/**
 * Hutchinson's stochastic trace estimator (Hutchinson 1990; Avron & Toledo 2011):
 *
 *   tr(H) ≈ (1/m) Σ_{j=1}^m z_jᵀ H z_j,   z_j with i.i.d. Rademacher (±1) entries from the seeded generator,
 *
 * unbiased, with Var(zᵀHz) = 2 Σ_{i≠j} H_ij². The reported standard error is the sample standard
 * deviation of the m terms divided by √m (0 when m = 1 is impossible to assess: reported as NaN).
 * See docs/theory.md#probe.
 */
export async function hutchinson(
  apply: (v: Float64Array) => Promise<Float64Array>,
  dimension: number,
  options: { samples: number; rng: Rng },
): Promise<TraceEstimate> {
  const m = Math.max(1, Math.floor(options.samples))
  const terms: number[] = []
  for (let j = 0; j < m; j++) {
    const z = new Float64Array(dimension)
    for (let i = 0; i < dimension; i++) z[i] = options.rng.nextUint32() & 1 ? 1 : -1
    terms.push(dot(z, await apply(z)))
  }
  const mean = terms.reduce((a, b) => a + b, 0) / m
  const variance = m > 1 ? terms.reduce((a, t) => a + (t - mean) ** 2, 0) / (m - 1) : NaN
  return { trace: mean, standardError: Math.sqrt(variance / m), products: m }
}
