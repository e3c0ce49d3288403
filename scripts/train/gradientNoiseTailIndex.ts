/**
 * Tail index of the gradient noise at the current weights (docs/theory.md#log-moment-estimator, docs/theory.md#pooled-estimator, docs/theory.md#estimator-caveats; the
 * α-over-iterations plots of Zhou et al. 2020, docs/theory.md#paper-experiments):
 *   g_full = ∇ of the mean loss over the whole training set (computed in chunks),
 *   g_j    = minibatch gradient on batch j (P disjoint batches of size b from a seeded permutation),
 *   noise_j = g_j − g_full  (a P × M array, M = number of parameters),
 * (batch j = rows perm[j·b … (j+1)·b − 1] of seededPermutation(n, seed)). Weights are not changed.
 *
 * Two estimates of the same P × M rows:
 *   - `alpha` (the default, the one stored as history α): src/probe `coordinatewiseTailIndex`, the same
 *     function the probes of POST /v1/models/{id}/probe use: parameters whose noise has a point mass (a
 *     value repeated across minibatches, an exact 0) left out, the others (not centred again: the rows
 *     are centred by construction) divided by their median |x|, pooled parameter by parameter with
 *     K1 = ⌊√P⌋, so every block sums K1 independent minibatch noises of ONE parameter (the stability
 *     identity Y =_d K1^(1/α) X of docs/theory.md#log-moment-estimator), Student-t 95 % interval.
 *   - `rowMajor`: src/tail `pooledNoiseTailIndex` (docs/theory.md#pooled-estimator: columns divided by median |x|, pooled row-major,
 *     K1 = largest divisor ≤ √N). Consecutive entries are different parameters of one minibatch, and the
 *     softmax output layer's gradient sums to zero over classes (Σ_c ∂ℓ/∂b_c = 0, Σ_c ∂ℓ/∂W_L[h, c] = 0
 *     with the [in, out] layout), so row-major blocks partly cancel and α̂ comes out too high (measured in
 *     docs/experiments.md "Two poolings": 2.00 (clipped) for a true 1.5 on synthetic SαS rows with that
 *     constraint on every column, against 1.48 coordinate-wise). On the trained networks the two differ
 *     mostly for other reasons (centring, the columns kept, K1), so neither is a ground truth there.
 *     Kept for comparison with the earlier records and the docs/theory.md#pooled-estimator recipe.
 */
import { coordinatewiseTailIndex, type LogMomentEstimate, pooledNoiseTailIndex } from '../../src/tail/index.ts'

import { meanCrossEntropy, mlpLogits, type TfMlp } from './mlpTf.ts'
import { seededPermutation } from './shuffleInPlace.ts'
import { tf } from './tfBackend.ts'

export interface NoiseSettings {
  /** Number of minibatches P. */
  batches: number
  /** Minibatch size b (the training batch size). */
  batchSize: number
  /** Seed of the batch permutation (the same at every measurement). */
  seed: number
  /** Row-major estimate only: divide each column by its median |noise| before pooling (default true; docs/theory.md#estimator-caveats). */
  standardize?: boolean
}

/** One estimate: α̂ with its 95 % interval and the block layout. */
export interface NoiseEstimate {
  alpha: number
  alphaLower: number
  alphaUpper: number
  inverseAlpha: number
  standardError: number
  blockSize: number
  blocks: number
  excludedColumns: number
}

/** The coordinate-wise estimate (top level) and the row-major one of the same rows. */
export interface NoiseMeasurement extends NoiseEstimate {
  parameters: number
  /** Minibatches used (P). */
  batches: number
  rowMajor: NoiseEstimate
}

function summary(e: LogMomentEstimate & { excludedColumns: number }): NoiseEstimate {
  return {
    alpha: e.alpha,
    alphaLower: e.interval.lower,
    alphaUpper: e.interval.upper,
    inverseAlpha: e.inverseAlpha,
    standardError: e.standardError,
    blockSize: e.blockSize,
    blocks: e.blocks,
    excludedColumns: e.excludedColumns,
  }
}

function flatGrad(m: TfMlp, x: tf.Tensor2D, y: tf.Tensor1D, classes: number): Float32Array {
  return tf.tidy(() => {
    const gradFn = tf.grads((...p: tf.Tensor[]) => meanCrossEntropy(mlpLogits(m, x, p), y, classes))
    const gs = gradFn(m.vars)
    return tf.concat(gs.map((g) => g.flatten())).dataSync() as Float32Array
  })
}

/** The P × M noise rows (minibatch gradient − full gradient) at the model's current weights. */
export function gradientNoiseRows(
  m: TfMlp,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  classes: number,
  s: NoiseSettings,
): Float64Array[] {
  const n = x.shape[0]
  // full gradient: weighted mean of chunk gradients
  const chunk = 4096
  let full: Float64Array | null = null
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start)
    const g = tf.tidy(() =>
      flatGrad(m, x.slice([start, 0], [size, -1]) as tf.Tensor2D, y.slice([start], [size]) as tf.Tensor1D, classes),
    )
    full ??= new Float64Array(g.length)
    for (let i = 0; i < g.length; i++) full[i] += (g[i] * size) / n
  }
  const P = Math.min(s.batches, Math.floor(n / s.batchSize))
  const perm = seededPermutation(n, s.seed)
  const rows: Float64Array[] = []
  for (let j = 0; j < P; j++) {
    const g = tf.tidy(() => {
      const idx = tf.tensor1d(perm.slice(j * s.batchSize, (j + 1) * s.batchSize), 'int32')
      return flatGrad(m, tf.gather(x, idx) as tf.Tensor2D, tf.gather(y, idx) as tf.Tensor1D, classes)
    })
    const row = new Float64Array(g.length)
    for (let i = 0; i < g.length; i++) row[i] = g[i] - full![i]
    rows.push(row)
  }
  return rows
}

/** Both estimates of the given noise rows (see the file comment). */
export function noiseTailIndex(rows: readonly Float64Array[], standardize = true): NoiseMeasurement {
  const coord = summary(coordinatewiseTailIndex(rows))
  const rowMajor = summary(pooledNoiseTailIndex(rows, { standardize }))
  return { ...coord, parameters: rows.length > 0 ? rows[0].length : 0, batches: rows.length, rowMajor }
}

export function gradientNoiseTailIndex(
  m: TfMlp,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  classes: number,
  s: NoiseSettings,
): NoiseMeasurement {
  return noiseTailIndex(gradientNoiseRows(m, x, y, classes, s), s.standardize ?? true)
}
