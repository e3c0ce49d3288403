/**
 * Parameter layout of a fully connected ReLU network with a softmax output, as fixed by the model
 * contract (docs/model-contract.md): for layers [d₀, d₁, …, d_L] the flat θ holds W1 [d₀, d₁], b1 [d₁],
 * W2 [d₁, d₂], b2 [d₂], … in that order, each row-major, W_k of shape [in, out] (the tfjs Dense kernel
 * and ONNX Gemm B layout). No hidden layer (two entries) is multinomial logistic regression. The exact
 * Hessian-vector products of docs/theory.md#exact-hessian-vector-products address θ through it.
 */

export interface LayoutEntry {
  name: string
  shape: number[]
  /** Offset of the first element in the flat parameter vector (float elements). */
  offset: number
}

/** The layout of `layers` (each a positive integer, at least two), or an empty list for invalid input. */
export function mlpLayout(layers: readonly number[]): LayoutEntry[] {
  if (layers.length < 2 || !layers.every((n) => Number.isInteger(n) && n > 0)) return []
  const out: LayoutEntry[] = []
  let offset = 0
  for (let k = 1; k < layers.length; k++) {
    out.push({ name: `W${k}`, shape: [layers[k - 1], layers[k]], offset })
    offset += layers[k - 1] * layers[k]
    out.push({ name: `b${k}`, shape: [layers[k]], offset })
    offset += layers[k]
  }
  return out
}

/** Total number of parameters of a layout (sum of the products of the shapes). */
export function layoutSize(layout: readonly LayoutEntry[]): number {
  let n = 0
  for (const e of layout) n = Math.max(n, e.offset + e.shape.reduce((a, b) => a * b, 1))
  return n
}
