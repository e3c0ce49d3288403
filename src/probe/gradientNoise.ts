/**
 * Gradient noise at θ and its tail index (spec/theory.md §2.1, §5.2, §5.4; spec/api.md probe "noise").
 *
 * Minibatches B_1 … B_P of `batchSize` samples are consecutive chunks of seeded random permutations
 * of the evaluation set (disjoint while P·batchSize ≤ n, a fresh permutation per pass otherwise, as in
 * SGD epochs). The noise rows are u_j = ∇F_{B_j}(θ) − ∇F(θ) (minibatch gradient minus the full
 * gradient), and α is estimated from them by the pooled, per-coordinate standardised log-moment
 * estimator of src/tail (`pooledNoiseTailIndex`, blockSize K1 by its default rule), with its t interval.
 */
import type { GradientOracle } from './oracle.ts'
import type { Rng } from '../random/rng.ts'
import { pooledNoiseTailIndex, type PooledEstimate } from '../tail/pooledNoiseTailIndex.ts'

export interface GradientNoise {
  /** Noise rows u_j (P rows of length parameters). */
  rows: Float64Array[]
  estimate: PooledEstimate
  batches: number
  batchSize: number
  /** Sample-gradient evaluations spent (P·batchSize). */
  evaluations: number
}

export async function gradientNoise(
  oracle: GradientOracle,
  theta: Float64Array,
  fullGradient: Float64Array,
  options: { batchSize: number; batches: number; rng: Rng; confidence?: number },
): Promise<GradientNoise> {
  const n = oracle.samples
  const B = Math.max(1, Math.min(n, Math.floor(options.batchSize)))
  const P = Math.max(1, Math.floor(options.batches))
  const perm = new Int32Array(n)
  let cursor = n
  const rows: Float64Array[] = []
  for (let j = 0; j < P; j++) {
    if (cursor + B > n) {
      for (let i = 0; i < n; i++) perm[i] = i
      for (let i = n - 1; i > 0; i--) {
        const k = Math.floor(options.rng.uniform() * (i + 1))
        const t = perm[i]
        perm[i] = perm[k]
        perm[k] = t
      }
      cursor = 0
    }
    const batch = perm.subarray(cursor, cursor + B)
    cursor += B
    const g = new Float64Array(oracle.parameters)
    for (let start = 0; start < B; start += oracle.maxBatch) {
      const part = batch.subarray(start, Math.min(B, start + oracle.maxBatch))
      const r = await oracle.evaluate(theta, part)
      const w = part.length / B
      const rg = r.gradient as Float64Array
      for (let p = 0; p < g.length; p++) g[p] += w * rg[p]
    }
    for (let p = 0; p < g.length; p++) g[p] -= fullGradient[p]
    rows.push(g)
  }
  const estimate = pooledNoiseTailIndex(rows, { standardize: true, confidence: options.confidence ?? 0.95 })
  return { rows, estimate, batches: P, batchSize: B, evaluations: P * B }
}
