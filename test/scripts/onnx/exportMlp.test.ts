import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  exportMlp,
  layoutSize,
  mlpLayout,
  mlpLoss,
  mlpLossFiniteDiff,
  readCheckpoint,
  trainingStandardisation,
  verifyCheckpoint,
  writeCheckpoint,
} from '../../../scripts/onnx/index.ts'
import { onnx } from '../../../scripts/onnx/onnxBuilders.ts'
import { runGrad, session } from '../../../scripts/onnx/ortNode.ts'
import { createTfMlp, disposeTfMlp, glorotInit, predictProbs } from '../../../scripts/train/mlpTf.ts'
import { useBackend } from '../../../scripts/train/tfBackend.ts'
import { createRng } from '../../../src/random/index.ts'

// Oracles: tfjs (cpu backend) for the forward graph, float64 JS central differences for the gradient
// graph (scripts/onnx/mlpReference.ts), float64 forward for the loss and accuracy.
const FORWARD_TOL = 1e-5
const GRAD_REL_TOL = 1e-4

function randomModel(layers: number[], n: number, seed: number) {
  const rng = createRng(seed)
  const theta = glorotInit(layers, seed)
  // nonzero biases so that the bias paths are exercised
  for (const e of mlpLayout(layers))
    if (e.shape.length === 1) for (let i = 0; i < e.shape[0]; i++) theta[e.offset + i] = 0.3 * (2 * rng.uniform() - 1)
  const x = new Uint8Array(n * layers[0]).map(() => Math.floor(rng.uniform() * 17))
  const y = new Uint8Array(n).map(() => Math.floor(rng.uniform() * layers[layers.length - 1]))
  return { theta, x, y }
}

const meta = (layers: number[]) => ({
  id: `test-${layers.join('-')}`,
  dataset: 'synthetic-test',
  optimizer: 'sgd' as const,
  lr: 0.1,
  batchSize: 8,
  epochs: 0,
  seed: 7,
  trainAccuracy: 0,
  testAccuracy: 0,
  trainLoss: 0,
  testLoss: 0,
  inputScale: 1 / 16,
  dataChecksum: '0'.repeat(64),
  history: [],
  layers,
})

