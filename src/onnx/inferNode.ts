/**
 * Static shape inference of one ONNX node (docs/model-contract.md#static-analysis): from the shapes, element
 * types and (for small integer tensors such as shapes and axes) the values of its inputs, the shapes, types
 * and values of its outputs, and the work it does. Semantics follow the ONNX operator specification for the
 * operators a user model may use (`SUPPORTED_OPS`), at any opset from 7: the axes of Squeeze, Unsqueeze and
 * the reductions and the starts/ends of Slice are read from the input when present, else from the attribute.
 *
 * An output shape that depends on a value not known before running (a shape, axes, repeats or depth input
 * computed from data or parameters) is refused: the message says which input must become a constant.
 * Work is counted as multiply-adds (MatMul B·M·K·N, Gemm M·K·N), GEMM calls (one per broadcast batch
 * element of a MatMul) and elements touched (a MatMul's output; for the other ops the largest of the node's input and output
 * sizes; in onnxruntime-web an elementwise pass costs about the same for x + x and exp(x): allocation and
 * memory traffic dominate, bench/results/graphCost.md).
 * Errors are strings (the caller names the node); nothing throws.
 */
import type { OnnxAttribute, OnnxInitializer, OnnxNode } from './readOnnxModel.ts'
import { broadcastShapes, broadcastSource, elementCount, normaliseAxis, strides, unravel } from './tensorShape.ts'

/** What is known statically about a tensor: its shape and element type, and its values when small and integer. */
export interface TensorFact {
  shape: number[]
  /** ONNX TensorProto.DataType. */
  type: number
  /** Row-major values, only for integer/bool tensors of at most MAX_FOLDED_ELEMENTS elements known before running. */
  value?: number[]
}

/** Multiply-adds, GEMM calls and elements touched by one node. */
export interface NodeWork {
  macs: number
  gemmCalls: number
  elements: number
}

/** What shape inference knows after one node: its work and the facts (shape, type, small values) of its outputs. */
export interface NodeFacts extends NodeWork {
  outputs: TensorFact[]
}

/** Largest integer tensor whose values are carried through the analysis (shapes and axes are far smaller). */
const MAX_FOLDED_ELEMENTS = 1024

/** Bytes per element of the ONNX element types a graph may hold; other types are refused. */
export const ELEMENT_BYTES: Readonly<Record<number, number>> = {
  1: 4, // FLOAT
  2: 1, // UINT8
  3: 1, // INT8
  4: 2, // UINT16
  5: 2, // INT16
  6: 4, // INT32
  7: 8, // INT64
  9: 1, // BOOL
  10: 2, // FLOAT16
  11: 8, // DOUBLE
}
const FLOAT = 1
const INT64 = 7
const BOOL = 9
const INTEGER_TYPES = new Set([2, 3, 4, 5, 6, 7, 9])

