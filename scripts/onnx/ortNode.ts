/**
 * onnxruntime-web under Node for the offline scripts and tests (onnxruntime-node is not used):
 * single-threaded wasm, sessions from bytes, and typed helpers to run the forward and grad graphs.
 */
import * as ort from 'onnxruntime-web'
import { slice } from './exportMlp.ts'
import type { LayoutEntry } from './mlpLayout.ts'

ort.env.wasm.numThreads = 1
ort.env.logLevel = 'error'

export { ort }

export async function session(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes)
}

/** Runs forward.onnx on n rows of x (float32, already scaled); returns probs [n × classes]. */
export async function runForward(
  s: ort.InferenceSession,
  x: Float32Array,
  n: number,
  inputDim: number,
): Promise<Float32Array> {
  const out = await s.run({ x: new ort.Tensor('float32', x, [n, inputDim]) })
  return out.probs.data as Float32Array
}

export interface GradOutputs {
  loss: Float32Array
  probs: Float32Array
  /** grad_<name> → per-sample gradients [n × size(name)]. */
  grads: Record<string, Float32Array>
}

/** Runs grad.onnx at θ on n rows of x with one-hot labels from `labels`. */
export async function runGrad(
  s: ort.InferenceSession,
  layout: readonly LayoutEntry[],
  theta: Float32Array,
  x: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  inputDim: number,
  classes: number,
): Promise<GradOutputs> {
  const y = new Float32Array(n * classes)
  for (let i = 0; i < n; i++) y[i * classes + labels[i]] = 1
  const feeds: Record<string, ort.Tensor> = {
    x: new ort.Tensor('float32', x, [n, inputDim]),
    y: new ort.Tensor('float32', y, [n, classes]),
  }
  for (const e of layout) feeds[e.name] = new ort.Tensor('float32', new Float32Array(slice(theta, e)), e.shape)
  // graphs with Hessian-vector-product inputs want them fed even when only gradients are fetched
  for (const e of layout)
    if (s.inputNames.includes(`v_${e.name}`))
      feeds[`v_${e.name}`] = new ort.Tensor('float32', new Float32Array(slice(theta, e).length), e.shape)
  const out = await s.run(feeds, ['loss', 'probs', ...layout.map((e) => `grad_${e.name}`)])
  const grads: Record<string, Float32Array> = {}
  for (const e of layout) grads[e.name] = out[`grad_${e.name}`].data as Float32Array
  return { loss: out.loss.data as Float32Array, probs: out.probs.data as Float32Array, grads }
}

/** Runs grad.onnx's exact Hessian-vector product: the batch-mean H v at θ (flat, layout order) on n rows. */
export async function runHvp(
  s: ort.InferenceSession,
  layout: readonly LayoutEntry[],
  theta: Float32Array,
  v: Float32Array,
  x: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  inputDim: number,
  classes: number,
): Promise<Float32Array> {
  const y = new Float32Array(n * classes)
  for (let i = 0; i < n; i++) y[i * classes + labels[i]] = 1
  const feeds: Record<string, ort.Tensor> = {
    x: new ort.Tensor('float32', x, [n, inputDim]),
    y: new ort.Tensor('float32', y, [n, classes]),
  }
  for (const e of layout) {
    feeds[e.name] = new ort.Tensor('float32', new Float32Array(slice(theta, e)), e.shape)
    feeds[`v_${e.name}`] = new ort.Tensor('float32', new Float32Array(slice(v, e)), e.shape)
  }
  const out = await s.run(
    feeds,
    layout.map((e) => `hvp_${e.name}`),
  )
  const hv = new Float32Array(theta.length)
  for (const e of layout) hv.set(out[`hvp_${e.name}`].data as Float32Array, e.offset)
  return hv
}
