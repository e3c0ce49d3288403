import type { Rng } from '../random/rng.ts'
import { type CoordinatewiseEstimate, coordinatewiseTailIndex } from '../tail/coordinatewiseTailIndex.ts'
import { type PooledEstimate, pooledNoiseTailIndex } from '../tail/pooledNoiseTailIndex.ts'
import {
  finiteDiagnostics,
  MIN_DIAGNOSTIC_VALUES,
  type TailDiagnostics,
  tailDiagnostics,
} from '../tail/tailDiagnostics.ts'
import type { GradientOracle } from './oracle.ts'

/**
 * Measured gradient noise at a point: the rows u_j and their tail-index estimates (docs/theory.md#coordinatewise-pooling).
 */
export interface GradientNoise {
  /** Noise rows u_j (P rows of length parameters). */
  rows: Float64Array[]
  estimate: CoordinatewiseEstimate
  /** The docs/theory.md#pooled-estimator row-major pooled, standardised estimate of the same rows (the estimator of the training histories), for comparison. */
  rowMajor: PooledEstimate
  batches: number
  batchSize: number
  /** Sample-gradient evaluations spent (P·batchSize). */
  evaluations: number
  /** Estimators, block-size curve and α-stable verdict of the pooled noise (absent: too few values, see `diagnosticsNote`). */
  diagnostics?: TailDiagnostics
  /** Why diagnostics are missing or incomplete ("" when complete). */
  diagnosticsNote: string
}

/**
 * Gradient noise at θ and its tail index (docs/theory.md#coordinatewise-pooling; API: the probe's "noise").
 *
 * Minibatches B_1 … B_P are i.i.d.: each is `batchSize` distinct samples of the evaluation set drawn by
 * a partial Fisher–Yates shuffle from the seeded generator, independently of the other minibatches. The
 * noise rows are u_j = ∇F_{B_j}(θ) − ∇F(θ) (minibatch gradient minus full gradient), i.i.d. in j and
 * centred by construction (E u_j = 0), so they are not centred again.
 *
 * Tail index: src/tail `coordinatewiseTailIndex` with no centring: parameters whose noise has a point mass
 * (a value repeated across minibatches, an exact 0) are left out and reported in `estimate.atoms`; the
 * others are divided by their median |u| and pooled parameter by parameter with K1 = ⌊√P⌋, so every
 * block sums K1 i.i.d. minibatch noises of one parameter. The row-major pooled estimate of the same rows
 * is returned too (`rowMajor`) for comparison; it is biased on softmax gradients, whose coordinates obey
 * exact linear constraints (test/probe/gradientNoise.test.ts reproduces the bias on synthetic SαS noise).
 * α̂ describes the minibatch noise at this batch size and block size.
 */
export async function gradientNoise(
  oracle: GradientOracle,
  theta: Float64Array,
  fullGradient: Float64Array,
  options: { batchSize: number; batches: number; rng: Rng; confidence?: number; diagnostics?: boolean },
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
  const confidence = options.confidence ?? 0.95
  const estimate = coordinatewiseTailIndex(rows, { confidence })
  const rowMajor = pooledNoiseTailIndex(rows, { standardize: true, confidence })
  const out: GradientNoise = {
    rows,
    estimate,
    rowMajor,
    batches: P,
    batchSize: B,
    evaluations: P * B,
    diagnosticsNote: '',
  }
  if (options.diagnostics === false) return out
  if (estimate.pool.length < MIN_DIAGNOSTIC_VALUES || !(estimate.blockSize >= 2)) {
    out.diagnosticsNote = `The tail-index diagnostics need at least ${MIN_DIAGNOSTIC_VALUES} pooled noise values and ${estimate.pool.length} remain after the point masses: raise batches.`
    return out
  }
  const d = tailDiagnostics(
    {
      values: estimate.pool,
      rows: estimate.rowsUsed,
      columns: estimate.columns,
      blockSize: estimate.blockSize,
      standardized: true,
      centred: false,
    },
    { confidence, seed: options.rng.nextUint32() },
  )
  const finite = finiteDiagnostics(d)
  if (!finite) {
    out.diagnosticsNote = 'The tail-index diagnostics could not form a verdict (too few noise values): raise batches.'
    return out
  }
  out.diagnostics = finite.diagnostics
  if (finite.omitted.length > 0)
    out.diagnosticsNote = `Too few noise values for ${finite.omitted.join(', ')} in the tail-index diagnostics; raise batches.`
  return out
}