describe('exportMlp', () => {
  beforeAll(async () => {
    await useBackend('cpu')
  })

  for (const layers of [
    [6, 3],
    [5, 7, 4],
    [8, 6, 5, 3],
  ]) {
    it(`forward equals tfjs to 1e-5 and gradients equal central differences to 1e-4 (layers ${layers.join('-')})`, async () => {
      const n = 12
      const { theta, x, y } = randomModel(layers, n, layers.length * 31 + layers[0])
      const dir = mkdtempSync(join(tmpdir(), 'export-'))
      const rec = writeCheckpoint(dir, meta(layers), theta, { x, y, n })
      expect(rec.parameters).toBe(layoutSize(mlpLayout(layers)))
      const m = createTfMlp(layers, theta)
      const tfProbs = predictProbs(m, x, n, 1 / 16)
      disposeTfMlp(m)
      const v = await verifyCheckpoint(dir, { tfjsProbs: tfProbs, gradSamples: 5 })
      expect(v.forwardMaxAbsDiffTfjs).toBeLessThan(FORWARD_TOL)
      expect(v.forwardMaxAbsDiffFloat64).toBeLessThan(FORWARD_TOL)
      expect(v.lossMaxAbsDiff).toBeLessThan(FORWARD_TOL)
      expect(v.gradMaxRelErr).toBeLessThan(GRAD_REL_TOL)
      expect(v.gradEntriesChecked).toBe(rec.parameters)
      // accuracy from the float64 forward, computed here independently
      let correct = 0
      for (let i = 0; i < n; i++) {
        const p = mlpLoss(
          layers,
          theta,
          Array.from(x.subarray(i * layers[0], (i + 1) * layers[0]), (u) => u / 16),
          y[i],
        ).probs
        if (p.indexOf(Math.max(...p)) === y[i]) correct++
      }
      expect(v.evalAccuracy).toBe(correct / n)
      expect(v.hvpMaxRelErr).toBeLessThan(GRAD_REL_TOL)
    })
  }

  it('a standardised export: both graphs apply (x − μ)/σ; tfjs, float64 and finite differences agree', async () => {
    const layers = [6, 5, 3]
    const n = 10
    const { theta, x, y } = randomModel(layers, n, 91)
    const st = trainingStandardisation(x, 1 / 16)
    // the global mean and population std of x, recomputed directly
    const xs = Array.from(x, (u) => u / 16)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    expect(st.mean).toBeCloseTo(mean, 14)
    expect(st.std).toBeCloseTo(Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length), 14)
    const dir = mkdtempSync(join(tmpdir(), 'export-std-'))
    const rec = writeCheckpoint(dir, { ...meta(layers), inputStandardisation: st }, theta, { x, y, n })
    expect(rec.inputStandardisation).toEqual(st)
    const m = createTfMlp(layers, theta)
    const tfProbs = predictProbs(m, x, n, 1 / 16, st)
    const tfPlain = predictProbs(m, x, n, 1 / 16)
    disposeTfMlp(m)
    const v = await verifyCheckpoint(dir, { tfjsProbs: tfProbs, gradSamples: 5 })
    expect(v.forwardMaxAbsDiffTfjs).toBeLessThan(FORWARD_TOL)
    expect(v.forwardMaxAbsDiffFloat64).toBeLessThan(FORWARD_TOL)
    expect(v.gradMaxRelErr).toBeLessThan(GRAD_REL_TOL)
    expect(v.hvpMaxRelErr).toBeLessThan(GRAD_REL_TOL)
    // the standardisation matters: without it tfjs gives other probabilities
    expect(Math.max(...tfPlain.map((p, i) => Math.abs(p - tfProbs[i])))).toBeGreaterThan(1e-2)
  })

  it('writes graphs with the contract names, IR 8 and opset 13, and files that reload', async () => {
    const layers = [5, 7, 4]
    const { theta, x, y } = randomModel(layers, 3, 5)
    const ex = exportMlp(layers, theta, '0.1.0')
    for (const bytes of [ex.forward, ex.grad]) {
      const model = onnx.ModelProto.decode(bytes)
      expect(Number(model.irVersion)).toBe(8)
      expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 13]])
    }
    const g = onnx.ModelProto.decode(ex.grad).graph!
    const params = ['W1', 'b1', 'W2', 'b2']
    const inputs = ['x', 'y', ...params, ...params.map((p) => `v_${p}`)]
    expect(g.input!.map((i) => i.name)).toEqual(inputs)
    expect(g.output!.map((o) => o.name)).toEqual([
      'loss',
      'probs',
      ...params.map((p) => `grad_${p}`),
      ...params.map((p) => `hvp_${p}`),
    ])
    const f = onnx.ModelProto.decode(ex.forward).graph!
    expect(f.input!.map((i) => i.name)).toEqual(['x'])
    expect(f.output!.map((o) => o.name)).toEqual(['probs'])
    const s = await session(ex.grad)
    expect(s.inputNames).toEqual(inputs)
    const dir = mkdtempSync(join(tmpdir(), 'export-'))
    writeCheckpoint(dir, meta(layers), theta, { x, y, n: 3 })
    const ck = readCheckpoint(dir)
    expect(Array.from(ck.theta)).toEqual(Array.from(theta))
    expect(Array.from(ck.evalX)).toEqual(Array.from(x))
    expect(Array.from(ck.evalY)).toEqual(Array.from(y))
    expect(statSync(join(dir, 'eval.bin')).size).toBe(3 * 5 + 3)
    expect(statSync(join(dir, 'params.bin')).size).toBe(4 * theta.length)
    expect(ck.record.layout).toEqual([
      { name: 'W1', shape: [5, 7], offset: 0 },
      { name: 'b1', shape: [7], offset: 35 },
      { name: 'W2', shape: [7, 4], offset: 42 },
      { name: 'b2', shape: [4], offset: 70 },
    ])
  })

  it('the gradient check fails when the graph is evaluated at other parameters (the check can fail)', async () => {
    const layers = [5, 7, 4]
    const { theta, x, y } = randomModel(layers, 2, 9)
    const s = await session(exportMlp(layers, theta).grad)
    const shifted = theta.map((t) => t + 0.05)
    const xs = Float32Array.from(x.subarray(0, 5), (u) => u / 16)
    const g = await runGrad(s, mlpLayout(layers), shifted, xs, y, 1, 5, 4)
    const fd = mlpLossFiniteDiff(layers, theta, xs, y[0])
    const flat = [...g.grads.W1, ...g.grads.b1, ...g.grads.W2, ...g.grads.b2]
    const err = Math.max(...flat.map((v, i) => Math.abs(v - fd[i]))) / Math.max(...fd.map(Math.abs))
    expect(err).toBeGreaterThan(GRAD_REL_TOL)
  })
})
