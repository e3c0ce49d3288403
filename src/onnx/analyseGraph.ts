/**
 * Static analysis of an uploaded ONNX graph before anything runs (docs/model-contract.md#static-analysis).
 * Given the shapes of the graph inputs for one batch (x = [N, inputDim], y = [N, classes], the parameters at
 * their declared shapes), it infers every tensor's shape, element type and, for small integer tensors, value
 * (src/onnx/inferNode.ts) in node order, and refuses, naming the node (`model.nodes.<i>`):
 *   - a graph with more than `maxNodes` nodes, a node outside SUPPORTED_OPS, an input no earlier node makes;
 *   - a tensor of more than `maxElements` elements or of an unsupported element type;
 *   - an output shape that depends on values not known before running (Reshape/Expand/Tile/ConstantOfShape/
 *     Slice/Squeeze/… with a computed shape input);
 *   - a peak of live tensor memory over `maxPeakBytes`: walking the nodes in order, a tensor is allocated by
 *     its node and freed after its last consumer (graph inputs, initializers and graph outputs stay live),
 *     which is how ONNX Runtime's sequential executor releases intermediates.
 * It returns the work of one run (`GraphWork`), from which `graphSeconds` estimates the CPU time.
 * Total: malformed graphs give a Failure, never a throw.
 */
import type { FieldIssue, Result } from '../result.ts'
import { invalid, success } from '../result.ts'
import { ELEMENT_BYTES, inferNode, SUPPORTED_OPS, type TensorFact, tensorFact } from './inferNode.ts'
import type { OnnxModelInfo } from './readOnnxModel.ts'
import { elementCount } from './tensorShape.ts'

/** Bounds an uploaded graph must respect before it runs (docs/model-contract.md#static-analysis). */
export interface GraphLimits {
  /** Largest number of elements of any one tensor. */
  maxElements: number
  /** Largest number of nodes. */
  maxNodes: number
  /** Largest sum of the bytes of the tensors live at once. */
  maxPeakBytes: number
}

/**
 * Caps on an uploaded graph: 2^22 elements per tensor (16 MiB of float32), 4,096 nodes (a per-sample
 * gradient graph of a 20-layer MLP has about 200), 64 MiB of live tensors (half the 128 MB of an isolate).
 */
export const GRAPH_LIMITS: GraphLimits = { maxElements: 2 ** 22, maxNodes: 4096, maxPeakBytes: 64 * 2 ** 20 }

/** The static work of one run of a graph, from which `graphSeconds` estimates its CPU time. */
export interface GraphWork {
  nodes: number
  /** Multiply-adds of MatMul and Gemm. */
  macs: number
  /** GEMM calls (one per broadcast batch element of a MatMul, one per Gemm). */
  gemmCalls: number
  /** Elements read or written by the other nodes. */
  elements: number
  /** Peak bytes of live tensors during one run. */
  peakBytes: number
  /** The largest tensor: its element count and the node that makes it (-1 for a graph input or initializer). */
  largest: { elements: number; node: number; name: string }
  /** Shapes of the graph outputs. */
  outputs: Record<string, number[]>
}

const nf = (x: number): string => (Number.isFinite(x) ? x.toLocaleString('en-US') : String(x))

/**
 * Checks an uploaded ONNX graph before it runs and measures its work (docs/model-contract.md#static-analysis):
 * infers every tensor's shape and type node by node for the given input shapes, refuses unsupported operators,
 * value-dependent shapes and tensors or peak live memory over `limits` (naming `model.nodes.<i>`), and returns
 * the nodes, multiply-adds, GEMM calls and elements of one run for `graphSeconds`. Total: a Failure, never a throw.
 */
