/**
 * Static shape inference (src/onnx/inferNode.ts, analyseGraph.ts) against onnxruntime-web as the oracle: a graph
 * that uses every shape-changing operator a user model may use (with shapes built from Shape/Gather/Concat, Slice
 * with negative and stepped bounds, opset-13 axes inputs) is run, and each output's dims must equal the inferred
 * ones; the work counts of an MLP gradient graph against the closed form; live-memory peaks on a hand-worked chain.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { encodeModel, floatInit, int64Init, node, onnx, valueInfo } from '../../scripts/onnx/onnxBuilders.ts'
import { ort } from '../../scripts/onnx/ortNode.ts'
import { analyseGraph } from '../../src/onnx/analyseGraph.ts'
import { inferNode } from '../../src/onnx/inferNode.ts'
import { readOnnxModel } from '../../src/onnx/readOnnxModel.ts'

const FLOAT = 1
const f32 = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1))

function info(bytes: Uint8Array) {
  const i = readOnnxModel(bytes)
  if (typeof i === 'string') throw new Error(i)
  return i
}

describe('shape inference agrees with onnxruntime-web', () => {
  const N = 5
  const D = 6
  const outs = [
    'o_reshape',
    'o_flat',
    'o_gemm',
    'o_t',
    'o_slice',
    'o_gather',
    'o_concat',
    'o_tile',
    'o_expand',
    'o_split0',
    'o_split1',
    'o_rmean',
    'o_argmax',
    'o_unsq',
    'o_sq',
    'o_where',
    'o_cos',
    'o_onehot',
    'o_bmm',
  ]
  const nodes = [
    // shape arithmetic: [N, 2, D/2] built from Shape → Gather → Concat
    node('Shape', ['x'], ['sx']),
    node('Gather', ['sx', 'i0'], ['n1'], { axis: 0 }),
    node('Concat', ['n1', 'two', 'minus1'], ['shp'], { axis: 0 }),
    node('Reshape', ['x', 'shp'], ['o_reshape']),
    node('Flatten', ['o_reshape'], ['o_flat'], { axis: 2 }),
    node('Gemm', ['x', 'W'], ['o_gemm'], { transB: 1 }),
    node('Transpose', ['o_reshape'], ['o_t'], { perm: [2, 0, 1] }),
    node('Slice', ['o_reshape', 'st', 'en', 'ax', 'sp'], ['o_slice']),
    node('Gather', ['o_reshape', 'idx2'], ['o_gather'], { axis: 2 }),
    node('Concat', ['x', 'x'], ['o_concat'], { axis: 1 }),
    node('Tile', ['x', 'reps'], ['o_tile']),
    node('Unsqueeze', ['x', 'ax1'], ['x3']),
    node('Expand', ['x3', 'eshape'], ['o_expand']),
    node('Split', ['x', 'splits'], ['o_split0', 'o_split1'], { axis: 1 }),
    node('ReduceMean', ['x'], ['o_rmean'], { axes: [1], keepdims: 0 }),
    node('ArgMax', ['x'], ['o_argmax'], { axis: 1, keepdims: 1 }),
    node('Unsqueeze', ['x', 'ax03'], ['o_unsq']),
    node('Squeeze', ['o_unsq', 'ax03'], ['o_sq']),
    node('Greater', ['x', 'zero'], ['pos']),
    node('Where', ['pos', 'x', 'zero'], ['o_where']),
    node('Sigmoid', ['x'], ['o_cos']),
    node('ArgMax', ['x'], ['am'], { axis: 1, keepdims: 0 }),
    node('OneHot', ['am', 'depth', 'onoff'], ['o_onehot']),
    node('MatMul', ['x3', 'W3'], ['o_bmm']),
  ]
  // ReduceMean takes axes as an attribute up to opset 17: model at opset 13
  const bytes = encodeModel(
    {
      name: 'shapes',
      nodes,
      inputs: [valueInfo('x', ['N', D])],
      // outputs declared without a shape: the shapes come from ONNX Runtime alone
      outputs: outs.map((n) =>
        onnx.ValueInfoProto.create({ name: n, type: { tensorType: { elemType: n === 'o_argmax' ? 7 : FLOAT } } }),
      ),
      initializers: [
        int64Init('i0', [0]),
        int64Init('two', [2]),
        int64Init('minus1', [-1]),
        floatInit('W', [4, D], f32(4 * D)),
        int64Init('st', [-1, 0]),
        int64Init('en', [-1000, 3]),
        int64Init('ax', [2, 1]),
        int64Init('sp', [-1, 2]),
        onnx.TensorProto.create({ name: 'idx2', dims: [2, 2], dataType: 7, int64Data: [0, -1, 2, 1] }),
        int64Init('reps', [2, 3]),
        int64Init('ax1', [1]),
        int64Init('eshape', [1, 4, 1]),
        int64Init('splits', [2, 4]),
        int64Init('ax03', [0, 3]),
        floatInit('zero', [], new Float32Array([0])),
        onnx.TensorProto.create({ name: 'depth', dims: [], dataType: 7, int64Data: [7] }),
        floatInit('onoff', [2], new Float32Array([0, 1])),
        floatInit('W3', [D, 3], f32(3 * D)),
      ],
    },
    'test',
  )

  it('every output has the dims onnxruntime-web produces', async () => {
    const s = await ort.InferenceSession.create(bytes)
    const out = await s.run({ x: new ort.Tensor('float32', f32(N * D), [N, D]) })
    const r = analyseGraph(info(bytes), { x: { shape: [N, D], type: FLOAT } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    for (const name of outs) expect([name, r.value.outputs[name]]).toEqual([name, [...out[name].dims]])
    await s.release()
  })
})

describe('analyseGraph', () => {
  it('counts the work of the user-model fixture in closed form: MatMul multiply-adds N·4296, 8N GEMM calls', () => {
    const i = info(new Uint8Array(readFileSync('test/fixtures/userModel/model.onnx')))
    for (const n of [1, 37, 300]) {
      const shapes: Record<string, { shape: number[]; type: number }> = {
        x: { shape: [n, 64], type: FLOAT },
        y: { shape: [n, 10], type: FLOAT },
      }
      for (const [k, dims] of Object.entries({
        W1: [64, 24],
        b1: [24],
        W2: [24, 12],
        b2: [12],
        W3: [12, 10],
        b3: [10],
      }))
        shapes[k] = { shape: dims, type: FLOAT }
      const r = analyseGraph(i, shapes)
      expect(r.ok).toBe(true)
      if (!r.ok) return
      // forward 64·24 + 24·12 + 12·10, backward two products per layer except the first's input gradient
      expect(r.value.macs).toBe(n * (2 * 1536 + 3 * 288 + 3 * 120))
      expect(r.value.gemmCalls).toBe(8 * n)
      expect(r.value.outputs.grad_W1).toEqual([n, 64, 24])
      expect(r.value.outputs.loss).toEqual([n])
      if (n > 1) expect(r.value.largest).toMatchObject({ elements: n * 64 * 24, name: 'grad_W1' })
    }
  })

  const chain = (len: number, size: number) =>
    info(
      encodeModel(
        {
          name: 'chain',
          nodes: Array.from({ length: len }, (_, k) =>
            node('Neg', [k === 0 ? 'a' : `t${k - 1}`], [k === len - 1 ? 'out' : `t${k}`]),
          ),
          inputs: [valueInfo('a', [size])],
          outputs: [valueInfo('out', [size])],
          initializers: [],
        },
        'test',
      ),
    )

  it('peak live memory of a chain: the input, and two intermediates at a time', () => {
    // a (kept) + t_{k-1} (freed after node k) + t_k: 3 tensors of 4·size bytes at the peak
    const r = analyseGraph(chain(10, 1000), { a: { shape: [1000], type: FLOAT } })
    expect(r.ok && r.value.peakBytes).toBe(3 * 4000)
    const one = analyseGraph(chain(1, 1000), { a: { shape: [1000], type: FLOAT } })
    expect(one.ok && one.value.peakBytes).toBe(2 * 4000)
  })

  it('refuses, naming the node: too many nodes, a tensor over the cap, live memory over the cap', () => {
    const limits = { maxElements: 1000, maxNodes: 5, maxPeakBytes: 10_000 }
    const many = analyseGraph(chain(6, 10), { a: { shape: [10], type: FLOAT } }, limits)
    expect(many.ok || many.issues[0].path).toBe('model.nodes')
    const big = analyseGraph(chain(2, 1001), { a: { shape: [1001], type: FLOAT } }, limits)
    expect(big.ok || big.issues[0].path).toBe('model.inputs.a')
    const mem = analyseGraph(chain(3, 1000), { a: { shape: [1000], type: FLOAT } }, limits)
    expect(mem.ok || [mem.issues[0].path, /12 MiB|MiB/.test(mem.issues[0].message)]).toEqual(['model.nodes.1', true])
    expect(
      analyseGraph(chain(3, 1000), { a: { shape: [1000], type: FLOAT } }, { ...limits, maxPeakBytes: 12_000 }).ok,
    ).toBe(true)
  })

  it('refuses a shape input computed from data, and one that is out of order', () => {
    const bytes = encodeModel(
      {
        name: 'computed',
        nodes: [node('Cast', ['a'], ['s'], { to: 7 }), node('Expand', ['a', 's'], ['out'])],
        inputs: [valueInfo('a', [1])],
        outputs: [valueInfo('out', ['d'])],
        initializers: [],
      },
      'test',
    )
    const r = analyseGraph(info(bytes), { a: { shape: [1], type: FLOAT } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0].path).toBe('model.nodes.1')
    expect(r.issues[0].message).toMatch(/shape input "s" is computed from values not known before running/)
    const swapped = info(bytes)
    swapped.nodes.reverse()
    const o = analyseGraph(swapped, { a: { shape: [1], type: FLOAT } })
    expect(o.ok || o.issues[0].message).toMatch(/reads "s", which no earlier node/)
  })
})

describe('inferNode', () => {
  const n = (op: string, inputs: string[], attrs: Record<string, number | number[]> = {}) => ({
    opType: op,
    domain: '',
    inputs,
    outputs: ['o'],
    attributes: Object.entries(attrs).map(([name, v]) => (Array.isArray(v) ? { name, ints: v } : { name, i: v })),
  })
  it('folds integer shape arithmetic and slices like numpy', () => {
    const r = inferNode(n('Slice', ['a', 's', 'e', 'ax', 'st']), [
      { shape: [6], type: 7, value: [10, 11, 12, 13, 14, 15] },
      { shape: [1], type: 7, value: [-1] },
      { shape: [1], type: 7, value: [-1e19] },
      { shape: [1], type: 7, value: [0] },
      { shape: [1], type: 7, value: [-2] },
    ])
    // numpy: a[-1::-2] = [15, 13, 11]
    expect(typeof r !== 'string' && r.outputs[0]).toEqual({ shape: [3], type: 7, value: [15, 13, 11] })
    const m = inferNode(n('Mul', ['a', 'b']), [
      { shape: [2], type: 7, value: [3, 4] },
      { shape: [], type: 7, value: [5] },
    ])
    expect(typeof m !== 'string' && m.outputs[0].value).toEqual([15, 20])
  })
  it('MatMul broadcasting and 1-D promotion', () => {
    const r = inferNode(n('MatMul', ['a', 'b']), [
      { shape: [7, 1, 3, 4], type: 1 },
      { shape: [5, 4, 2], type: 1 },
    ])
    expect(typeof r !== 'string' && [r.outputs[0].shape, r.macs, r.gemmCalls]).toEqual([[7, 5, 3, 2], 35 * 24, 35])
    const v = inferNode(n('MatMul', ['a', 'b']), [
      { shape: [4], type: 1 },
      { shape: [4, 2], type: 1 },
    ])
    expect(typeof v !== 'string' && v.outputs[0].shape).toEqual([2])
    expect(
      inferNode(n('MatMul', ['a', 'b']), [
        { shape: [3, 4], type: 1 },
        { shape: [5, 2], type: 1 },
      ]),
    ).toMatch(/inner dimensions differ/)
  })
})
