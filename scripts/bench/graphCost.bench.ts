/**
 * The cost model of the static graph analysis (src/onnx/graphSeconds.ts, docs/model-contract.md#static-analysis):
 *  1. calibration: four graphs that each isolate one term (per node, per multiply-add of a large MatMul, per GEMM
 *     call of a batched small MatMul, per element of an elementwise Exp), timed with onnxruntime-web's wasm build
 *     under Node (the same single-threaded wasm the Worker runs), give the seconds per unit; the constants in
 *     graphSeconds.ts are these rounded up;
 *  2. check: the estimate against the measured time of one run of the user-model fixture and the bundled
 *     gradient graphs at their largest batch (estimate / measured ≥ 1 means the budget check is conservative);
 *  3. the analysis's own cost (read + analyse) on the bundled models and the fixture, against the baseline of
 *     decoding the same file with onnx-proto (protobufjs) in the same run; target ≤ 5 ms.
 * Writes bench/results/graphCost.md and graphCost.json.
 */
import { readFileSync } from 'node:fs'
import { analyseGraph, GRAPH_SECONDS, graphSeconds, readOnnxModel } from '../../src/onnx/index.ts'

import { encodeModel, node, onnx, valueInfo } from '../onnx/onnxBuilders.ts'
import { ort } from '../onnx/ortNode.ts'
import { timeIt, writeSection } from './harness.ts'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function timeRun(
  bytes: Uint8Array,
  feeds: Record<string, [number[], Float32Array]>,
  repeats = 7,
): Promise<number> {
  const s = await ort.InferenceSession.create(bytes, { enableCpuMemArena: false, enableMemPattern: false })
  const tensors = Object.fromEntries(
    Object.entries(feeds).map(([k, [dims, d]]) => [k, new ort.Tensor('float32', d, dims)]),
  )
  await s.run(tensors)
  const times: number[] = []
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint()
    await s.run(tensors)
    times.push(Number(process.hrtime.bigint() - t0) / 1e9)
  }
  await s.release()
  return median(times)
}

const rand = (n: number, seed = 1) => {
  let s = seed
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s / 2 ** 31 - 0.5
  })
}

function work(bytes: Uint8Array, shapes: Record<string, number[]>) {
  const info = readOnnxModel(bytes)
  if (typeof info === 'string') throw new Error(info)
  const r = analyseGraph(info, Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, { shape: s, type: 1 }])), {
    maxElements: 2 ** 30,
    maxNodes: 1e6,
    maxPeakBytes: 2 ** 40,
  })
  if (!r.ok) throw new Error(r.detail)
  return r.value
}

const model = (
  name: string,
  nodes: InstanceType<typeof onnx.NodeProto>[],
  inputs: [string, number[]][],
  output: [string, number[]],
) =>
  encodeModel(
    {
      name,
      nodes,
      inputs: inputs.map(([n, d]) => valueInfo(n, d)),
      outputs: [valueInfo(output[0], output[1])],
      initializers: [],
    },
    'bench',
  )

// 1. calibration graphs
const chainNodes = 2000
const nodeGraph = model(
  'nodes',
  Array.from({ length: chainNodes }, (_, k) =>
    node('Neg', [k === 0 ? 'a' : `t${k - 1}`], [k === chainNodes - 1 ? 'out' : `t${k}`]),
  ),
  [['a', [1]]],
  ['out', [1]],
)
const M = 384
const macGraph = model(
  'macs',
  [node('MatMul', ['a', 'b'], ['out'])],
  [
    ['a', [M, M]],
    ['b', [M, M]],
  ],
  ['out', [M, M]],
)
const B = 8192
const gemmGraph = model(
  'gemm',
  [node('MatMul', ['a', 'b'], ['out'])],
  [
    ['a', [B, 1, 16]],
    ['b', [16, 16]],
  ],
  ['out', [B, 1, 16]],
)
const E = 2 ** 20
const elemGraph = model(
  'elements',
  [node('Add', ['a', 'a'], ['t']), node('Add', ['t', 't'], ['out'])],
  [['a', [E]]],
  ['out', [E]],
)
const expGraph = model('exp', [node('Exp', ['a'], ['t']), node('Exp', ['t'], ['out'])], [['a', [E]]], ['out', [E]])

const tNodes = await timeRun(nodeGraph, { a: [[1], rand(1)] })
const tElem = await timeRun(elemGraph, { a: [[E], rand(E)] })
const tMac = await timeRun(macGraph, { a: [[M, M], rand(M * M)], b: [[M, M], rand(M * M, 2)] })
const tGemm = await timeRun(gemmGraph, { a: [[B, 1, 16], rand(B * 16)], b: [[16, 16], rand(256, 2)] })
const wN = work(nodeGraph, { a: [1] })
const wE = work(elemGraph, { a: [E] })
const wM = work(macGraph, { a: [M, M], b: [M, M] })
const wG = work(gemmGraph, { a: [B, 1, 16], b: [16, 16] })
const perNode = tNodes / wN.nodes
const perElement = (tElem - wE.nodes * perNode) / wE.elements
const perMac = (tMac - wM.nodes * perNode - wM.elements * perElement) / wM.macs
const perGemmCall = (tGemm - wG.nodes * perNode - wG.elements * perElement - wG.macs * perMac) / wG.gemmCalls
const fitted = { perNode, perElement, perMac, perGemmCall }
console.log('fitted', fitted)