const UNARY_SAME = new Set([
  'Abs',
  'Erf',
  'Exp',
  'Identity',
  'LeakyRelu',
  'Log',
  'Neg',
  'Reciprocal',
  'Relu',
  'Sigmoid',
  'Sign',
  'Softplus',
  'Sqrt',
  'Tanh',
  'Clip',
])
const BROADCAST_SAME = new Set(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min', 'Sum'])
const COMPARISON = new Set(['Equal', 'Greater', 'GreaterOrEqual', 'Less', 'LessOrEqual'])
const REDUCTIONS = new Set(['ReduceMax', 'ReduceMean', 'ReduceSum'])

/** Operators (default ONNX domain) a user model may use, each with its shape inference below. */
export const SUPPORTED_OPS: ReadonlySet<string> = new Set([
  ...UNARY_SAME,
  ...BROADCAST_SAME,
  ...COMPARISON,
  ...REDUCTIONS,
  'ArgMax',
  'BatchNormalization',
  'Cast',
  'Concat',
  'Constant',
  'ConstantOfShape',
  'Expand',
  'Flatten',
  'Gather',
  'Gemm',
  'LogSoftmax',
  'MatMul',
  'Not',
  'OneHot',
  'Reshape',
  'Shape',
  'Slice',
  'Softmax',
  'Split',
  'Squeeze',
  'Tile',
  'Transpose',
  'Unsqueeze',
  'Where',
])

const attr = (n: OnnxNode, name: string): OnnxAttribute | undefined => n.attributes.find((a) => a.name === name)
const attrInt = (n: OnnxNode, name: string, dflt: number): number => attr(n, name)?.i ?? dflt
const fmt = (s: readonly number[]): string => `[${s.join(', ')}]`

/** A fact with its value attached when it is integer and small enough to fold. */
function fact(shape: number[], type: number, value?: number[]): TensorFact {
  const f: TensorFact = { shape, type }
  if (value && INTEGER_TYPES.has(type) && value.length <= MAX_FOLDED_ELEMENTS && value.length === elementCount(shape))
    f.value = type === BOOL ? value.map((v) => (v ? 1 : 0)) : value
  return f
}

/** The fact of an initializer or a Constant's tensor. */
export function tensorFact(t: OnnxInitializer): TensorFact {
  return fact(t.dims.slice(), t.dataType, t.ints ?? undefined)
}

/** Values of an input that sets a shape, axes, repeats or depth; a string when they are not known statically. */
function constantInput(n: OnnxNode, ins: (TensorFact | undefined)[], k: number, what: string): number[] | string {
  const f = ins[k]
  if (!f) return `its ${what} input is missing`
  if (f.value === undefined)
    return `its ${what} input "${n.inputs[k]}" is computed from values not known before running (${INTEGER_TYPES.has(f.type) ? 'data or parameters' : 'a non-integer tensor'}); give it as a constant (an int64 initializer or a Constant node, or Shape of a tensor)`
  return f.value
}

/** Axes from input k when the node has it, else from attribute `name`; undefined when neither is given. */
function axesOf(n: OnnxNode, ins: (TensorFact | undefined)[], k: number, name = 'axes'): number[] | undefined | string {
  if (n.inputs[k]) return constantInput(n, ins, k, name)
  return attr(n, name)?.ints
}

/** Folds an elementwise op over broadcast integer inputs. */
function foldElementwise(outShape: number[], ins: TensorFact[], f: (...v: number[]) => number): number[] | undefined {
  if (elementCount(outShape) > MAX_FOLDED_ELEMENTS || ins.some((i) => i.value === undefined)) return undefined
  const out: number[] = []
  for (let p = 0; p < elementCount(outShape); p++) {
    const idx = unravel(p, outShape)
    out.push(f(...ins.map((i) => (i.value as number[])[broadcastSource(idx, i.shape)])))
  }
  return out
}

const INT_OPS: Partial<Record<string, (...v: number[]) => number>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => (b === 0 ? Number.NaN : Math.trunc(a / b)),
  Max: (...v) => Math.max(...v),
  Min: (...v) => Math.min(...v),
  Sum: (...v) => v.reduce((a, b) => a + b, 0),
  Equal: (a, b) => (a === b ? 1 : 0),
  Greater: (a, b) => (a > b ? 1 : 0),
  GreaterOrEqual: (a, b) => (a >= b ? 1 : 0),
  Less: (a, b) => (a < b ? 1 : 0),
  LessOrEqual: (a, b) => (a <= b ? 1 : 0),
  Neg: (a) => -a,
  Abs: (a) => Math.abs(a),
  Sign: (a) => Math.sign(a),
  Identity: (a) => a,
}

/** Gathers output values from one input through a map from output multi-index to input flat position. */
function foldMap(outShape: number[], input: TensorFact, source: (idx: number[]) => number): number[] | undefined {
  if (input.value === undefined || elementCount(outShape) > MAX_FOLDED_ELEMENTS) return undefined
  const v = input.value
  const out: number[] = []
  for (let p = 0; p < elementCount(outShape); p++) out.push(v[source(unravel(p, outShape))])
  return out
}

const ok = (outputs: TensorFact[], work: Partial<NodeWork> = {}): NodeFacts => ({
  outputs,
  macs: work.macs ?? 0,
  gemmCalls: work.gemmCalls ?? 0,
  elements: work.elements ?? Math.max(0, ...outputs.map((o) => elementCount(o.shape))),
})

