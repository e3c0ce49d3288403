import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { evaluateSet } from '../../src/probe/evaluateSet.ts'
import { finiteDifferenceStep, hessianVectorProduct } from '../../src/probe/hessianVectorProduct.ts'
import { hutchinson } from '../../src/probe/hutchinson.ts'
import { lanczos } from '../../src/probe/lanczos.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { createRng } from '../../src/random/index.ts'
import { logisticHessian, randomTheta, syntheticData } from './helpers.ts'

const sortedEigenvalues = (H: Matrix) =>
  new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => b - a)

describe('curvature of multinomial logistic regression (exact Hessian Xᵀ(diag p − ppᵀ)X/n)', () => {
  const d = 12,
    c = 4
  const data = syntheticData(300, d, c, 11)
  const oracle = mlpOracle([d, c], data)!
  const theta = randomTheta(oracle.parameters, 0.3, 12)
  const H = logisticHessian(theta, data.x, data.labels, d, c)
  const exact = sortedEigenvalues(H)
  const apply = (v: Float64Array) => hessianVectorProduct(oracle, theta, v)

  it('the finite-difference step is relative to ‖θ‖', () => {
    const n = Math.hypot(...theta)
    expect(finiteDifferenceStep(theta, 2 ** -53)).toBeCloseTo(Math.cbrt(2 ** -53) * n, 18)
    expect(finiteDifferenceStep(new Float64Array(3), 2 ** -24)).toBeCloseTo(Math.cbrt(2 ** -24), 15)
  })

  it('a Hessian-vector product matches the exact Hessian to 1e-7 relative', async () => {
    const v = randomTheta(oracle.parameters, 1, 13)
    const hv = await apply(v)
    const ex = H.mmul(Matrix.columnVector(Array.from(v))).getColumn(0)
    const err = Math.max(...ex.map((e, i) => Math.abs(e - hv[i])))
    expect(err / Math.max(...ex.map(Math.abs))).toBeLessThan(1e-7)
  })

  it('Lanczos top-5 eigenvalues are within 1e-3 relative of the dense decomposition (30 of 52 dims)', async () => {
    const r = await lanczos(apply, oracle.parameters, { iterations: 30, topK: 5, rng: createRng(5) })
    expect(r.products).toBe(30)
    for (let i = 0; i < 5; i++) expect(Math.abs(r.eigenvalues[i] - exact[i]) / exact[i]).toBeLessThan(1e-3)
    // Ritz vectors: ‖H y − θ y‖ small relative to θ, and unit norm
    const y = r.eigenvectors[0]
    const hy = H.mmul(Matrix.columnVector(Array.from(y))).getColumn(0)
    const res = Math.hypot(...hy.map((v, i) => v - r.eigenvalues[0] * y[i]))
    expect(res / r.eigenvalues[0]).toBeLessThan(1e-3)
    expect(Math.hypot(...y)).toBeCloseTo(1, 12)
  })

  it('with full dimension, Lanczos recovers λ_min (the softmax null space: 0) and all eigenvalues', async () => {
    const r = await lanczos(apply, oracle.parameters, { iterations: oracle.parameters, topK: 8, rng: createRng(6) })
    for (let i = 0; i < 8; i++) expect(Math.abs(r.eigenvalues[i] - exact[i])).toBeLessThan(1e-6 * exact[0])
    expect(Math.abs(r.lambdaMin - exact[exact.length - 1])).toBeLessThan(1e-6 * exact[0])
  })

  it('Hutchinson trace is within 3 standard errors of tr(H), for several seeds', async () => {
    const tr = H.trace()
    for (const seed of [1, 2, 3, 4, 5]) {
      const r = await hutchinson(apply, oracle.parameters, { samples: 20, rng: createRng(seed) })
      expect(r.standardError).toBeGreaterThan(0)
      expect(Math.abs(r.trace - tr)).toBeLessThan(3 * r.standardError)
      expect(r.standardError).toBeLessThan(0.2 * tr)
    }
  })
})

describe('curvature of a tiny ReLU MLP', () => {
  it('Lanczos top eigenvalues match the dense finite-difference Hessian', async () => {
    const layers = [4, 6, 3]
    const data = syntheticData(120, 4, 3, 21)
    const oracle = mlpOracle(layers, data)!
    const theta = randomTheta(oracle.parameters, 0.7, 22)
    const P = oracle.parameters
    const h = 1e-5
    const H = Matrix.zeros(P, P)
    for (let j = 0; j < P; j++) {
      const tp = theta.slice()
      tp[j] += h
      const tm = theta.slice()
      tm[j] -= h
      const gp = (await evaluateSet(oracle, tp)).gradient!
      const gm = (await evaluateSet(oracle, tm)).gradient!
      for (let i = 0; i < P; i++) H.set(i, j, (gp[i] - gm[i]) / (2 * h))
    }
    // ml-matrix arithmetic is in place: work on clones
    const asym = H.clone().sub(H.transpose()).abs().max()
    expect(asym).toBeLessThan(1e-6 * H.clone().abs().max())
    const Hs = H.clone().add(H.transpose()).div(2)
    const exact = sortedEigenvalues(Hs)
    const r = await lanczos((v) => hessianVectorProduct(oracle, theta, v), P, {
      iterations: 25,
      topK: 3,
      rng: createRng(3),
    })
    for (let i = 0; i < 3; i++) expect(Math.abs(r.eigenvalues[i] - exact[i]) / exact[i]).toBeLessThan(1e-4)
  })
})
