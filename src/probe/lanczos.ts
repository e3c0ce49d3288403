import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { normal } from '../random/normal.ts'
import type { Rng } from '../random/rng.ts'
import { dot, norm } from './vector.ts'

/** Top Ritz pairs of a symmetric operator with their residual bounds and the iterations and products spent. */
export interface LanczosResult {
  /** The top-k Ritz values, descending. */
  eigenvalues: number[]
  /** Their Ritz vectors (unit norm), same order. */
  eigenvectors: Float64Array[]
  /** Residual bounds β_m |s_{m,i}| of the top-k pairs. */
  residuals: number[]
  /** Smallest Ritz value (approximates the most negative eigenvalue). */
  lambdaMin: number
  /** Ritz vector of `lambdaMin`. */
  lambdaMinVector: Float64Array
  /** Number of operator applications made (= Lanczos steps). */
  products: number
}

/**
 * Lanczos iteration with full reorthogonalisation for the extreme eigenpairs of a symmetric operator
 * given only by matrix-vector products (Golub & Van Loan, Matrix Computations, 4th ed., §10.1 and
 * §10.3.1; Paige 1971). From a random unit start q₁ (normal draws from the seeded generator):
 *
 *   w = A q_j − β_{j−1} q_{j−1};  α_j = ⟨q_j, w⟩;  w ← w − α_j q_j;
 *   w ← w − Σ_{i≤j} ⟨q_i, w⟩ q_i   (twice: "twice is enough", Parlett);
 *   β_j = ‖w‖;  q_{j+1} = w/β_j,
 *
 * then the Ritz pairs of the tridiagonal T_m = tridiag(β, α, β) (ml-matrix symmetric eigen-decomposition):
 * eigenvalues θ_i and vectors y_i = Q_m s_i with residual ‖A y_i − θ_i y_i‖ = β_m |s_{m,i}|.
 * The iteration stops early on an invariant subspace (β_j ≤ 1e-12·max|α|). With m ≥ the operator's
 * dimension the Ritz values are its eigenvalues to rounding; in general the extreme Ritz values converge
 * first (Kaniel–Paige), and the smallest Ritz value approximates λ_min from above.
 * See docs/theory.md#probe.
 */
export async function lanczos(
  apply: (v: Float64Array) => Promise<Float64Array>,
  dimension: number,
  options: { iterations: number; topK: number; rng: Rng },
): Promise<LanczosResult> {
  const m = Math.max(1, Math.min(Math.floor(options.iterations), dimension))
  const Q: Float64Array[] = []
  const alphas: number[] = []
  const betas: number[] = []
  let q = new Float64Array(dimension)
  for (let i = 0; i < dimension; i++) q[i] = normal(options.rng)
  const nq = norm(q)
  for (let i = 0; i < dimension; i++) q[i] /= nq
  let betaPrev = 0
  let maxAlpha = 0
  let lastBeta = 0
  for (let j = 0; j < m; j++) {
    Q.push(q)
    const w = await apply(q)
    if (j > 0) {
      const qp = Q[j - 1]
      for (let i = 0; i < dimension; i++) w[i] -= betaPrev * qp[i]
    }
    const a = dot(q, w)
    alphas.push(a)
    maxAlpha = Math.max(maxAlpha, Math.abs(a))
    for (let i = 0; i < dimension; i++) w[i] -= a * q[i]
    for (let pass = 0; pass < 2; pass++) {
      for (const qi of Q) {
        const c = dot(qi, w)
        for (let i = 0; i < dimension; i++) w[i] -= c * qi[i]
      }
    }
    const b = norm(w)
    lastBeta = b
    if (j === m - 1 || !(b > 1e-12 * Math.max(maxAlpha, Number.MIN_VALUE)) || !Number.isFinite(b)) break
    betas.push(b)
    betaPrev = b
    q = new Float64Array(dimension)
    for (let i = 0; i < dimension; i++) q[i] = w[i] / b
  }
  const k = alphas.length
  const T = Matrix.zeros(k, k)
  for (let i = 0; i < k; i++) {
    T.set(i, i, alphas[i])
    if (i + 1 < k) {
      T.set(i, i + 1, betas[i])
      T.set(i + 1, i, betas[i])
    }
  }
  const evd = new EigenvalueDecomposition(T, { assumeSymmetric: true })
  const values = evd.realEigenvalues
  const S = evd.eigenvectorMatrix
  const order = values.map((_, i) => i).sort((x, y) => values[y] - values[x])
  const ritz = (col: number): Float64Array => {
    const y = new Float64Array(dimension)
    for (let j = 0; j < k; j++) {
      const s = S.get(j, col)
      const qj = Q[j]
      for (let i = 0; i < dimension; i++) y[i] += s * qj[i]
    }
    const ny = norm(y)
    for (let i = 0; i < dimension; i++) y[i] /= ny
    return y
  }
  const top = order.slice(0, Math.max(1, Math.min(options.topK, k)))
  const last = order[order.length - 1]
  return {
    eigenvalues: top.map((i) => values[i]),
    eigenvectors: top.map(ritz),
    residuals: top.map((i) => Math.abs(lastBeta * S.get(k - 1, i))),
    lambdaMin: values[last],
    lambdaMinVector: ritz(last),
    products: k,
  }
}
