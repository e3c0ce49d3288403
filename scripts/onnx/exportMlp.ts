/**
 * ONNX export of a ReLU MLP with softmax output, written with onnx-proto (no Python).
 * Works for any layer list [inputDim, ...hidden, classes]; with no hidden layer it is multinomial
 * logistic regression.
 *
 * - `forward.onnx`: x float32 [N, inputDim] → probs float32 [N, classes]. Gemm(h, W_k, b_k) → Relu
 *   for hidden layers, Gemm → Softmax(axis −1) at the output; θ stored as initializers.
 * - `grad.onnx` (IR 8, opset 13): inputs x [N, D], y one-hot [N, C] and one input per layout entry
 *   (W1, b1, …, exact names and shapes); outputs loss [N] = −Σ_c y_c log p_c (per-sample
 *   cross-entropy), probs [N, C], and grad_<name> [N, …shape], the per-sample gradient:
 *     a_0 = x (as [N,1,D]),  z_k = a_{k−1} W_k + b_k,  a_k = relu(z_k),  p = softmax(z_L)
 *     δ_L = p − y,  ∂W_k = a_{k−1}ᵀ δ_k,  ∂b_k = δ_k,  δ_{k−1} = (δ_k W_kᵀ) ⊙ 1[a_{k−1} > 0]
 *   (relu′(0) = 0, as in tfjs; 1[a > 0] is computed as Sign(a) since a ≥ 0). Accuracy: float32
 *   arithmetic; test/scripts/onnx/exportMlp.test.ts checks it against float64 central differences.
 */
import { type LayoutEntry, layoutSize, mlpLayout } from './mlpLayout.ts'
import { encodeModel, floatInit, int64Init, node, valueInfo } from './onnxBuilders.ts'

export interface ExportedMlp {
  forward: Uint8Array
  grad: Uint8Array
  layout: LayoutEntry[]
}

export function slice(theta: Float32Array, e: LayoutEntry): Float32Array {
  return theta.subarray(e.offset, e.offset + e.shape.reduce((a, b) => a * b, 1))
}

/** Forward graph x → probs with the parameters θ (flat, layout order) as initializers. */
export function forwardGraph(layers: readonly number[], theta: Float32Array, producerVersion = '0'): Uint8Array {
  const layout = mlpLayout(layers)
  if (theta.length !== layoutSize(layout))
    throw new Error(`forwardGraph: θ has ${theta.length} values, layout needs ${layoutSize(layout)}`)
  const L = layers.length - 1
  const nodes = []
  let h = 'x'
  for (let k = 1; k <= L; k++) {
    const z = k === L ? 'logits' : `z${k}`
    nodes.push(node('Gemm', [h, `W${k}`, `b${k}`], [z]))
    if (k < L) {
      nodes.push(node('Relu', [z], [`h${k}`]))
      h = `h${k}`
    }
  }
  nodes.push(node('Softmax', ['logits'], ['probs'], { axis: -1 }))
  return encodeModel(
    {
      name: `mlp_${layers.join('_')}_forward`,
      nodes,
      inputs: [valueInfo('x', ['N', layers[0]])],
      outputs: [valueInfo('probs', ['N', layers[L]])],
      initializers: layout.map((e) => floatInit(e.name, e.shape, slice(theta, e))),
      docString: 'ReLU MLP, softmax output; x = uint8 pixel × inputScale (see record.json).',
    },
    producerVersion,
  )
}

/** Per-sample loss and gradient graph with the parameters as graph inputs. */
export function gradGraph(layers: readonly number[], producerVersion = '0'): Uint8Array {
  const layout = mlpLayout(layers)
  const L = layers.length - 1
  const C = layers[L]
  const nodes = [node('Unsqueeze', ['x', 'ax1'], ['a0']), node('Unsqueeze', ['y', 'ax1'], ['y3'])]
  for (let k = 1; k <= L; k++) {
    nodes.push(node('MatMul', [`a${k - 1}`, `W${k}`], [`m${k}`]))
    nodes.push(node('Add', [`m${k}`, `b${k}`], [`z${k}`]))
    if (k < L) nodes.push(node('Relu', [`z${k}`], [`a${k}`]))
  }
  nodes.push(
    node('Softmax', [`z${L}`], ['p3'], { axis: -1 }),
    node('LogSoftmax', [`z${L}`], ['lp3'], { axis: -1 }),
    node('Mul', ['y3', 'lp3'], ['ylp']),
    node('ReduceSum', ['ylp', 'ax12'], ['nll'], { keepdims: 0 }),
    node('Neg', ['nll'], ['loss']),
    node('Squeeze', ['p3', 'ax1'], ['probs']),
    node('Sub', ['p3', 'y3'], [`d${L}`]),
  )
  for (let k = L; k >= 1; k--) {
    nodes.push(node('Transpose', [`a${k - 1}`], [`a${k - 1}T`], { perm: [0, 2, 1] }))
    nodes.push(node('MatMul', [`a${k - 1}T`, `d${k}`], [`grad_W${k}`]))
    nodes.push(node('Squeeze', [`d${k}`, 'ax1'], [`grad_b${k}`]))
    if (k > 1) {
      nodes.push(node('Transpose', [`W${k}`], [`W${k}T`], { perm: [1, 0] }))
      nodes.push(node('MatMul', [`d${k}`, `W${k}T`], [`da${k - 1}`]))
      nodes.push(node('Sign', [`a${k - 1}`], [`s${k - 1}`]))
      nodes.push(node('Mul', [`da${k - 1}`, `s${k - 1}`], [`d${k - 1}`]))
    }
  }
  return encodeModel(
    {
      name: `mlp_${layers.join('_')}_grad`,
      nodes,
      inputs: [
        valueInfo('x', ['N', layers[0]]),
        valueInfo('y', ['N', C]),
        ...layout.map((e) => valueInfo(e.name, e.shape)),
      ],
      outputs: [
        valueInfo('loss', ['N']),
        valueInfo('probs', ['N', C]),
        ...layout.map((e) => valueInfo(`grad_${e.name}`, ['N', ...e.shape])),
      ],
      initializers: [int64Init('ax1', [1]), int64Init('ax12', [1, 2])],
      docString: 'Per-sample cross-entropy loss and its gradient w.r.t. every parameter (parameters are inputs).',
    },
    producerVersion,
  )
}

/**
 * Exports both graphs of an MLP. `theta` is the flat float32 parameter vector in layout order
 * (W1 row-major [in,out], b1, W2, …) — exactly the bytes of params.bin.
 */
export function exportMlp(layers: readonly number[], theta: Float32Array, producerVersion = '0'): ExportedMlp {
  return {
    forward: forwardGraph(layers, theta, producerVersion),
    grad: gradGraph(layers, producerVersion),
    layout: mlpLayout(layers),
  }
}
