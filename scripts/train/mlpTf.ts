/**
 * The MLP in tfjs, written with functional ops on explicit variables so that the parameters map
 * one-to-one onto the export layout (W_k [in,out], b_k [out]; scripts/onnx/mlpLayout.ts):
 *   z_k = a_{k−1} W_k + b_k,  a_k = relu(z_k) for hidden layers, logits = z_L.
 * Initialisation (seeded, src/random): W_k ~ U(−r, r) with r = √(6/(in+out)) (Glorot uniform, as
 * tf.layers.dense), b_k = 0.
 */
import { createRng } from '../../src/random/index.ts'
import { type LayoutEntry, layoutSize, mlpLayout } from '../onnx/mlpLayout.ts'
import type { InputStandardisation } from '../onnx/standardisation.ts'
import { tf } from './tfBackend.ts'

export function glorotInit(layers: readonly number[], seed: number): Float32Array {
  const layout = mlpLayout(layers)
  const theta = new Float32Array(layoutSize(layout))
  const rng = createRng(seed)
  for (const e of layout) {
    if (e.shape.length !== 2) continue
    const r = Math.sqrt(6 / (e.shape[0] + e.shape[1]))
    const size = e.shape[0] * e.shape[1]
    for (let i = 0; i < size; i++) theta[e.offset + i] = (2 * rng.uniform() - 1) * r
  }
  return theta
}

export interface TfMlp {
  layers: number[]
  layout: LayoutEntry[]
  vars: tf.Variable[]
}

let created = 0

export function createTfMlp(layers: readonly number[], theta: Float32Array): TfMlp {
  const layout = mlpLayout(layers)
  if (theta.length !== layoutSize(layout)) throw new Error('createTfMlp: θ length differs from the layout')
  const vars = layout.map((e) =>
    tf.variable(
      tf.tensor(theta.slice(e.offset, e.offset + e.shape.reduce((a, b) => a * b, 1)), e.shape, 'float32'),
      true,
      `mlp${++created}_${e.name}`,
    ),
  )
  return { layers: [...layers], layout, vars }
}

/** Logits [N, classes] for scaled inputs x [N, inputDim]; `params` default to the model's variables. */
export function mlpLogits(m: TfMlp, x: tf.Tensor2D, params: readonly tf.Tensor[] = m.vars): tf.Tensor2D {
  let a: tf.Tensor2D = x
  const L = m.layers.length - 1
  for (let k = 0; k < L; k++) {
    const z = tf.add(tf.matMul(a, params[2 * k] as tf.Tensor2D), params[2 * k + 1]) as tf.Tensor2D
    a = k < L - 1 ? tf.relu(z) : z
  }
  return a
}

/** Mean softmax cross-entropy of logits against integer labels. */
export function meanCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, classes: number): tf.Scalar {
  const oneHot = tf.oneHot(labels, classes)
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1))) as tf.Scalar
}

/** θ (flat float32, layout order) read back from the variables. */
export function readTheta(m: TfMlp): Float32Array {
  const theta = new Float32Array(layoutSize(m.layout))
  m.layout.forEach((e, i) => theta.set(m.vars[i].dataSync() as Float32Array, e.offset))
  return theta
}

/**
 * What the network's first layer sees for uint8 rows: x = pixel × inputScale, then (x − μ)/σ with float32
 * constants when the model has an input standardisation (scripts/onnx/standardisation.ts).
 */
export function networkInput(
  xU8: Uint8Array,
  n: number,
  inputDim: number,
  inputScale: number,
  standardisation?: Pick<InputStandardisation, 'mean' | 'std'>,
): tf.Tensor2D {
  return tf.tidy(() => {
    const x = tf.mul(tf.tensor2d(xU8, [n, inputDim], 'float32'), inputScale) as tf.Tensor2D
    if (!standardisation) return x
    return tf.div(
      tf.sub(x, tf.scalar(Math.fround(standardisation.mean))),
      tf.scalar(Math.fround(standardisation.std)),
    ) as tf.Tensor2D
  })
}

/** Softmax probabilities for uint8 rows (scaled and, when given, standardised as in `networkInput`). */
export function predictProbs(
  m: TfMlp,
  xU8: Uint8Array,
  n: number,
  inputScale: number,
  standardisation?: Pick<InputStandardisation, 'mean' | 'std'>,
): Float32Array {
  return tf.tidy(() => {
    const x = networkInput(xU8, n, m.layers[0], inputScale, standardisation)
    return tf.softmax(mlpLogits(m, x)).dataSync() as Float32Array
  })
}

export function disposeTfMlp(m: TfMlp): void {
  m.vars.forEach((v) => v.dispose())
}
