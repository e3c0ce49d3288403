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
import type { InputStandardisation } from './standardisation.ts'

/** What the graphs need of the standardisation: (x − mean)/std. */
export type GraphStandardisation = Pick<InputStandardisation, 'mean' | 'std'>

import { encodeModel, floatInit, int64Init, int64Scalar, node, onnx, valueInfo } from './onnxBuilders.ts'

/** Nodes mapping `input` to `output` = (input − inputMean)/inputStd, or an Identity without standardisation. */
function standardiseNodes(input: string, output: string, s?: GraphStandardisation) {
  // (x − mean)/std with float32 constants: scripts/onnx/standardisation.ts
  if (!s) return [node('Identity', [input], [output])]
  return [
    node('Sub', [input, 'inputMean'], [`${input}Centred`]),
    node('Div', [`${input}Centred`, 'inputStd'], [output]),
  ]
}

function standardiseInitializers(s?: GraphStandardisation) {
  if (!s) return []
  return [floatInit('inputMean', [], Float32Array.of(s.mean)), floatInit('inputStd', [], Float32Array.of(s.std))]
}

function standardisationDoc(s?: GraphStandardisation): string {
  return s ? ` The input x is first standardised: (x − ${s.mean}) / ${s.std}.` : ''
}

export interface ExportedMlp {
  forward: Uint8Array
  grad: Uint8Array
  layout: LayoutEntry[]
}

export function slice(theta: Float32Array, e: LayoutEntry): Float32Array {
  return theta.subarray(e.offset, e.offset + e.shape.reduce((a, b) => a * b, 1))
}

/** Forward graph x → probs with the parameters θ (flat, layout order) as initializers. */
export function forwardGraph(
  layers: readonly number[],
  theta: Float32Array,
  producerVersion = '0',
  standardisation?: GraphStandardisation,
): Uint8Array {
  const layout = mlpLayout(layers)
  if (theta.length !== layoutSize(layout))
    throw new Error(`forwardGraph: θ has ${theta.length} values, layout needs ${layoutSize(layout)}`)
  const L = layers.length - 1
  const nodes = [...standardiseNodes('x', 'xs', standardisation)]
  let h = 'xs'
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
      initializers: [
        ...layout.map((e) => floatInit(e.name, e.shape, slice(theta, e))),
        ...standardiseInitializers(standardisation),
      ],
      docString: `ReLU MLP, softmax output; x = uint8 pixel × inputScale (see record.json).${standardisationDoc(standardisation)}`,
    },
    producerVersion,
  )
}

/**
 * Per-sample loss and gradient graph with the parameters as graph inputs, plus the exact
 * Hessian-vector product of the batch-mean loss (Pearlmutter's R-operator, forward-over-reverse;
 * docs/theory.md#exact-hessian-vector-products). Inputs `v_<name>` (one per parameter, same shape)
 * give the direction v; outputs `hvp_<name>` hold H v = (1/N) Σ_i ∇²f_i v. With R{·} = d/dr (·)(θ + r v)
 * at r = 0, the R-pass is
 *   R{a_0} = 0,  R{z_k} = R{a_{k−1}} W_k + a_{k−1} V_k + v_{b_k},  R{a_k} = R{z_k} ⊙ 1[a_k > 0],
 *   R{δ_L} = p ⊙ R{z_L} − p ⟨p, R{z_L}⟩,
 *   R{δ_{k−1}} = (R{δ_k} W_kᵀ + δ_k V_kᵀ) ⊙ 1[a_{k−1} > 0],
 *   H v|_{W_k} = (1/N) Σ_i (a_{k−1}ᵀ R{δ_k} + R{a_{k−1}}ᵀ δ_k),  H v|_{b_k} = (1/N) Σ_i R{δ_k},
 * exact for the ReLU network wherever no pre-activation is exactly 0 (relu″ = 0 almost everywhere).
 * The sums over the batch are 2-D matrix products, so the product costs about two gradient passes
 * and no per-sample outer products. Callers that want only losses or gradients still feed the
 * `v_<name>` inputs (zeros are fine: ONNX Runtime skips every node the requested outputs do not need).
 *
 * With `standardisation`, the graph first maps its input x to (x − mean)/std (the training
 * standardisation, a constant of the graph), so every consumer feeds the same x = pixel × inputScale.
 */