// 2. check against real gradient graphs at their largest batch
const checks: { name: string; n: number; estimateMs: number; measuredMs: number; ratio: number }[] = []
{
  const measured = await timeRun(expGraph, { a: [[E], rand(E)] })
  const estimate = graphSeconds(work(expGraph, { a: [E] }))
  checks.push({
    name: `2 × Exp on [${E}]`,
    n: 1,
    estimateMs: estimate * 1e3,
    measuredMs: measured * 1e3,
    ratio: estimate / measured,
  })
}
const cases: { name: string; file: string; n: number }[] = [
  { name: 'user-model fixture (64-24-12-10)', file: 'test/fixtures/userModel/model.onnx', n: 300 },
  { name: 'digits-mlp-sgd', file: 'models/digits-mlp-sgd/grad.onnx', n: 300 },
  { name: 'fashion-mlp-sgd', file: 'models/fashion-mlp-sgd/grad.onnx', n: 82 },
]
const analysis: { name: string; bytes: number; analyseMs: number; protobufjsMs: number; ratio: number }[] = []
for (const c of cases) {
  const bytes = new Uint8Array(readFileSync(c.file))
  const info = readOnnxModel(bytes)
  if (typeof info === 'string') throw new Error(info)
  const shapes: Record<string, number[]> = {}
  const feeds: Record<string, [number[], Float32Array]> = {}
  const params = new Set(info.inputs.map((i) => i.name).filter((n) => n !== 'x' && n !== 'y'))
  for (const i of info.inputs) {
    const init = info.initializers.find((t) => t.name === i.name)
    const dims = init ? init.dims : (i.shape ?? []).map((d) => (typeof d === 'number' ? d : c.n))
    shapes[i.name] = dims
    feeds[i.name] = [
      dims,
      rand(
        dims.reduce((a, b) => a * b, 1),
        3,
      ),
    ]
  }
  // the fixture carries θ* as initializers: strip them so they can be fed (as the Worker does)
  const decoded = onnx.ModelProto.decode(bytes)
  const g = decoded.graph as InstanceType<typeof onnx.GraphProto>
  g.initializer = g.initializer.filter((t) => !params.has(t.name as string))
  const runnable = onnx.ModelProto.encode(decoded).finish()
  const w = work(bytes, shapes)
  const measured = await timeRun(runnable, feeds)
  const estimate = graphSeconds(w)
  checks.push({
    name: c.name,
    n: c.n,
    estimateMs: estimate * 1e3,
    measuredMs: measured * 1e3,
    ratio: estimate / measured,
  })
  const inputs = Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, { shape: s, type: 1 }]))
  const analyse = timeIt(() => {
    const i = readOnnxModel(bytes)
    if (typeof i !== 'string') analyseGraph(i, inputs)
  }, 20)
  const baseline = timeIt(() => onnx.ModelProto.decode(bytes), 20)
  analysis.push({
    name: c.name,
    bytes: bytes.length,
    analyseMs: analyse * 1e3,
    protobufjsMs: baseline * 1e3,
    ratio: analyse / baseline,
  })
}
console.log(checks, analysis)

const md = `Cost model of one run of an uploaded graph (src/onnx/graphSeconds.ts): seconds ≈ nodes·c_node + multiply-adds·c_mac +
GEMM calls·c_gemm + elements·c_elem. Timed with onnxruntime-web's single-threaded wasm under Node (the wasm the Worker
runs in workerd), median of 7 runs after a warm-up, sessions with the CPU arena and memory pattern off (as in the Worker).

**Calibration** (each graph isolates one term):

| term | graph | fitted s per unit | constant used |
|---|---|---|---|
| c_node | ${chainNodes} chained Neg on [1] | ${perNode.toExponential(2)} | ${GRAPH_SECONDS.perNode.toExponential(1)} |
| c_elem | 2 × Add on [${E}] | ${perElement.toExponential(2)} | ${GRAPH_SECONDS.perElement.toExponential(1)} |
| c_mac | MatMul [${M}, ${M}] × [${M}, ${M}] | ${perMac.toExponential(2)} | ${GRAPH_SECONDS.perMac.toExponential(1)} |
| c_gemm | MatMul [${B}, 1, 16] × [16, 16] | ${perGemmCall.toExponential(2)} | ${GRAPH_SECONDS.perGemmCall.toExponential(1)} |

**Check** on a transcendental graph (counted like Add) and on gradient graphs (one run at the largest\nbatch the probe uses):

| graph | batch | estimate ms | measured ms | estimate / measured |
|---|---|---|---|---|
${checks.map((c) => `| ${c.name} | ${c.n} | ${c.estimateMs.toFixed(2)} | ${c.measuredMs.toFixed(2)} | ${c.ratio.toFixed(2)} |`).join('\n')}

**Cost of the static analysis itself** (read the protobuf + infer every shape + cost; target ≤ 5 ms), against decoding
the same file with onnx-proto/protobufjs in the same run:

| graph | file bytes | analysis ms | protobufjs decode ms | ratio |
|---|---|---|---|---|
${analysis.map((a) => `| ${a.name} | ${a.bytes} | ${a.analyseMs.toFixed(3)} | ${a.protobufjsMs.toFixed(3)} | ${a.ratio.toFixed(2)} |`).join('\n')}
`
writeSection('graphCost', 'Static graph analysis: cost model calibration and the analysis cost', md, {
  fitted,
  constants: GRAPH_SECONDS,
  checks,
  analysis,
})
