/**
 * Gradient noise at θ and its tail index (spec/theory.md §2.1, §5.1, §5.2, §5.4; spec/api.md probe "noise").
 *
 * Minibatches B_1 … B_P are i.i.d.: each is `batchSize` distinct samples of the evaluation set drawn by
 * a partial Fisher–Yates shuffle from the seeded generator, independently of the other minibatches. The
 * noise rows are u_j = ∇F_{B_j}(θ) − ∇F(θ) (minibatch gradient minus full gradient), i.i.d. in j.
 *
 * Tail index: the pooled, per-coordinate standardised log-moment estimator (src/tail `logMomentEstimate`,
 * §5.1 with |·|), pooled coordinate by coordinate. Each coordinate's column (u_1c … u_Pc) is centred at
 * its median (the centre of a symmetric law; the mean is 0 by construction but the evaluation set is a
 * finite, possibly skewed population, and a block sums K1 values of one column, so an offset δ would
 * add K1·δ coherently and bias α̂ down: −0.04 at α = 1.2 in the synthetic test without it), divided by
 * its median |u_jc| (§5.4: removes the heterogeneous-scale bias; m_α cancels) and the columns are
 * concatenated; the block size K1 = ⌊√P⌋ divides the P' = K1·⌊P/K1⌋ values kept per column, so every
 * block sums K1 i.i.d. minibatch noises of ONE coordinate — exactly the strict-stability identity
 * Y =_d K1^(1/α) X the estimator rests on. Coordinates with median |u| = 0 (dead units) are left out.
 *
 * Why not the row-major pooling of §5.2 (consecutive entries = different coordinates of one minibatch):
 * the softmax cross-entropy gradient obeys exact linear constraints between neighbouring coordinates
 * (Σ_k ∂f/∂W_L[i,k] = 0, Σ_k ∂f/∂b_L[k] = 0), so row-major blocks partly cancel and bias 1/α̂ down —
 * a multinomial logistic regression gave 1/α̂ < 0, and test/probe/gradientNoise.test.ts reproduces the
 * bias on synthetic SαS noise with such constraints; in the regime of real models (coordinates ≫ K1)
 * the row-major estimate was also 0.08–0.12 too high at α = 1.2 and 1.8, while this one recovered 1.2,
 * 1.5, 1.8 within its interval.
 *
 * Real per-sample gradients are sparse and only in a stable domain of attraction, not stable, so on
 * trained networks the two poolings measure different things and can differ a lot; on the bundled
 * models the constraint explains only part of the gap (the hidden layer alone, which has no constraint,
 * shows it too): centring and the set of kept columns account for most of it (docs/experiments.md,
 * scripts/train/compareNoiseRecipes.ts). The training histories use this same estimator (their
 * `alphaRowMajor` fields keep the §5.2 value), so a probe and a record differ only by data and batches.
 * α̂ describes the minibatch noise at this batch size and block size. The row-major estimate of the same
 * rows is returned too (`rowMajor`) so the two can be compared.
 */

import type { Rng } from '../random/rng.ts'
import { logMomentEstimate } from '../tail/logMomentEstimate.ts'
import type { LogMomentEstimate } from '../tail/logMomentFromBlocks.ts'
import { medianAbs } from '../tail/medianAbs.ts'
import { type PooledEstimate, pooledNoiseTailIndex } from '../tail/pooledNoiseTailIndex.ts'
import type { GradientOracle } from './oracle.ts'

export interface GradientNoise {
  /** Noise rows u_j (P rows of length parameters). */
  rows: Float64Array[]
  estimate: LogMomentEstimate & { excludedColumns: number }
  /** The §5.2 row-major pooled, standardised estimate of the same rows (the estimator of the training histories), for comparison. */
  rowMajor: PooledEstimate
  batches: number
  batchSize: number
  /** Sample-gradient evaluations spent (P·batchSize). */
  evaluations: number
}

/** The column-major standardised pool and K1 = ⌊√P⌋ (see the file comment), and its estimate. */
export function coordinatewiseTailIndex(
  rows: readonly Float64Array[],
  confidence = 0.95,
): LogMomentEstimate & { excludedColumns: number } {
  const P = rows.length
  const M = P > 0 ? rows[0].length : 0
  const k1 = Math.floor(Math.sqrt(P))
  const kept = k1 >= 2 ? k1 * Math.floor(P / k1) : 0
  const pool = new Float64Array(kept * M)
  const column = new Float64Array(kept)
  let n = 0
  let excluded = 0
  for (let c = 0; c < M; c++) {
    for (let j = 0; j < kept; j++) column[j] = rows[j][c]
    const center = signedMedian(column)
    for (let j = 0; j < kept; j++) column[j] -= center
    const med = medianAbs(column)
    if (!(med > 0) || !Number.isFinite(med)) {
      excluded++
      continue
    }
    for (let j = 0; j < kept; j++) pool[n++] = column[j] / med
  }
  return { ...logMomentEstimate(pool.subarray(0, n), Math.max(2, k1), confidence), excludedColumns: excluded }
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
  const perm = Int32Array.from({ length: n }, (_, i) => i)
  const rows: Float64Array[] = []
  for (let j = 0; j < P; j++) {
    // partial Fisher–Yates: the first B entries become a uniform random B-subset
    for (let i = 0; i < B; i++) {
      const k = i + Math.floor(options.rng.uniform() * (n - i))
      const t = perm[i]
      perm[i] = perm[k]
      perm[k] = t
    }
    const batch = perm.slice(0, B)
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
  const estimate = coordinatewiseTailIndex(rows, options.confidence ?? 0.95)
  const rowMajor = pooledNoiseTailIndex(rows, { standardize: true, confidence: options.confidence ?? 0.95 })
  return { rows, estimate, rowMajor, batches: P, batchSize: B, evaluations: P * B }
}

/** The median of the values (mean of the two middle ones for an even count). */
function signedMedian(values: Float64Array): number {
  const s = Float64Array.from(values).sort()
  const n = s.length
  if (n === 0) return 0
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}
