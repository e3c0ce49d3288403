/**
 * Tail index of the gradient noise at the current weights (spec/theory.md §5.2, as in Simsekli et al.
 * 2019 and the α-over-iterations plots of Zhou et al. 2020, §6):
 *   g_full = ∇ of the mean loss over the whole training set (computed in chunks),
 *   g_j    = minibatch gradient on batch j (P disjoint batches of size b from a seeded permutation),
 *   noise_j = g_j − g_full  (a P × M array, M = number of parameters),
 * (batch j = rows perm[j·b … (j+1)·b − 1] of seededPermutation(n, seed)),
 * then src/tail `pooledNoiseTailIndex` (each column divided by its median |x|, columns with median 0 —
 * e.g. weights of always-blank pixels or dead units — left out, pooled row-major, log-moment estimator
 * with K1 = largest divisor ≤ √N, Student-t 95 % interval). Weights are not changed.
 */
import { pooledNoiseTailIndex } from '../../src/tail/index.ts'
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
  /** Divide each coordinate by its median |noise| before pooling (default true; §5.4). */
  standardize?: boolean
}

export interface NoiseMeasurement {
  alpha: number
  alphaLower: number
  alphaUpper: number
  inverseAlpha: number
  standardError: number
  blockSize: number
  blocks: number
  excludedColumns: number
  parameters: number
}

function flatGrad(m: TfMlp, x: tf.Tensor2D, y: tf.Tensor1D, classes: number): Float32Array {
  return tf.tidy(() => {
    const gradFn = tf.grads((...p: tf.Tensor[]) => meanCrossEntropy(mlpLogits(m, x, p), y, classes))
    const gs = gradFn(m.vars)
    return tf.concat(gs.map((g) => g.flatten())).dataSync() as Float32Array
  })
}

export function gradientNoiseTailIndex(m: TfMlp, x: tf.Tensor2D, y: tf.Tensor1D, classes: number, s: NoiseSettings): NoiseMeasurement {
  const n = x.shape[0]
  // full gradient: weighted mean of chunk gradients
  const chunk = 4096
  let full: Float64Array | null = null
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start)
    const g = tf.tidy(() => flatGrad(m, x.slice([start, 0], [size, -1]) as tf.Tensor2D, y.slice([start], [size]) as tf.Tensor1D, classes))
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
  const e = pooledNoiseTailIndex(rows, { standardize: s.standardize ?? true })
  return {
    alpha: e.alpha,
    alphaLower: e.interval.lower,
    alphaUpper: e.interval.upper,
    inverseAlpha: e.inverseAlpha,
    standardError: e.standardError,
    blockSize: e.blockSize,
    blocks: e.blocks,
    excludedColumns: e.excludedColumns,
    parameters: full!.length,
  }
}
