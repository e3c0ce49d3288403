import { describe, expect, it } from 'vitest'
import { isPositiveDefinite } from '../../src/linalg/isPositiveDefinite.ts'

describe('isPositiveDefinite', () => {
  it('accepts positive-definite matrices and rejects indefinite, semidefinite and negative ones', () => {
    expect(isPositiveDefinite([2, 1, 1, 2], 2)).toBe(true) // eigenvalues 1, 3
    expect(isPositiveDefinite([1, 2, 2, 1], 2)).toBe(false) // eigenvalues −1, 3
    expect(isPositiveDefinite([1, 1, 1, 1], 2)).toBe(false) // eigenvalues 0, 2 (exact zero pivot)
    expect(isPositiveDefinite([-1], 1)).toBe(false)
    expect(isPositiveDefinite([4], 1)).toBe(true)
    // Hilbert matrix of order 8: positive definite, condition number ≈ 1.5e10.
    const n = 8
    const h = Array.from({ length: n * n }, (_, k) => 1 / (Math.floor(k / n) + (k % n) + 1))
    expect(isPositiveDefinite(h, n)).toBe(true)
    // Shifting it by −(λ_min + 1e-6)·I (λ_min ≈ 1.1e-10) makes it indefinite.
    const shifted = h.map((x, k) => (Math.floor(k / n) === k % n ? x - 1e-6 : x))
    expect(isPositiveDefinite(shifted, n)).toBe(false)
  })

  it('rejects non-finite entries and bad sizes', () => {
    expect(isPositiveDefinite([1, 0, Infinity, 1], 2)).toBe(false)
    expect(isPositiveDefinite([1, 0, 0], 2)).toBe(false)
  })
})
