/**
 * Test helpers for the probe: synthetic classification data from the seeded generator, a quadratic
 * oracle F(θ) = ½ θᵀAθ with known spectrum, and the exact Hessian of multinomial logistic regression.
 */
import { Matrix } from 'ml-matrix'
import type { GradientOracle } from '../../src/probe/oracle.ts'
import { createRng } from '../../src/random/index.ts'
import { normal } from '../../src/random/normal.ts'

/** n samples in d dimensions, labels from a random linear teacher with noise (classes c). */
export function syntheticData(n: number, d: number, c: number, seed: number): { x: Float64Array; labels: Int32Array } {
  const rng = createRng(seed)
  const teacher = Array.from({ length: d * c }, () => normal(rng))
  const x = new Float64Array(n * d)
  const labels = new Int32Array(n)
  for (let s = 0; s < n; s++) {
    let best = -Infinity
    for (let j = 0; j < d; j++) x[s * d + j] = normal(rng)
    for (let k = 0; k < c; k++) {
      let z = 2 * normal(rng)
      for (let j = 0; j < d; j++) z += x[s * d + j] * teacher[j * c + k]
      if (z > best) {
        best = z
        labels[s] = k
      }
    }
  }
  return { x, labels }
}

export function randomTheta(p: number, scale: number, seed: number): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: p }, () => scale * normal(rng))
}

/** F(θ) = ½ θᵀ A θ as a one-sample oracle (float64). */
export function quadraticOracle(A: Matrix): GradientOracle {
  const P = A.rows
  return {
    parameters: P,
    samples: 1,
    unitRoundoff: 2 ** -53,
    maxBatch: 1,
    evaluate(theta, indices) {
      const g = new Float64Array(P)
      let f = 0
      for (let i = 0; i < P; i++) {
        let s = 0
        for (let j = 0; j < P; j++) s += A.get(i, j) * theta[j]
        g[i] = s
        f += 0.5 * theta[i] * s
      }
      return Promise.resolve({ losses: Float64Array.from(indices, () => f), correct: 0, gradient: g })
    },
  }
}

/**
 * Exact Hessian of the mean softmax cross-entropy of multinomial logistic regression with W [d, c]
 * (index i·c + k) and b [c] (index d·c + k): H = (1/n) Σ_s (diag(p_s) − p_s p_sᵀ) ⊗ x̃_s x̃_sᵀ, x̃ = [x, 1].
 */
export function logisticHessian(
  theta: Float64Array,
  x: Float64Array,
  labels: Int32Array,
  d: number,
  c: number,
): Matrix {
  const P = d * c + c
  const H = Matrix.zeros(P, P)
  const n = labels.length
  const idx = (i: number, k: number) => (i < d ? i * c + k : d * c + k)
  for (let s = 0; s < n; s++) {
    const xt = [...x.subarray(s * d, s * d + d), 1]
    const z = new Float64Array(c)
    for (let k = 0; k < c; k++) {
      z[k] = theta[d * c + k]
      for (let i = 0; i < d; i++) z[k] += xt[i] * theta[i * c + k]
    }
    const mx = Math.max(...z)
    const e = z.map((v) => Math.exp(v - mx))
    const sum = e.reduce((a, b) => a + b, 0)
    const p = e.map((v) => v / sum)
    for (let k = 0; k < c; k++)
      for (let l = 0; l < c; l++) {
        const w = ((k === l ? p[k] : 0) - p[k] * p[l]) / n
        if (w === 0) continue
        for (let i = 0; i <= d; i++)
          for (let j = 0; j <= d; j++) H.set(idx(i, k), idx(j, l), H.get(idx(i, k), idx(j, l)) + w * xt[i] * xt[j])
      }
  }
  return H
}
