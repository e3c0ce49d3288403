import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { describe, expect, it } from 'vitest'
import { symmetricEigenvalues } from '../../src/linalg/symmetricEigenvalues.ts'
import { createRng } from '../../src/random/index.ts'

const randomSymmetric = (n: number, seed: number): Float64Array => {
  const rng = createRng(seed)
  const a = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = 2 * rng.uniform() - 1
  return a
}

describe('symmetricEigenvalues', () => {
  it('matches the closed form of the (−1, 2, −1) tridiagonal matrix: 2 − 2cos(kπ/(n+1))', () => {
    for (const n of [1, 2, 7, 50]) {
      const a = new Float64Array(n * n)
      for (let i = 0; i < n; i++) {
        a[i * n + i] = 2
        if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1
      }
      const got = symmetricEigenvalues(a, n)
      const want = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort(
        (x, y) => x - y,
      )
      for (let k = 0; k < n; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(1e-13)
    }
  })

  it('matches ml-matrix (an independent tred2/tql2) on random dense matrices to 1e-12·‖A‖', () => {
    for (const n of [2, 3, 10, 64, 130]) {
      const a = randomSymmetric(n, 17 + n)
      const got = symmetricEigenvalues(a, n)
      const rows = Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)))
      const want = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.sort(
        (x, y) => x - y,
      )
      const norm = Math.max(...want.map(Math.abs))
      for (let k = 0; k < n; k++) expect(Math.abs(got[k] - want[k])).toBeLessThan(1e-12 * norm * Math.max(1, n / 10))
    }
  })

  it('keeps trace and Frobenius norm (Σμ = tr A, Σμ² = ‖A‖_F²) and handles repeated and zero eigenvalues', () => {
    const n = 40
    const a = randomSymmetric(n, 5)
    const mu = symmetricEigenvalues(a, n)
    let tr = 0
    let fro = 0
    for (let i = 0; i < n; i++) tr += a[i * n + i]
    for (let k = 0; k < n * n; k++) fro += a[k] * a[k]
    expect(Math.abs(mu.reduce((s, x) => s + x, 0) - tr)).toBeLessThan(1e-12 * n)
    expect(Math.abs(mu.reduce((s, x) => s + x * x, 0) - fro) / fro).toBeLessThan(1e-13)
    const eye = new Float64Array(9).fill(0)
    eye[0] = eye[4] = eye[8] = 3
    expect(Array.from(symmetricEigenvalues(eye, 3))).toEqual([3, 3, 3])
    expect(Array.from(symmetricEigenvalues(new Float64Array(4), 2))).toEqual([0, 0])
    // [[2,1],[1,2]] → 1, 3; only the lower triangle is read.
    expect(Array.from(symmetricEigenvalues([2, 99, 1, 2], 2)).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([1, 3])
  })

  it('returns NaN for non-finite input or a bad size', () => {
    expect(Number.isNaN(symmetricEigenvalues([1, NaN, NaN, 1], 2)[0])).toBe(true)
    expect(Number.isNaN(symmetricEigenvalues([1, 2, 3], 2)[0])).toBe(true)
  })
})
