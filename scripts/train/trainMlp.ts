/**
 * Trains a ReLU MLP with tfjs (SGD or Adam) from a seeded initialisation and a seeded data order,
 * so that two runs with the same seed and different optimizers start from the same θ₀ and see the
 * minibatches in the same order. Records per-epoch train/test loss and accuracy and, on a schedule,
 * the tail index of the gradient noise at the current weights (gradientNoiseTailIndex.ts: the probes'
 * coordinate-wise estimate as `alpha`, the row-major docs/theory.md#pooled-estimator estimate as `alphaRowMajor`).
 *
 * Inputs: x = pixel × inputScale, standardised to (x − μ)/σ when `standardisation` is given.
 * Randomness: θ₀ = glorotInit(layers, seed); epoch e's permutation from createRng(seed·1000 + 17)
 * (one stream for all epochs); the α batches from createRng(seed·1000 + 29). Loss = mean softmax
 * cross-entropy; plain SGD without momentum, or Adam (β1 0.9, β2 0.999, ε 1e-7, tfjs defaults).
 */
import { createRng } from '../../src/random/index.ts'
import type { Dataset, Split } from '../data/dataset.ts'
import type { HistoryEntry } from '../onnx/modelRecord.ts'
import type { InputStandardisation } from '../onnx/standardisation.ts'
import { gradientNoiseTailIndex, type NoiseMeasurement } from './gradientNoiseTailIndex.ts'
import { createTfMlp, glorotInit, meanCrossEntropy, mlpLogits, networkInput, readTheta, type TfMlp } from './mlpTf.ts'
import { progressBar } from './progressBar.ts'
import { shuffleInPlace } from './shuffleInPlace.ts'
import { tf } from './tfBackend.ts'

export interface TrainOptions {
  layers: number[]
  optimizer: 'sgd' | 'adam'
  lr: number
  batchSize: number
  epochs: number
  seed: number
  /** Measure α every this many epochs (and at epoch 0); 0 = never. */
  alphaEvery: number
  /** Number of minibatches P per α measurement. */
  alphaBatches: number
  progress?: boolean
  label?: string
  /** Input standardisation (x − μ)/σ applied to every input (scripts/onnx/standardisation.ts); none when absent. */
  standardisation?: InputStandardisation
}

/**
 * A history entry of record.json: the contract fields (alpha, alphaLower, alphaUpper = the coordinate-wise
 * estimate, the one the probes compute) plus the row-major docs/theory.md#pooled-estimator estimate of the same noise rows.
 */
export interface TrainHistoryEntry extends HistoryEntry {
  alphaRowMajor: number | null
  alphaRowMajorLower: number | null
  alphaRowMajorUpper: number | null
}

export interface TrainResult {
  theta0: Float32Array
  theta: Float32Array
  history: TrainHistoryEntry[]
  noise: (NoiseMeasurement & { epoch: number })[]
  final: { trainLoss: number; trainAccuracy: number; testLoss: number; testAccuracy: number }
  seconds: { total: number; training: number; alpha: number; perEpoch: number }
  model: TfMlp
}

function tensors(
  s: Split,
  inputDim: number,
  scale: number,
  standardisation?: InputStandardisation,
): { x: tf.Tensor2D; y: tf.Tensor1D } {
  return { x: networkInput(s.x, s.n, inputDim, scale, standardisation), y: tf.tensor1d(s.y, 'int32') }
}

/** Mean cross-entropy and accuracy on a whole split (chunks of 4096 rows). */
export function evaluate(
  m: TfMlp,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  classes: number,
): { loss: number; accuracy: number } {
  const n = x.shape[0]
  let loss = 0
  let correct = 0
  for (let start = 0; start < n; start += 4096) {
    const size = Math.min(4096, n - start)
    const [l, c] = tf.tidy(() => {
      const xs = x.slice([start, 0], [size, -1]) as tf.Tensor2D
      const ys = y.slice([start], [size]) as tf.Tensor1D
      const logits = mlpLogits(m, xs)
      return [
        meanCrossEntropy(logits, ys, classes).dataSync()[0],
        tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), ys), 'int32')).dataSync()[0],
      ]
    })
    loss += l * size
    correct += c
  }
  return { loss: loss / n, accuracy: correct / n }
}

