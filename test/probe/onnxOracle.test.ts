/**
 * The ONNX path in Node: models exported through the project's exporter (scripts/onnx/exportMlp.ts) and
 * run by onnxruntime-web (wasm, single thread) through the Worker's `onnxOracle`, against exact answers:
 * logistic regression, whose Hessian is (1/n) Σ (diag p − ppᵀ) ⊗ x̃x̃ᵀ in closed form, and the float64
 * JavaScript oracle for a ReLU MLP.
 */

import { EigenvalueDecomposition } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { gradGraph } from '../../scripts/onnx/exportMlp.ts'
import { ort, session } from '../../scripts/onnx/ortNode.ts'
import { evaluateSet } from '../../src/probe/evaluateSet.ts'
import { hessianVectorProduct } from '../../src/probe/hessianVectorProduct.ts'
import { hutchinson } from '../../src/probe/hutchinson.ts'
import { lanczos } from '../../src/probe/lanczos.ts'
import { mlpLayout } from '../../src/probe/mlpLayout.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { createRng } from '../../src/random/index.ts'
import { onnxOracle } from '../../workers/ort/onnxOracle.ts'
import { logisticHessian, randomTheta, syntheticData } from './helpers.ts'

async function oracleFor(layers: number[], data: { x: Float64Array; labels: Int32Array }) {
  const s = await session(gradGraph(layers))
  const layout = mlpLayout(layers)
  const parameters = layout.reduce((a, e) => a + e.shape.reduce((p, q) => p * q, 1), 0)
  return onnxOracle({
    session: s as never,
    Tensor: ort.Tensor as never,
    layout,
    parameters,
    inputDim: layers[0],
    classes: layers[layers.length - 1],
    x: Float32Array.from(data.x),
    labels: data.labels,
    maxGradientElements: 40 * parameters,
  })
}

describe('onnxOracle (grad.onnx in onnxruntime-web)', () => {
  const d = 16,
    c = 5
  const data = syntheticData(400, d, c, 31)
  // θ representable in float32, so that both oracles see the same point
  const theta = Float64Array.from(Float32Array.from(randomTheta(d * c + c, 0.3, 32)))

  it('matches the float64 oracle: loss 1e-6, gradient 1e-6 relative, accuracy exactly', async () => {
    const onnx = await oracleFor([d, c], data)
    expect(onnx.maxBatch).toBe(40)
    const js = mlpOracle([d, c], { x: Float64Array.from(Float32Array.from(data.x)), labels: data.labels })!
    const a = await evaluateSet(onnx, theta)
    const b = await evaluateSet(js, theta)
    expect(Math.abs(a.loss - b.loss) / b.loss).toBeLessThan(1e-6)
    expect(a.accuracy).toBe(b.accuracy)
    const gmax = Math.max(...b.gradient!.map(Math.abs))
    expect(Math.max(...a.gradient!.map((v, i) => Math.abs(v - b.gradient![i]))) / gmax).toBeLessThan(1e-6)
  })

  it('loss-only calls (forward part only) give the same losses and accuracy, and no gradient', async () => {
    const onnx = await oracleFor([d, c], data)
    const idx = Array.from({ length: 40 }, (_, i) => i * 3)
    const a = await onnx.evaluate(theta, idx)
    const b = await onnx.evaluate(theta, idx, { gradient: false })
    expect(Array.from(b.losses)).toEqual(Array.from(a.losses))
    expect(b.correct).toBe(a.correct)
    expect(b.gradient).toBeUndefined()
    expect(a.gradient).toBeDefined()
  })

  it('logistic regression: Lanczos top-5 within 1e-3 relative of the exact Hessian, trace within 3 s.e.', async () => {
    const onnx = await oracleFor([d, c], data)
    const xf = Float64Array.from(Float32Array.from(data.x))
    const H = logisticHessian(theta, xf, data.labels, d, c)
    const exact = new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues
      .slice()
      .sort((p, q) => q - p)
    const apply = (v: Float64Array) => hessianVectorProduct(onnx, theta, v)
    const r = await lanczos(apply, onnx.parameters, { iterations: 30, topK: 5, rng: createRng(9) })
    for (let i = 0; i < 5; i++) expect(Math.abs(r.eigenvalues[i] - exact[i]) / exact[i]).toBeLessThan(1e-3)
    const t = await hutchinson(apply, onnx.parameters, { samples: 20, rng: createRng(10) })
    expect(Math.abs(t.trace - H.trace())).toBeLessThan(3 * t.standardError)
  })

  it('ReLU MLP: per-sample gradients match the float64 oracle to 1e-5 relative', async () => {
    const layers = [6, 9, 4]
    const small = syntheticData(30, 6, 4, 41)
    const onnx = await oracleFor(layers, small)
    const js = mlpOracle(layers, { x: Float64Array.from(Float32Array.from(small.x)), labels: small.labels })!
    const th = Float64Array.from(Float32Array.from(randomTheta(js.parameters, 0.5, 42)))
    const idx = [0, 5, 9, 17]
    const a = await onnx.evaluate(th, idx, { perSample: true })
    const b = await js.evaluate(th, idx, { perSample: true })
    const scale = Math.max(...b.sampleGradients!.map(Math.abs))
    const err = Math.max(...a.sampleGradients!.map((v, i) => Math.abs(v - b.sampleGradients![i])))
    expect(err / scale).toBeLessThan(1e-5)
    a.losses.forEach((l, i) => expect(Math.abs(l - b.losses[i])).toBeLessThan(1e-5 * Math.max(1, b.losses[i])))
  })
})
