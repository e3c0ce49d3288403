/**
 * Shape helpers of the static graph analysis (docs/model-contract.md#static-analysis): element counts,
 * numpy-style multidirectional broadcasting (ONNX "Broadcasting in ONNX"), axis normalisation, and the
 * row-major index arithmetic used to fold small integer tensors (shapes, axes) through shape-building ops.
 */

/** Product of the dimensions (1 for a scalar); a double, so huge shapes compare correctly against caps. */
export const elementCount = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1)

/** The broadcast shape of `shapes`, or null when two dimensions differ and neither is 1. */
export function broadcastShapes(shapes: readonly (readonly number[])[]): number[] | null {
  const rank = Math.max(0, ...shapes.map((s) => s.length))
  const out = new Array<number>(rank).fill(1)
  for (const s of shapes) {
    for (let k = 0; k < s.length; k++) {
      const o = rank - s.length + k
      const d = s[k]
      if (out[o] === 1) out[o] = d
      else if (d !== 1 && d !== out[o]) return null
    }
  }
  return out
}

/** An axis in [-rank, rank) as an index in [0, rank), or null when out of range. */
export function normaliseAxis(axis: number, rank: number): number | null {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) return null
  return axis < 0 ? axis + rank : axis
}

/** Row-major strides of a shape. */
export function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length)
  let s = 1
  for (let k = shape.length - 1; k >= 0; k--) {
    out[k] = s
    s *= shape[k]
  }
  return out
}

/** The multi-index of flat position `flat` in `shape` (row-major). */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length)
  for (let k = shape.length - 1; k >= 0; k--) {
    const d = shape[k]
    idx[k] = d > 0 ? flat % d : 0
    flat = d > 0 ? Math.floor(flat / d) : 0
  }
  return idx
}

/** The flat position in `inShape` that multi-index `outIdx` of the broadcast output reads. */
export function broadcastSource(outIdx: readonly number[], inShape: readonly number[]): number {
  const off = outIdx.length - inShape.length
  let flat = 0
  for (let k = 0; k < inShape.length; k++) flat = flat * inShape[k] + (inShape[k] === 1 ? 0 : outIdx[k + off])
  return flat
}
