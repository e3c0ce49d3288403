/**
 * The userModel contract check (workers/models/userModel.ts) on the converted tfjs fixture
 * (scripts/fixtures/userModel.ts) and on copies of it broken one way each with onnx-proto.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { userModelOnnx } from '../../scripts/convertTfjs.ts'
import { onnx } from '../../scripts/onnx/onnxBuilders.ts'
import { decodeEvalBin, decodeEvalJson } from '../../workers/models/evalData.ts'
import { checkUserModel } from '../../workers/models/userModel.ts'

const bytes = new Uint8Array(readFileSync('test/fixtures/userModel/model.onnx'))
const weights = new Float32Array(new Uint8Array(readFileSync('test/fixtures/userModel/weights.bin')).buffer)

function broken(edit: (g: InstanceType<typeof onnx.GraphProto>) => void): Uint8Array {
  const m = onnx.ModelProto.decode(bytes)
  edit(m.graph as InstanceType<typeof onnx.GraphProto>)
  return onnx.ModelProto.encode(m).finish()
}

describe('checkUserModel', () => {
  it('accepts the converted tfjs model: layout, θ* equal to the tfjs weights', () => {
    const r = checkUserModel(bytes)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.inputDim).toBe(64)
    expect(r.value.classes).toBe(10)
    expect(r.value.layout.map((e) => [e.name, e.shape, e.offset])).toEqual([
      ['W1', [64, 24], 0],
      ['b1', [24], 1536],
      ['W2', [24, 12], 1560],
      ['b2', [12], 1848],
      ['W3', [12, 10], 1860],
      ['b3', [10], 1980],
    ])
    expect(r.value.parameters).toBe(1990)
    expect(weights.length).toBe(1990)
    expect(Array.from(r.value.theta)).toEqual(Array.from(weights))
  })

  const cases: [string, (g: InstanceType<typeof onnx.GraphProto>) => void, string, RegExp][] = [
    [
      'a missing input',
      (g) => {
        g.input = g.input.filter((i) => i.name !== 'x')
      },
      'model.inputs.x',
      /missing input "x"/,
    ],
    [
      'a wrong input shape',
      (g) => {
        g.input.find((i) => i.name === 'y')!.type!.tensorType!.shape!.dim![1] = { dimParam: 'C' }
      },
      'model.inputs.y',
      /fixed classes/,
    ],
    [
      'a parameter whose declared shape differs from its value',
      (g) => {
        g.input.find((i) => i.name === 'W2')!.type!.tensorType!.shape!.dim![0] = { dimValue: 7 }
      },
      'model.inputs.W2',
      /declared \[7, 12\] but its initializer is \[24, 12\]/,
    ],
    [
      'a parameter without its trained value',
      (g) => {
        g.initializer = g.initializer.filter((t) => t.name !== 'b3')
      },
      'model.inputs.b3',
      /no initializer/,
    ],
    [
      'a missing gradient output',
      (g) => {
        g.output = g.output.filter((o) => o.name !== 'grad_W2')
      },
      'model.outputs.grad_W2',
      /missing output "grad_W2"/,
    ],
    [
      'a missing loss',
      (g) => {
        g.output = g.output.filter((o) => o.name !== 'loss')
      },
      'model.outputs.loss',
      /missing output "loss"/,
    ],
    [
      'an unsupported op',
      (g) => {
        g.node.push(onnx.NodeProto.create({ opType: 'Conv', input: ['x', 'W1'], output: ['c'] }))
      },
      `model.nodes.`,
      /unsupported op Conv/,
    ],
    [
      'a custom-domain op',
      (g) => {
        g.node.push(onnx.NodeProto.create({ opType: 'Relu', domain: 'com.example', input: ['x'], output: ['c'] }))
      },
      'model.nodes.',
      /unsupported op com\.example\.Relu/,
    ],
  ]
  for (const [what, edit, path, message] of cases) {
    it(`refuses ${what}, naming it`, () => {
      const r = checkUserModel(broken(edit))
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.kind).toBe('invalid')
      const hit = r.issues.find((i) => i.path.startsWith(path))
      expect(hit, JSON.stringify(r.issues)).toBeDefined()
      expect(hit!.message).toMatch(message)
      expect(r.detail).toMatch(/model contract/)
    })
  }

  it('a graph without Hessian-vector-product inputs is finite-difference only; the converter adds them', () => {
    const plain = checkUserModel(bytes)
    expect(plain.ok && plain.value.exactHvp).toBe(false)
    const withHvp = checkUserModel(userModelOnnx([64, 24, 12, 10], weights))
    expect(withHvp.ok, JSON.stringify(!withHvp.ok && withHvp.issues)).toBe(true)
    if (!withHvp.ok) return
    expect(withHvp.value.exactHvp).toBe(true)
    // the v_<name> directions are not parameters
    expect(withHvp.value.layout.map((e) => e.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3'])
    expect(withHvp.value.parameters).toBe(1990)
  })

  const hvpBytes = userModelOnnx([64, 24, 12, 10], weights)
  const brokenHvp = (edit: (g: InstanceType<typeof onnx.GraphProto>) => void) => {
    const m = onnx.ModelProto.decode(hvpBytes)
    edit(m.graph as InstanceType<typeof onnx.GraphProto>)
    return onnx.ModelProto.encode(m).finish()
  }
  const hvpCases: [string, (g: InstanceType<typeof onnx.GraphProto>) => void, string, RegExp][] = [
    [
      'a direction input without its product output',
      (g) => {
        g.output = g.output.filter((o) => o.name !== 'hvp_W2')
      },
      'model.outputs.hvp_W2',
      /missing output "hvp_W2"/,
    ],
    [
      'direction inputs for some parameters only',
      (g) => {
        g.input = g.input.filter((i) => i.name !== 'v_b3')
      },
      'model.inputs.v_b3',
      /every parameter or for none/,
    ],
    [
      'a direction of the wrong shape',
      (g) => {
        g.input.find((i) => i.name === 'v_W3')!.type!.tensorType!.shape!.dim![0] = { dimValue: 5 }
      },
      'model.inputs.v_W3',
      /must be float32 \[12, 10\]/,
    ],
  ]
  for (const [what, edit, path, message] of hvpCases) {
    it(`refuses ${what}, naming it`, () => {
      const r = checkUserModel(brokenHvp(edit))
      expect(r.ok).toBe(false)
      if (r.ok) return
      const hit = r.issues.find((i) => i.path === path)
      expect(hit, JSON.stringify(r.issues)).toBeDefined()
      expect(hit!.message).toMatch(message)
    })
  }

  it('refuses bytes that are not ONNX', () => {
    const r = checkUserModel(new TextEncoder().encode('not a model at all'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0].path).toBe('model')
  })
})

describe('evaluation data', () => {
  it('decodes eval.bin with the input scale, and JSON', () => {
    const bin = Uint8Array.from([0, 16, 8, 4, 1, 2])
    const r = decodeEvalBin(bin, 2, 1 / 16, 3)
    expect(r.ok && Array.from(r.value.x)).toEqual([0, 1, 0.5, 0.25])
    expect(r.ok && Array.from(r.value.labels)).toEqual([1, 2])
    expect(decodeEvalBin(bin, 4, 1, 3).ok).toBe(false)
    expect(decodeEvalBin(Uint8Array.from([0, 1, 5]), 2, 1, 3).ok).toBe(false)
    const j = decodeEvalJson('{"x": [[1, 2], [3, 4]], "labels": [0, 2]}', 2, 3)
    expect(j.ok && j.value.samples).toBe(2)
    const bad = decodeEvalJson('{"x": [[1, 2], [3]], "labels": [0, 2]}', 2, 3)
    expect(!bad.ok && bad.issues[0].path).toBe('data.x.1')
  })
})

describe('stripInitializers', () => {
  it('removes exactly the named initializers and keeps every other byte of the graph', async () => {
    const { stripInitializers } = await import('../../workers/ort/stripInitializers.ts')
    const names = new Set(['W1', 'b1', 'W2', 'b2', 'W3', 'b3'])
    const out = stripInitializers(bytes, names)!
    const a = onnx.ModelProto.decode(bytes)
    const b = onnx.ModelProto.decode(out)
    const inits = (m: typeof a) => (m.graph?.initializer ?? []).map((t) => t.name as string)
    expect(inits(b)).toEqual(inits(a).filter((n) => !names.has(n)))
    expect(inits(b)).toEqual(['ax1', 'ax12'])
    expect(onnx.ModelProto.toObject(b, { longs: Number }).graph?.node).toEqual(
      onnx.ModelProto.toObject(a, { longs: Number }).graph?.node,
    )
    expect(b.graph?.input?.map((i) => i.name)).toEqual(a.graph?.input?.map((i) => i.name))
    expect(b.irVersion).toEqual(a.irVersion)
    expect(bytes.length - out.length).toBeGreaterThan(4 * 1990)
    expect(stripInitializers(new Uint8Array([0xff, 0xff]), names)).toBeNull()
  })
})