function reduceShape(shape: number[], axes: number[] | undefined, keep: boolean, noop: boolean): number[] | string {
  const r = shape.length
  let list: number[]
  if (axes === undefined || axes.length === 0) {
    if (noop) return shape.slice()
    list = shape.map((_, k) => k)
  } else {
    list = []
    for (const a of axes) {
      const k = normaliseAxis(a, r)
      if (k === null) return `axis ${a} is out of range for rank ${r}`
      list.push(k)
    }
  }
  const set = new Set(list)
  return keep ? shape.map((d, k) => (set.has(k) ? 1 : d)) : shape.filter((_, k) => !set.has(k))
}

function sliceDims(
  shape: number[],
  starts: number[],
  ends: number[],
  axes: number[] | undefined,
  steps: number[] | undefined,
): { out: number[]; start: number[]; step: number[] } | string {
  if (starts.length !== ends.length) return `starts has ${starts.length} entries but ends has ${ends.length}`
  const r = shape.length
  const out = shape.slice()
  const start = new Array<number>(r).fill(0)
  const step = new Array<number>(r).fill(1)
  const ax = axes ?? starts.map((_, k) => k)
  if (ax.length !== starts.length) return `axes has ${ax.length} entries but starts has ${starts.length}`
  for (let j = 0; j < ax.length; j++) {
    const k = normaliseAxis(ax[j], r)
    if (k === null) return `axis ${ax[j]} is out of range for rank ${r}`
    const d = shape[k]
    const st = steps ? steps[j] : 1
    if (!st) return 'a step of 0'
    let s = starts[j] < 0 ? starts[j] + d : starts[j]
    let e = ends[j] < 0 ? ends[j] + d : ends[j]
    if (st > 0) {
      s = Math.min(Math.max(s, 0), d)
      e = Math.min(Math.max(e, 0), d)
    } else {
      s = Math.min(Math.max(s, 0), d - 1)
      e = Math.min(Math.max(e, -1), d - 1)
    }
    out[k] = Math.max(0, Math.ceil((e - s) / st))
    start[k] = s
    step[k] = st
  }
  return { out, start, step }
}

/**
 * The facts of a node's outputs and its work, or a string saying why they cannot be known. `ins[k]` is the
 * fact of input k (undefined for an omitted optional input).
 */