export function gradGraph(
  layers: readonly number[],
  producerVersion = '0',
  standardisation?: GraphStandardisation,
): Uint8Array {
  const layout = mlpLayout(layers)
  const L = layers.length - 1
  const C = layers[L]
  const nodes = [...standardiseNodes('x', 'xs', standardisation)]
  nodes.push(node('Unsqueeze', ['xs', 'ax1'], ['a0']), node('Unsqueeze', ['y', 'ax1'], ['y3']))
  for (let k = 1; k <= L; k++) {
    nodes.push(node('MatMul', [`a${k - 1}`, `W${k}`], [`m${k}`]))
    nodes.push(node('Add', [`m${k}`, `b${k}`], [`z${k}`]))
    if (k < L) {
      nodes.push(node('Relu', [`z${k}`], [`a${k}`]))
      nodes.push(node('Sign', [`a${k}`], [`s${k}`]))
    }
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
      nodes.push(node('Mul', [`da${k - 1}`, `s${k - 1}`], [`d${k - 1}`]))
    }
  }
  // R-forward
  for (let k = 1; k <= L; k++) {
    nodes.push(node('MatMul', [`a${k - 1}`, `v_W${k}`], [`Ram${k}`]))
    if (k === 1) nodes.push(node('Add', ['Ram1', 'v_b1'], ['Rz1']))
    else {
      nodes.push(node('MatMul', [`Ra${k - 1}`, `W${k}`], [`Rmw${k}`]))
      nodes.push(node('Add', [`Rmw${k}`, `Ram${k}`], [`Rm${k}`]))
      nodes.push(node('Add', [`Rm${k}`, `v_b${k}`], [`Rz${k}`]))
    }
    if (k < L) nodes.push(node('Mul', [`Rz${k}`, `s${k}`], [`Ra${k}`]))
  }
  nodes.push(
    node('Mul', ['p3', `Rz${L}`], ['pRz']),
    node('ReduceSum', ['pRz', 'ax2'], ['pRzSum'], { keepdims: 1 }),
    node('Mul', ['p3', 'pRzSum'], ['ppRz']),
    node('Sub', ['pRz', 'ppRz'], [`Rd${L}`]),
    node('Shape', ['x'], ['xShape']),
    node('Gather', ['xShape', 'i0'], ['nInt'], { axis: 0 }),
    node('Cast', ['nInt'], ['nFloat'], { to: onnx.TensorProto.DataType.FLOAT }),
  )
  // R-backward and the batch sums as 2-D products: [in, N] × [N, out]
  const flat = (name: string) => {
    nodes.push(node('Squeeze', [name, 'ax1'], [`${name}_2d`]))
    return `${name}_2d`
  }
  const flatA = new Map<string, string>()
  const flatOnce = (name: string) => {
    if (!flatA.has(name)) flatA.set(name, flat(name))
    return flatA.get(name)!
  }
  for (let k = L; k >= 1; k--) {
    const aPrev = flatOnce(`a${k - 1}`)
    const rd = flatOnce(`Rd${k}`)
    nodes.push(node('Transpose', [aPrev], [`${aPrev}T`], { perm: [1, 0] }))
    nodes.push(node('MatMul', [`${aPrev}T`, rd], [`HsumA${k}`]))
    if (k > 1) {
      const raPrev = flatOnce(`Ra${k - 1}`)
      const d = flatOnce(`d${k}`)
      nodes.push(node('Transpose', [raPrev], [`${raPrev}T`], { perm: [1, 0] }))
      nodes.push(node('MatMul', [`${raPrev}T`, d], [`HsumR${k}`]))
      nodes.push(node('Add', [`HsumA${k}`, `HsumR${k}`], [`Hsum${k}`]))
    }
    nodes.push(node('Div', [k > 1 ? `Hsum${k}` : 'HsumA1', 'nFloat'], [`hvp_W${k}`]))
    nodes.push(node('ReduceMean', [rd], [`hvp_b${k}`], { axes: [0], keepdims: 0 }))
    if (k > 1) {
      nodes.push(node('Transpose', [`v_W${k}`], [`v_W${k}T`], { perm: [1, 0] }))
      nodes.push(node('MatMul', [`Rd${k}`, `W${k}T`], [`Rdw${k}`]))
      nodes.push(node('MatMul', [`d${k}`, `v_W${k}T`], [`Rdv${k}`]))
      nodes.push(node('Add', [`Rdw${k}`, `Rdv${k}`], [`Rda${k - 1}`]))
      nodes.push(node('Mul', [`Rda${k - 1}`, `s${k - 1}`], [`Rd${k - 1}`]))
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
        ...layout.map((e) => valueInfo(`v_${e.name}`, e.shape)),
      ],
      outputs: [
        valueInfo('loss', ['N']),
        valueInfo('probs', ['N', C]),
        ...layout.map((e) => valueInfo(`grad_${e.name}`, ['N', ...e.shape])),
        ...layout.map((e) => valueInfo(`hvp_${e.name}`, e.shape)),
      ],
      initializers: [
        int64Init('ax1', [1]),
        int64Init('ax2', [2]),
        int64Init('ax12', [1, 2]),
        int64Scalar('i0', 0),
        ...standardiseInitializers(standardisation),
      ],
      docString:
        'Per-sample cross-entropy loss and its gradient w.r.t. every parameter (parameters are inputs); ' +
        'hvp_<name>: the batch-mean Hessian times the direction v_<name> (exact, R-operator).' +
        standardisationDoc(standardisation),
    },
    producerVersion,
  )
}

/**
 * Exports both graphs of an MLP. `theta` is the flat float32 parameter vector in layout order
 * (W1 row-major [in,out], b1, W2, …) — exactly the bytes of params.bin.
 */
export function exportMlp(
  layers: readonly number[],
  theta: Float32Array,
  producerVersion = '0',
  standardisation?: GraphStandardisation,
): ExportedMlp {
  return {
    forward: forwardGraph(layers, theta, producerVersion, standardisation),
    grad: gradGraph(layers, producerVersion, standardisation),
    layout: mlpLayout(layers),
  }
}
