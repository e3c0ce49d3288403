/**
 * Eigenvalues of a real symmetric matrix, without eigenvectors: Householder reduction to tridiagonal
 * form followed by the implicit QL algorithm with Wilkinson shifts (EISPACK tred1/tql1; Press et al.,
 * Numerical Recipes 3rd ed. §11.3–11.4, routines tred2 and tqli with the eigenvector updates removed).
 * Cost ≈ (4/3)n³ flops for the reduction (row-contiguous loops) plus O(n²) for QL; backward stable, so every eigenvalue is
 * accurate to about n·2^−52·‖A‖₂ in absolute terms.
 *
 * Used by the escape-time calculator for the isotropic exit set (eigenvalues μ of A = GᵀHG,
 * docs/theory.md#sphere-average).
 *
 * `a` is the n × n matrix in row-major order (only the lower triangle is read; it is not modified).
 * Returns the eigenvalues in ascending order, or a Float64Array of NaN if the input has a non-finite
 * entry or the QL iteration fails to converge (never observed; capped at 60 sweeps per eigenvalue).
 */
export function symmetricEigenvalues(a: ArrayLike<number>, n: number): Float64Array {
  const d = new Float64Array(n)
  if (!Number.isInteger(n) || n < 1 || a.length < n * n) return d.fill(NaN)
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(a[i])) return d.fill(NaN)
  const z = new Float64Array(n * n)
  for (let k = 0; k < n * n; k++) z[k] = a[k]
  const e = new Float64Array(n)
  tridiagonalize(z, n, d, e)
  if (!tridiagonalQl(d, e, n)) return d.fill(NaN)
  return d.sort()
}

/**
 * Householder reduction of the symmetric z (row-major; only the lower triangle is used and updated) to
 * diagonal d and off-diagonal e[1..n−1]: the tred2 recursion (rows from the bottom), with the symmetric
 * product p = A u formed row by row from the lower triangle (each stored entry used for both of its
 * positions, as in BLAS dsymv) so that every inner loop runs along a row.
 */
function tridiagonalize(z: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const p = new Float64Array(n)
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1
    const ri = i * n
    let scale = 0
    if (l > 0) for (let k = 0; k <= l; k++) scale += Math.abs(z[ri + k])
    if (l === 0 || scale === 0) {
      e[i] = z[ri + l]
      continue
    }
    let h = 0
    for (let k = 0; k <= l; k++) {
      z[ri + k] /= scale
      h += z[ri + k] * z[ri + k]
    }
    const f = z[ri + l]
    const g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h)
    e[i] = scale * g
    h -= f * g
    z[ri + l] = f - g
    // u = z[i][0..l]; p = A u / h from the lower triangle; K = uᵀp/(2h); q = p − K u;
    // A ← A − u qᵀ − q uᵀ on the lower triangle of the leading (l+1)² block.
    for (let j = 0; j <= l; j++) p[j] = 0
    for (let j = 0; j <= l; j++) {
      const rj = j * n
      const uj = z[ri + j]
      let acc = z[rj + j] * uj
      for (let k = 0; k < j; k++) {
        const a = z[rj + k]
        acc += a * z[ri + k]
        p[k] += a * uj
      }
      p[j] += acc
    }
    let up = 0
    for (let j = 0; j <= l; j++) {
      p[j] /= h
      up += p[j] * z[ri + j]
    }
    const kk = up / (h + h)
    for (let j = 0; j <= l; j++) p[j] -= kk * z[ri + j]
    for (let j = 0; j <= l; j++) {
      const rj = j * n
      const uj = z[ri + j]
      const qj = p[j]
      for (let k = 0; k <= j; k++) z[rj + k] -= uj * p[k] + qj * z[ri + k]
    }
  }
  for (let i = 0; i < n; i++) d[i] = z[i * n + i]
}

/**
 * Implicit QL with Wilkinson shifts on the tridiagonal (d, e), e[1..n−1] the sub-diagonal.
 * Overwrites d with the eigenvalues. Returns false if an eigenvalue needs more than 60 sweeps.
 */
function tridiagonalQl(d: Float64Array, e: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]
  e[n - 1] = 0
  const EPS = 2 ** -52
  for (let l = 0; l < n; l++) {
    let iter = 0
    let m: number
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1])
        if (Math.abs(e[m]) <= EPS * dd) break
      }
      if (m !== l) {
        if (iter++ === 60) return false
        let g = (d[l + 1] - d[l]) / (2 * e[l])
        let r = Math.hypot(g, 1)
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
        let s = 1
        let c = 1
        let p = 0
        let i: number
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i]
          const b = c * e[i]
          r = Math.hypot(f, g)
          e[i + 1] = r
          if (r === 0) {
            d[i + 1] -= p
            e[m] = 0
            break
          }
          s = f / r
          c = g / r
          g = d[i + 1] - p
          r = (d[i] - g) * s + 2 * c * b
          p = s * r
          d[i + 1] = g + p
          g = c * r - b
        }
        if (r === 0 && i >= l) continue
        d[l] -= p
        e[l] = g
        e[m] = 0
      }
    } while (m !== l)
  }
  return true
}
