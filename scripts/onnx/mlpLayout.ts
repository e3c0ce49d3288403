/**
 * Parameter layout of a ReLU MLP with layer widths `layers` = [inputDim, ...hidden, classes]
 * (trained-model contract, docs/model-contract.md): W1, b1, W2, b2, … with W_k of shape
 * [layers[k−1], layers[k]] (the tfjs dense-kernel layout, Gemm's B with transB = 0) and b_k of shape
 * [layers[k]]; `offset` counts float32 elements into the flat parameter vector θ (params.bin).
 */
export interface LayoutEntry {
  name: string
  shape: number[]
  offset: number
}

export function mlpLayout(layers: readonly number[]): LayoutEntry[] {
  if (layers.length < 2 || layers.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new Error(`mlpLayout: layers must be ≥ 2 positive integers, got [${layers.join(', ')}]`)
  }
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

/** Number of parameters of the layout (length of θ). */
export function layoutSize(layout: readonly LayoutEntry[]): number {
  const last = layout[layout.length - 1]
  return last.offset + last.shape.reduce((a, b) => a * b, 1)
}
