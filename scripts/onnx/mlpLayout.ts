/**
 * The parameter layout of the trained-model contract, for the offline scripts: the single definition
 * is src/probe/mlpLayout.ts (W1, b1, W2, b2, … with W_k of shape [layers[k−1], layers[k]] and b_k of
 * shape [layers[k]]; `offset` counts float32 elements into θ / params.bin). Scripts may throw, so
 * `mlpLayout` here turns the core's empty list for invalid widths into an error.
 */
import { mlpLayout as coreMlpLayout, type LayoutEntry } from '../../src/probe/index.ts'

export { type LayoutEntry, layoutSize } from '../../src/probe/index.ts'

/** The layout of `layers` = [inputDim, ...hidden, classes]; throws unless ≥ 2 positive integers. */
export function mlpLayout(layers: readonly number[]): LayoutEntry[] {
  const layout = coreMlpLayout(layers)
  if (layout.length === 0) {
    throw new Error(`mlpLayout: layers must be ≥ 2 positive integers, got [${layers.join(', ')}]`)
  }
  return layout
}
