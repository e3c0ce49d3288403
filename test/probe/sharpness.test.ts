import { Matrix } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { lossSlice } from '../../src/probe/lossSlice.ts'
import { sharpness } from '../../src/probe/sharpness.ts'
import { createRng } from '../../src/random/index.ts'
import { quadraticOracle } from './helpers.ts'

// F(θ) = ½θᵀAθ with A = Q diag(λ) Qᵀ, Q a rotation: max rise in the ρ-ball is ½ λ_max ρ² (closed form).
function rotatedQuadratic(lambdas: number[]): Matrix {
  const n = lambdas.length
  let A = Matrix.diag(lambdas)
  for (let k = 0; k + 1 < n; k++) {
    const G = Matrix.eye(n)
    const t = 0.3 + 0.2 * k
    G.set(k, k, Math.cos(t))
    G.set(k + 1, k + 1, Math.cos(t))
    G.set(k, k + 1, -Math.sin(t))
    G.set(k + 1, k, Math.sin(t))
    A = G.mmul(A).mmul(G.transpose())
  }
  return A
}

describe('sharpness', () => {
  const lambdas = [5, 2, 1, 0.5, 0.1, 0.05]
  const oracle = quadraticOracle(rotatedQuadratic(lambdas))
  const theta = new Float64Array(6)

  it('projected gradient ascent reaches ½λ_max ρ² within 0.1%', async () => {
    const r = await sharpness(oracle, theta, 0, { radius: 0.3, directions: 4, ascentSteps: 30, rng: createRng(1) })
    expect(r.radius).toBe(0.3)
    expect(r.value).toBeLessThanOrEqual(0.5 * 5 * 0.09 * (1 + 1e-12))
    expect(Math.abs(r.value - 0.5 * 5 * 0.09) / (0.5 * 5 * 0.09)).toBeLessThan(1e-3)
    expect(r.evaluations).toBe(4 + 30 + 1)
  })

  it('random directions alone give a lower bound below the maximum', async () => {
    const r = await sharpness(oracle, theta, 0, { radius: 0.3, directions: 8, ascentSteps: 0, rng: createRng(2) })
    expect(r.value).toBeGreaterThan(0.5 * 0.05 * 0.09)
    expect(r.value).toBeLessThan(0.5 * 5 * 0.09)
  })
})

describe('lossSlice', () => {
  it('is ½λt² along an eigenvector of a quadratic', async () => {
    const oracle = quadraticOracle(Matrix.diag([3, 1]))
    const s = await lossSlice(oracle, new Float64Array(2), Float64Array.from([1, 0]), { range: 2, points: 5 })
    expect(s.t).toEqual([-2, -1, 0, 1, 2])
    s.loss.forEach((l, i) => expect(l).toBeCloseTo(1.5 * s.t[i] ** 2, 14))
  })
})
