/**
 * The exact Hessian-vector products of grad.onnx (R-operator outputs hvp_<name>), run by onnxruntime-web
 * through the Worker's onnxOracle, against oracles that share no code with the graph:
 *  - central differences, in float64, of the float64 JavaScript gradient (src/probe/mlpOracle.ts);
 *  - the dense float64 Hessian of a small ReLU network assembled column by column from those
 *    differences, and its eigenvalues (ml-matrix);
 *  - the closed-form Hessian of multinomial logistic regression.
 * Tolerances: float32 graph arithmetic gives ≈ 1e-7 relative error; 1e-5 leaves room for the sums
 * over the batch, and is still 100× tighter than the float32 finite differences the probe used before.
 */

import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { gradGraph, type GraphStandardisation as InputStandardisation } from '../../../scripts/onnx/exportMlp.ts'
import { ort, runGrad, runHvp, session } from '../../../scripts/onnx/ortNode.ts'
import {
  curvatureMethod,
  exactHessianVectorProduct,
  finiteDifferenceHessianVectorProduct,
} from '../../../src/probe/hessianVectorProduct.ts'
import { lanczos } from '../../../src/probe/lanczos.ts'
import { mlpLayout } from '../../../src/probe/mlpLayout.ts'
import { mlpOracle } from '../../../src/probe/mlpOracle.ts'
import type { GradientOracle } from '../../../src/probe/oracle.ts'
import { createRng } from '../../../src/random/index.ts'
import { onnxOracle } from '../../../workers/ort/onnxOracle.ts'
import { logisticHessian, randomTheta, syntheticData } from '../../probe/helpers.ts'

const REL_TOL = 1e-5

const f32 = (a: ArrayLike<number>) => Float64Array.from(Float32Array.from(a as ArrayLike<number>))

async function onnxFor(
  layers: number[],
  data: { x: Float64Array; labels: Int32Array },
  standardisation?: InputStandardisation,
  maxBatch?: number,
): Promise<GradientOracle> {
  const s = await session(gradGraph(layers, '0', standardisation))
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
    ...(maxBatch ? { maxGradientElements: maxBatch * parameters } : {}),
  })
}

/** The float64 oracle on the inputs the graph sees: float32 x, standardised in float32 as the graph does. */
function float64Reference(
  layers: number[],
  data: { x: Float64Array; labels: Int32Array },
  s?: InputStandardisation,
): GradientOracle {
  const x = Float32Array.from(data.x)
  const xs = s ? x.map((u) => (u - Math.fround(s.mean)) / Math.fround(s.std)) : x
  return mlpOracle(layers, { x: Float64Array.from(xs), labels: data.labels }) as GradientOracle
}

const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0)
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0)