export function inferNode(n: OnnxNode, ins: (TensorFact | undefined)[]): NodeFacts | string {
  const op = n.opType
  const a = ins[0]
  const need = (count: number): string | null => {
    for (let k = 0; k < count; k++) if (!ins[k]) return `input ${k} is missing`
    return null
  }
  if (op === 'Constant') {
    const at = n.attributes[0]
    if (!at) return 'a Constant needs a value attribute'
    if (at.t) return ok([tensorFact(at.t)], { elements: 0 })
    if (at.name === 'value_int' && at.i !== undefined) return ok([fact([], INT64, [at.i])])
    if (at.name === 'value_ints' && at.ints) return ok([fact([at.ints.length], INT64, at.ints)])
    if (at.name === 'value_float' && at.f !== undefined) return ok([fact([], FLOAT)])
    if (at.name === 'value_floats' && at.floats) return ok([fact([at.floats.length], FLOAT)])
    return `unsupported Constant attribute "${at.name}"`
  }
  const missing = need(
    op === 'Sum' || op === 'Max' || op === 'Min' || op === 'Concat' ? 1 : Math.min(n.inputs.length, 1),
  )
  if (missing) return missing
  if (!a) return 'input 0 is missing'

  if (UNARY_SAME.has(op)) {
    const f = INT_OPS[op]
    const value = f && a.value ? a.value.map((x) => f(x)) : undefined
    return ok([fact(a.shape.slice(), a.type, value)])
  }
  if (op === 'Not')
    return ok([
      fact(
        a.shape.slice(),
        BOOL,
        a.value?.map((x) => (x ? 0 : 1)),
      ),
    ])
  if (op === 'Cast') {
    const to = attrInt(n, 'to', 0)
    if (!ELEMENT_BYTES[to]) return `cast to unsupported element type ${to}`
    const value =
      a.value && INTEGER_TYPES.has(to) ? (to === BOOL ? a.value.map((v) => (v ? 1 : 0)) : a.value) : undefined
    return ok([fact(a.shape.slice(), to, value)])
  }
  if (BROADCAST_SAME.has(op) || COMPARISON.has(op) || op === 'Where') {
    const present = ins.filter((i): i is TensorFact => i !== undefined)
    if (present.length !== n.inputs.filter(Boolean).length) return 'an input is missing'
    if (op !== 'Sum' && op !== 'Max' && op !== 'Min' && present.length !== (op === 'Where' ? 3 : 2))
      return `${op} takes ${op === 'Where' ? 3 : 2} inputs`
    const shape = broadcastShapes(present.map((i) => i.shape))
    if (!shape) return `input shapes ${present.map((i) => fmt(i.shape)).join(', ')} do not broadcast`
    const type = COMPARISON.has(op) ? BOOL : op === 'Where' ? present[1].type : a.type
    const f = op === 'Where' ? (c: number, x: number, y: number) => (c ? x : y) : INT_OPS[op]
    const value = f ? foldElementwise(shape, present, f as (...v: number[]) => number) : undefined
    return ok([fact(shape, type, value?.some(Number.isNaN) ? undefined : value)], {
      elements: Math.max(elementCount(shape), ...present.map((i) => elementCount(i.shape))),
    })
  }
  if (op === 'Softmax' || op === 'LogSoftmax') {
    const r = a.shape.length
    if (normaliseAxis(attrInt(n, 'axis', -1), Math.max(r, 1)) === null) return `axis is out of range for rank ${r}`
    return ok([fact(a.shape.slice(), a.type)], { elements: 3 * elementCount(a.shape) })
  }
  if (op === 'BatchNormalization') {
    if (a.shape.length < 2) return `input ${fmt(a.shape)} has no channel dimension`
    const c = a.shape[1]
    for (let k = 1; k < 5; k++) {
      const p = ins[k]
      if (!p) return `input ${k} is missing`
      if (p.shape.length !== 1 || p.shape[0] !== c) return `input ${k} must be [${c}]; got ${fmt(p.shape)}`
    }
    const outs = [fact(a.shape.slice(), a.type)]
    for (let k = 1; k < n.outputs.length; k++) outs.push(fact([c], a.type))
    return ok(outs, { elements: 2 * elementCount(a.shape) })
  }
  if (op === 'MatMul') {
    const b = ins[1]
    if (!b) return 'input 1 is missing'
    if (a.shape.length === 0 || b.shape.length === 0) return 'MatMul does not take scalars'
    const as = a.shape.length === 1 ? [1, a.shape[0]] : a.shape
    const bs = b.shape.length === 1 ? [b.shape[0], 1] : b.shape
    const m = as[as.length - 2]
    const k = as[as.length - 1]
    const nn = bs[bs.length - 1]
    if (bs[bs.length - 2] !== k) return `inner dimensions differ: ${fmt(a.shape)} × ${fmt(b.shape)}`
    const batch = broadcastShapes([as.slice(0, -2), bs.slice(0, -2)])
    if (!batch) return `batch dimensions of ${fmt(a.shape)} and ${fmt(b.shape)} do not broadcast`
    const shape = [...batch, ...(a.shape.length === 1 ? [] : [m]), ...(b.shape.length === 1 ? [] : [nn])]
    const calls = elementCount(batch)
    return ok([fact(shape, a.type)], {
      macs: calls * m * k * nn,
      gemmCalls: calls,
      elements: elementCount(shape),
    })
  }
  if (op === 'Gemm') {
    const b = ins[1]
    if (!b) return 'input 1 is missing'
    if (a.shape.length !== 2 || b.shape.length !== 2) return `Gemm takes matrices; got ${fmt(a.shape)}, ${fmt(b.shape)}`
    const [m, k] = attrInt(n, 'transA', 0) ? [a.shape[1], a.shape[0]] : a.shape
    const [k2, nn] = attrInt(n, 'transB', 0) ? [b.shape[1], b.shape[0]] : b.shape
    if (k !== k2) return `inner dimensions differ: ${fmt(a.shape)} × ${fmt(b.shape)}`
    const c = ins[2]
    if (c && !broadcastShapes([c.shape, [m, nn]])?.every((d, j) => d === [m, nn][j]))
      return `C ${fmt(c.shape)} does not broadcast to [${m}, ${nn}]`
    return ok([fact([m, nn], a.type)], { macs: m * k * nn, gemmCalls: 1 })
  }
  if (op === 'Transpose') {
    const r = a.shape.length
    const perm = attr(n, 'perm')?.ints ?? a.shape.map((_, k) => r - 1 - k)
    if (perm.length !== r || new Set(perm).size !== r || perm.some((p) => !(p >= 0 && p < r)))
      return `perm ${fmt(perm)} is not a permutation of the ${r} axes`
    const shape = perm.map((p) => a.shape[p])
    const st = strides(a.shape)
    const value = foldMap(shape, a, (idx) => idx.reduce((s, v, j) => s + v * st[perm[j]], 0))
    return ok([fact(shape, a.type, value)])
  }
  if (REDUCTIONS.has(op)) {
    const axes = axesOf(n, ins, 1)
    if (typeof axes === 'string') return axes
    const shape = reduceShape(
      a.shape,
      axes,
      attrInt(n, 'keepdims', 1) !== 0,
      attrInt(n, 'noop_with_empty_axes', 0) !== 0,
    )
    if (typeof shape === 'string') return shape
    return ok([fact(shape, a.type)], { elements: elementCount(a.shape) })
  }
  if (op === 'ArgMax') {
    const k = normaliseAxis(attrInt(n, 'axis', 0), a.shape.length)
    if (k === null) return `axis is out of range for rank ${a.shape.length}`
    const shape = reduceShape(a.shape, [k], attrInt(n, 'keepdims', 1) !== 0, false) as number[]
    return ok([fact(shape, INT64)], { elements: elementCount(a.shape) })
  }
  if (op === 'Squeeze') {
    const axes = axesOf(n, ins, 1)
    if (typeof axes === 'string') return axes
    let shape: number[]
    if (axes === undefined || axes.length === 0) shape = a.shape.filter((d) => d !== 1)
    else {
      const set = new Set<number>()
      for (const x of axes) {
        const k = normaliseAxis(x, a.shape.length)
        if (k === null) return `axis ${x} is out of range for rank ${a.shape.length}`
        if (a.shape[k] !== 1) return `axis ${x} has size ${a.shape[k]}, not 1`
        set.add(k)
      }
      shape = a.shape.filter((_, k) => !set.has(k))
    }
    return ok([fact(shape, a.type, a.value)], { elements: 0 })
  }
  if (op === 'Unsqueeze') {
    const axes = axesOf(n, ins, 1)
    if (typeof axes === 'string') return axes
    if (axes === undefined || axes.length === 0) return 'Unsqueeze needs axes'
    const r = a.shape.length + axes.length
    const set = new Set<number>()
    for (const x of axes) {
      const k = normaliseAxis(x, r)
      if (k === null || set.has(k)) return `axis ${x} is out of range or repeated for output rank ${r}`
      set.add(k)
    }
    const shape: number[] = []
    let j = 0
    for (let k = 0; k < r; k++) shape.push(set.has(k) ? 1 : a.shape[j++])
    return ok([fact(shape, a.type, a.value)], { elements: 0 })
  }
  if (op === 'Flatten') {
    const r = a.shape.length
    const axis = attrInt(n, 'axis', 1)
    if (!(axis >= -r && axis <= r)) return `axis ${axis} is out of range for rank ${r}`
    const k = axis < 0 ? axis + r : axis
    const shape = [elementCount(a.shape.slice(0, k)), elementCount(a.shape.slice(k))]
    return ok([fact(shape, a.type, a.value)], { elements: 0 })
  }
  if (op === 'Reshape') {
    const target = constantInput(n, ins, 1, 'shape')
    if (typeof target === 'string') return target
    const allowZero = attrInt(n, 'allowzero', 0) !== 0
    const shape = target.map((d, k) => (d === 0 && !allowZero ? (a.shape[k] ?? Number.NaN) : d))
    if (shape.some((d) => Number.isNaN(d) || d < -1)) return `shape ${fmt(target)} is invalid for input ${fmt(a.shape)}`
    const unknown = shape.filter((d) => d === -1).length
    if (unknown > 1) return `shape ${fmt(target)} has more than one -1`
    const total = elementCount(a.shape)
    if (unknown === 1) {
      const known = elementCount(shape.filter((d) => d !== -1))
      if (known === 0 || total % known !== 0) return `input ${fmt(a.shape)} cannot be reshaped to ${fmt(target)}`
      shape[shape.indexOf(-1)] = total / known
    }
    if (elementCount(shape) !== total)
      return `input ${fmt(a.shape)} (${total} elements) cannot be reshaped to ${fmt(target)}`
    return ok([fact(shape, a.type, a.value)], { elements: 0 })
  }
  if (op === 'Expand') {
    const target = constantInput(n, ins, 1, 'shape')
    if (typeof target === 'string') return target
    if (target.some((d) => !Number.isSafeInteger(d) || d < 0)) return `shape ${fmt(target)} is invalid`
    const shape = broadcastShapes([a.shape, target])
    if (!shape) return `input ${fmt(a.shape)} does not broadcast to ${fmt(target)}`
    return ok([
      fact(
        shape,
        a.type,
        foldMap(shape, a, (idx) => broadcastSource(idx, a.shape)),
      ),
    ])
  }
  if (op === 'Tile') {
    const reps = constantInput(n, ins, 1, 'repeats')
    if (typeof reps === 'string') return reps
    if (reps.length !== a.shape.length || reps.some((d) => !Number.isSafeInteger(d) || d < 0))
      return `repeats ${fmt(reps)} must be ${a.shape.length} non-negative integers`
    const shape = a.shape.map((d, k) => d * reps[k])
    return ok([
      fact(
        shape,
        a.type,
        foldMap(shape, a, (idx) => idx.reduce((s, v, j) => s * a.shape[j] + (v % a.shape[j]), 0)),
      ),
    ])
  }
  if (op === 'ConstantOfShape') {
    const target = constantInput(n, ins, 0, 'shape')
    if (typeof target === 'string') return target
    if (target.some((d) => !Number.isSafeInteger(d) || d < 0)) return `shape ${fmt(target)} is invalid`
    const t = attr(n, 'value')?.t
    const type = t?.dataType ?? FLOAT
    if (!ELEMENT_BYTES[type]) return `value of unsupported element type ${type}`
    const fill = t?.ints?.[0] ?? 0
    const size = elementCount(target)
    return ok([fact(target.slice(), type, size <= MAX_FOLDED_ELEMENTS ? new Array(size).fill(fill) : undefined)])
  }
  if (op === 'Shape') {
    const r = a.shape.length
    const clamp = (x: number) => Math.min(Math.max(x < 0 ? x + r : x, 0), r)
    const s = clamp(attrInt(n, 'start', 0))
    const e = clamp(attrInt(n, 'end', r))
    const value = a.shape.slice(s, Math.max(s, e))
    return ok([fact([value.length], INT64, value)], { elements: 0 })
  }
  if (op === 'Concat') {
    const parts = ins.filter((i): i is TensorFact => i !== undefined)
    const r = parts[0].shape.length
    const k = normaliseAxis(attrInt(n, 'axis', 0), r)
    if (k === null) return `axis is out of range for rank ${r}`
    for (const p of parts)
      if (p.shape.length !== r || p.shape.some((d, j) => j !== k && d !== parts[0].shape[j]))
        return `input shapes ${parts.map((q) => fmt(q.shape)).join(', ')} differ off axis ${k}`
    const shape = parts[0].shape.slice()
    shape[k] = parts.reduce((s, p) => s + p.shape[k], 0)
    let value: number[] | undefined
    if (parts.every((p) => p.value !== undefined) && elementCount(shape) <= MAX_FOLDED_ELEMENTS) {
      value = []
      for (let q = 0; q < elementCount(shape); q++) {
        const idx = unravel(q, shape)
        let j = 0
        let off = idx[k]
        while (off >= parts[j].shape[k]) off -= parts[j++].shape[k]
        const local = idx.slice()
        local[k] = off
        value.push((parts[j].value as number[])[local.reduce((s, v, m) => s * parts[j].shape[m] + v, 0)])
      }
    }
    return ok([fact(shape, parts[0].type, value)])
  }
  if (op === 'Gather') {
    const ind = ins[1]
    if (!ind) return 'input 1 (indices) is missing'
    const r = a.shape.length
    const k = normaliseAxis(attrInt(n, 'axis', 0), r)
    if (k === null) return `axis is out of range for rank ${r}`
    const shape = [...a.shape.slice(0, k), ...ind.shape, ...a.shape.slice(k + 1)]
    let value: number[] | undefined
    if (ind.value) {
      const d = a.shape[k]
      if (ind.value.some((i) => i < -d || i >= d)) return `an index is out of range for dimension ${d}`
      const qi = ind.shape.length
      value = foldMap(shape, a, (idx) => {
        const src = [
          ...idx.slice(0, k),
          (ind.value as number[])[idx.slice(k, k + qi).reduce((s, v, m) => s * ind.shape[m] + v, 0)],
          ...idx.slice(k + qi),
        ]
        if (src[k] < 0) src[k] += d
        return src.reduce((s, v, m) => s * a.shape[m] + v, 0)
      })
    }
    return ok([fact(shape, a.type, value)])
  }
  if (op === 'Slice') {
    let starts: number[] | string
    let ends: number[] | string
    let axes: number[] | undefined | string
    let steps: number[] | undefined | string
    if (n.inputs.length > 1) {
      starts = constantInput(n, ins, 1, 'starts')
      ends = constantInput(n, ins, 2, 'ends')
      axes = n.inputs[3] ? constantInput(n, ins, 3, 'axes') : undefined
      steps = n.inputs[4] ? constantInput(n, ins, 4, 'steps') : undefined
    } else {
      starts = attr(n, 'starts')?.ints ?? 'starts attribute is missing'
      ends = attr(n, 'ends')?.ints ?? 'ends attribute is missing'
      axes = attr(n, 'axes')?.ints
      steps = undefined
    }
    for (const x of [starts, ends, axes, steps]) if (typeof x === 'string') return x
    const s = sliceDims(
      a.shape,
      starts as number[],
      ends as number[],
      axes as number[] | undefined,
      steps as number[] | undefined,
    )
    if (typeof s === 'string') return s
    const value = foldMap(s.out, a, (idx) =>
      idx.reduce((acc, v, m) => acc * a.shape[m] + s.start[m] + v * s.step[m], 0),
    )
    return ok([fact(s.out, a.type, value)])
  }
  if (op === 'Split') {
    const r = a.shape.length
    const k = normaliseAxis(attrInt(n, 'axis', 0), r)
    if (k === null) return `axis is out of range for rank ${r}`
    const parts = n.outputs.length
    let sizes: number[] | undefined | string = n.inputs[1] ? constantInput(n, ins, 1, 'split') : attr(n, 'split')?.ints
    if (typeof sizes === 'string') return sizes
    const d = a.shape[k]
    if (!sizes) {
      const chunk = Math.ceil(d / parts)
      sizes = Array.from({ length: parts }, (_, j) => Math.max(0, Math.min(chunk, d - j * chunk)))
    }
    if (sizes.length !== parts || sizes.reduce((s, x) => s + x, 0) !== d || sizes.some((x) => x < 0))
      return `split ${fmt(sizes)} does not divide dimension ${d} into ${parts} outputs`
    return ok(
      sizes.map((x) => {
        const shape = a.shape.slice()
        shape[k] = x
        return fact(shape, a.type)
      }),
      { elements: elementCount(a.shape) },
    )
  }
  if (op === 'OneHot') {
    const depth = constantInput(n, ins, 1, 'depth')
    if (typeof depth === 'string') {
      // depth is usually a float or int64 scalar initializer; a float one is not folded, so say so plainly
      return depth
    }
    const values = ins[2]
    if (!values) return 'input 2 (values) is missing'
    const dd = depth[0]
    if (depth.length !== 1 || !Number.isSafeInteger(dd) || dd < 1)
      return `depth must be one positive integer; got ${fmt(depth)}`
    const r = a.shape.length + 1
    const k = normaliseAxis(attrInt(n, 'axis', -1), r)
    if (k === null) return `axis is out of range for output rank ${r}`
    const shape = [...a.shape.slice(0, k), dd, ...a.shape.slice(k)]
    return ok([fact(shape, values.type)])
  }
  return `no shape inference for ${op}`
}
