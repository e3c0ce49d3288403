/**
 * Whether a symmetric matrix is positive definite, by attempting its Cholesky factorisation
 * A = LLᵀ (Golub & Van Loan, Matrix Computations 4th ed., Alg. 4.2.1): A is positive definite iff
 * every pivot a_jj − Σ_k l_jk² is > 0. Cost n³/3 flops. The test is the exact-arithmetic criterion
 * applied in floating point, so a matrix whose smallest eigenvalue is below about n·2^−52·‖A‖₂ may be
 * classified either way.
 *
 * `a` is n × n row-major; only the lower triangle is read. False for non-finite entries.
 * See docs/theory.md#barrier-convention: a quadratic basin needs a positive-definite Hessian.
 */
export function isPositiveDefinite(a: ArrayLike<number>, n: number): boolean {
  if (!Number.isInteger(n) || n < 1 || a.length < n * n) return false
  const l = new Float64Array(n * n)
  for (let j = 0; j < n; j++) {
    const rj = j * n
    let s = a[rj + j]
    if (!Number.isFinite(s)) return false
    for (let k = 0; k < j; k++) s -= l[rj + k] * l[rj + k]
    if (!(s > 0)) return false
    const ljj = Math.sqrt(s)
    l[rj + j] = ljj
    for (let i = j + 1; i < n; i++) {
      const ri = i * n
      let t = a[ri + j]
      if (!Number.isFinite(t)) return false
      for (let k = 0; k < j; k++) t -= l[ri + k] * l[rj + k]
      l[ri + j] = t / ljj
    }
  }
  return true
}