describe('grad.onnx exact Hessian-vector products', () => {
  const cases: { layers: number[]; standardisation?: InputStandardisation }[] = [
    { layers: [6, 3] },
    { layers: [5, 7, 4] },
    { layers: [5, 7, 4], standardisation: { mean: 0.3, std: 1.7 } },
    { layers: [8, 6, 5, 3], standardisation: { mean: -0.2, std: 0.6 } },
  ]
  for (const { layers, standardisation } of cases) {
    it(`equal float64 central differences of the float64 gradient to 1e-5 (layers ${layers.join('-')}${standardisation ? ', standardised' : ''})`, async () => {
      const data = syntheticData(60, layers[0], layers[layers.length - 1], layers.length * 7 + layers[0])
      // batches of 16 rows, so that the size-weighted recombination of chunks is exercised
      const onnx = await onnxFor(layers, data, standardisation, 16)
      expect(curvatureMethod(onnx)).toBe('exact')
      const js = float64Reference(layers, data, standardisation)
      const theta = f32(randomTheta(js.parameters, 0.6, 11))
      for (const seed of [1, 2, 3]) {
        const v = randomTheta(js.parameters, 1, 100 + seed)
        const exact = await exactHessianVectorProduct(onnx, theta, v)
        // h = 1e-5 in float64: truncation ~1e-10, rounding ~1e-11 (no unit switches within ±h here)
        const fd = await finiteDifferenceHessianVectorProduct(js, theta, v, 1e-5)
        expect(maxDiff(exact, fd) / maxAbs(fd)).toBeLessThan(REL_TOL)
      }
    })
  }

  it('the gradient outputs are unchanged by the direction inputs (v fed or zero)', async () => {
    const layers = [5, 7, 4]
    const layout = mlpLayout(layers)
    const s = await session(gradGraph(layers))
    const rng = createRng(4)
    const theta = Float32Array.from({ length: 74 }, () => rng.uniform() - 0.5)
    const x = Float32Array.from({ length: 3 * 5 }, () => rng.uniform())
    const g = await runGrad(s, layout, theta, x, [0, 3, 1], 3, 5, 4)
    const js = mlpOracle(layers, { x: Float64Array.from(x), labels: [0, 3, 1] }) as GradientOracle
    const ref = await js.evaluate(Float64Array.from(theta), [0, 1, 2], { perSample: true })
    let err = 0
    for (const e of layout) {
      const n = e.shape.reduce((a, b) => a * b, 1)
      for (let r = 0; r < 3; r++)
        for (let j = 0; j < n; j++)
          err = Math.max(err, Math.abs(g.grads[e.name][r * n + j] - ref.sampleGradients![r * 74 + e.offset + j]))
    }
    expect(err).toBeLessThan(1e-6)
    // H v is linear in v: H(2v) = 2 H v exactly up to float32 rounding
    const v = Float32Array.from({ length: 74 }, () => rng.uniform() - 0.5)
    const hv = await runHvp(s, layout, theta, v, x, [0, 3, 1], 3, 5, 4)
    const h2v = await runHvp(
      s,
      layout,
      theta,
      v.map((t) => 2 * t),
      x,
      [0, 3, 1],
      3,
      5,
      4,
    )
    expect(
      maxDiff(
        h2v,
        hv.map((t) => 2 * t),
      ) / maxAbs(hv),
    ).toBeLessThan(1e-6)
  })

  it('assemble the dense Hessian of a small ReLU network: entries to 1e-5 and eigenvalues to 1e-5 relative', async () => {
    const layers = [4, 6, 3]
    const data = syntheticData(40, 4, 3, 77)
    const onnx = await onnxFor(layers, data, { mean: 0.1, std: 1.3 })
    const js = float64Reference(layers, data, { mean: 0.1, std: 1.3 })
    const P = js.parameters
    const theta = f32(randomTheta(P, 0.7, 5))
    const exactCols: Float64Array[] = []
    const fdCols: Float64Array[] = []
    for (let j = 0; j < P; j++) {
      const e = new Float64Array(P)
      e[j] = 1
      exactCols.push(await exactHessianVectorProduct(onnx, theta, e))
      fdCols.push(await finiteDifferenceHessianVectorProduct(js, theta, e, 1e-5))
    }
    const He = new Matrix(exactCols.map((c) => Array.from(c)))
    const Hf = new Matrix(fdCols.map((c) => Array.from(c)))
    const scale = maxAbs(Hf.to1DArray())
    expect(maxDiff(He.to1DArray(), Hf.to1DArray()) / scale).toBeLessThan(REL_TOL)
    // symmetry of the assembled operator
    expect(maxDiff(He.to1DArray(), He.transpose().to1DArray()) / scale).toBeLessThan(REL_TOL)
    const sym = (M: Matrix) => M.add(M.transpose()).mul(0.5)
    const eig = (M: Matrix) =>
      new EigenvalueDecomposition(sym(M), { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => b - a)
    const le = eig(He)
    const lf = eig(Hf)
    expect(lf[0]).toBeGreaterThan(0)
    for (let i = 0; i < P; i++) expect(Math.abs(le[i] - lf[i])).toBeLessThan(REL_TOL * lf[0])
    // the Lanczos top eigenvalue on the exact products is the dense one
    const lz = await lanczos((v) => exactHessianVectorProduct(onnx, theta, v), P, {
      iterations: P,
      topK: 3,
      rng: createRng(3),
    })
    for (let i = 0; i < 3; i++) expect(Math.abs(lz.eigenvalues[i] - lf[i]) / lf[0]).toBeLessThan(REL_TOL)
  })

  it('logistic regression: H v equals the closed-form Hessian times v to 1e-5', async () => {
    const d = 7
    const c = 4
    const data = syntheticData(120, d, c, 23)
    const onnx = await onnxFor([d, c], data)
    const theta = f32(randomTheta(d * c + c, 0.4, 24))
    const H = logisticHessian(theta, f32(data.x), data.labels, d, c)
    const v = randomTheta(d * c + c, 1, 25)
    const ref = H.mmul(Matrix.columnVector(Array.from(v))).to1DArray()
    const hv = await exactHessianVectorProduct(onnx, theta, v)
    expect(maxDiff(hv, ref) / maxAbs(ref)).toBeLessThan(REL_TOL)
  })
})