export function trainMlp(data: Dataset, o: TrainOptions): TrainResult {
  const t0 = performance.now()
  const D = data.inputDim
  const C = data.classes
  if (o.layers[0] !== D || o.layers[o.layers.length - 1] !== C)
    throw new Error(`layers must start with ${D} and end with ${C}`)
  const theta0 = glorotInit(o.layers, o.seed)
  const model = createTfMlp(o.layers, theta0)
  const train = tensors(data.train, D, data.inputScale, o.standardisation)
  const test = tensors(data.test, D, data.inputScale, o.standardisation)
  const opt = o.optimizer === 'sgd' ? tf.train.sgd(o.lr) : tf.train.adam(o.lr)
  const orderRng = createRng(o.seed * 1000 + 17)
  const noiseSeed = o.seed * 1000 + 29
  const n = data.train.n
  const steps = Math.floor(n / o.batchSize) // the last partial batch is dropped
  const history: TrainHistoryEntry[] = []
  const noise: TrainResult['noise'] = []
  let alphaSeconds = 0
  let trainingSeconds = 0
  const bar = progressBar(o.label ?? `${data.name}-${o.optimizer}`, o.progress ?? false)

  const record = (epoch: number) => {
    let meas: NoiseMeasurement | null = null
    if (o.alphaEvery > 0 && epoch % o.alphaEvery === 0) {
      const ta = performance.now()
      meas = gradientNoiseTailIndex(model, train.x, train.y, C, {
        batches: o.alphaBatches,
        batchSize: o.batchSize,
        seed: noiseSeed,
      })
      alphaSeconds += (performance.now() - ta) / 1000
      noise.push({ ...meas, epoch })
    }
    const tr = evaluate(model, train.x, train.y, C)
    const te = evaluate(model, test.x, test.y, C)
    const fin = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null)
    history.push({
      epoch,
      iteration: epoch * steps,
      trainLoss: tr.loss,
      trainAccuracy: tr.accuracy,
      testLoss: te.loss,
      testAccuracy: te.accuracy,
      alpha: fin(meas?.alpha),
      alphaLower: fin(meas?.alphaLower),
      alphaUpper: fin(meas?.alphaUpper),
      alphaRowMajor: fin(meas?.rowMajor.alpha),
      alphaRowMajorLower: fin(meas?.rowMajor.alphaLower),
      alphaRowMajorUpper: fin(meas?.rowMajor.alphaUpper),
    })
    return history[history.length - 1]
  }

  const fmt = (v: number | null, d = 3) => (v === null ? '–' : v.toFixed(d))
  let last = record(0)
  bar.start(o.epochs * steps, {
    epoch: 0,
    loss: fmt(last.trainLoss),
    acc: fmt(last.testAccuracy),
    alpha: fmt(last.alpha, 2),
  })
  const perm = Array.from({ length: n }, (_, i) => i)
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    shuffleInPlace(perm, orderRng)
    const te = performance.now()
    for (let s = 0; s < steps; s++) {
      tf.tidy(() => {
        const idx = tf.tensor1d(perm.slice(s * o.batchSize, (s + 1) * o.batchSize), 'int32')
        const xb = tf.gather(train.x, idx) as tf.Tensor2D
        const yb = tf.gather(train.y, idx) as tf.Tensor1D
        opt.minimize(() => meanCrossEntropy(mlpLogits(model, xb), yb, C), false, model.vars)
      })
      if (s % 20 === 0) bar.update((epoch - 1) * steps + s)
    }
    trainingSeconds += (performance.now() - te) / 1000
    last = record(epoch)
    bar.update(epoch * steps, {
      epoch,
      loss: fmt(last.trainLoss),
      acc: fmt(last.testAccuracy),
      alpha: fmt(last.alpha, 2),
    })
  }
  bar.stop()
  train.x.dispose()
  train.y.dispose()
  test.x.dispose()
  test.y.dispose()
  opt.dispose()
  return {
    theta0,
    theta: readTheta(model),
    history,
    noise,
    final: {
      trainLoss: last.trainLoss,
      trainAccuracy: last.trainAccuracy,
      testLoss: last.testLoss,
      testAccuracy: last.testAccuracy,
    },
    seconds: {
      total: (performance.now() - t0) / 1000,
      training: trainingSeconds,
      alpha: alphaSeconds,
      perEpoch: trainingSeconds / Math.max(o.epochs, 1),
    },
    model,
  }
}