export function analyseGraph(
  info: OnnxModelInfo,
  inputs: Readonly<Record<string, { shape: number[]; type: number }>>,
  limits: GraphLimits = GRAPH_LIMITS,
): Result<GraphWork> {
  const fail = (path: string, message: string, detail?: string): Result<GraphWork> =>
    invalid(detail ?? `The model is refused before running: ${message} (docs/model-contract.md#what-is-refused).`, [
      { path, message },
    ])
  if (info.nodes.length > limits.maxNodes)
    return fail(
      'model.nodes',
      `the graph has ${nf(info.nodes.length)} nodes; at most ${nf(limits.maxNodes)} are accepted`,
    )
  const facts = new Map<string, TensorFact>()
  const persistent = new Set<string>()
  let baseBytes = 0
  let largest = { elements: 0, node: -1, name: '' }
  const bytesOf = (f: TensorFact): number => elementCount(f.shape) * (ELEMENT_BYTES[f.type] ?? 8)
  const checkFact = (f: TensorFact, name: string, node: number): string | null => {
    if (!ELEMENT_BYTES[f.type]) return `tensor "${name}" has unsupported element type ${f.type}`
    if (f.shape.some((d) => !Number.isSafeInteger(d) || d < 0))
      return `tensor "${name}" has an invalid shape [${f.shape.join(', ')}]`
    const count = elementCount(f.shape)
    if (count > largest.elements) largest = { elements: count, node, name }
    if (count > limits.maxElements)
      return `tensor "${name}" would hold ${nf(count)} elements ([${f.shape.join(', ')}]); at most ${nf(limits.maxElements)} per tensor`
    return null
  }
  for (const t of info.initializers) {
    if (inputs[t.name]) continue
    const f = tensorFact(t)
    const err = checkFact(f, t.name, -1)
    if (err) return fail(`model.initializers.${t.name}`, err)
    facts.set(t.name, f)
    persistent.add(t.name)
    baseBytes += bytesOf(f)
  }
  for (const [name, f] of Object.entries(inputs)) {
    const err = checkFact({ shape: f.shape, type: f.type }, name, -1)
    if (err) return fail(`model.inputs.${name}`, err)
    facts.set(name, { shape: f.shape.slice(), type: f.type })
    persistent.add(name)
    baseBytes += bytesOf(f)
  }
  const graphOutputs = new Set(info.outputs.map((o) => o.name))
  // last node that reads each tensor
  const lastUse = new Map<string, number>()
  info.nodes.forEach((n, k) => {
    for (const i of n.inputs) if (i) lastUse.set(i, k)
  })
  const work = { macs: 0, gemmCalls: 0, elements: 0 }
  let live = 0
  let peak = 0
  for (let k = 0; k < info.nodes.length; k++) {
    const n = info.nodes[k]
    const path = `model.nodes.${k}`
    const label = `node ${k} (${n.opType}${n.outputs[0] ? ` → "${n.outputs[0]}"` : ''})`
    if ((n.domain !== '' && n.domain !== 'ai.onnx') || !SUPPORTED_OPS.has(n.opType))
      return fail(path, `unsupported op ${n.domain ? `${n.domain}.` : ''}${n.opType}`)
    if (n.attributes.some((a) => a.graph)) return fail(path, `${label} holds a subgraph; subgraphs are not accepted`)
    const ins: (TensorFact | undefined)[] = []
    for (const name of n.inputs) {
      if (!name) {
        ins.push(undefined)
        continue
      }
      const f = facts.get(name)
      if (!f)
        return fail(
          path,
          `${label} reads "${name}", which no earlier node, graph input or initializer makes (nodes must be in topological order)`,
        )
      ins.push(f)
    }
    const r = inferNode(n, ins)
    if (typeof r === 'string') return fail(path, `${label}: ${r}`)
    if (r.outputs.length < n.outputs.filter(Boolean).length) return fail(path, `${label} has too many outputs`)
    for (let j = 0; j < n.outputs.length; j++) {
      const name = n.outputs[j]
      if (!name) continue
      if (facts.has(name)) return fail(path, `${label} writes "${name}", which is already defined`)
      const err = checkFact(r.outputs[j], name, k)
      if (err) return fail(path, `${label}: ${err}`)
      facts.set(name, r.outputs[j])
      live += bytesOf(r.outputs[j])
    }
    peak = Math.max(peak, live)
    if (baseBytes + peak > limits.maxPeakBytes)
      return fail(
        path,
        `${label}: the tensors live at this node would take ${nf(Math.ceil((baseBytes + peak) / 2 ** 20))} MiB; at most ${nf(limits.maxPeakBytes / 2 ** 20)} MiB`,
      )
    // free the tensors whose last reader is this node (and outputs nobody reads)
    for (const name of new Set([...n.inputs, ...n.outputs])) {
      if (!name || persistent.has(name) || graphOutputs.has(name)) continue
      const last = lastUse.get(name)
      if (last === undefined || last === k) {
        const f = facts.get(name)
        if (f) live -= bytesOf(f)
      }
    }
    work.macs += r.macs
    work.gemmCalls += r.gemmCalls
    work.elements += r.elements
  }
  const outputs: Record<string, number[]> = {}
  const issues: FieldIssue[] = []
  for (const o of info.outputs) {
    const f = facts.get(o.name)
    if (!f) issues.push({ path: `model.outputs.${o.name}`, message: `output "${o.name}" is made by no node` })
    else outputs[o.name] = f.shape
  }
  if (issues.length > 0) return invalid(`The model is refused before running: ${issues[0].message}.`, issues)
  return success({ nodes: info.nodes.length, ...work, peakBytes: baseBytes + peak, largest, outputs })
}
