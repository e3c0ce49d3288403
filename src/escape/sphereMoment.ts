/**
 * Exact sphere average E_u[(uᵀAu)^p], u uniform on S^(d−1), for a symmetric positive-semidefinite A
 * given by its eigenvalues μ_1..μ_d (not all 0) and p ∈ (0, 1] (docs/theory.md#sphere-average "Exact sphere
 * average in any dimension"):
 *
 *   E_u[(uᵀAu)^p] = Γ(d/2)/(2^p Γ(d/2+p)) · (p/Γ(1−p)) · J,
 *   J = ∫_0^∞ (1 − Π_i (1+2tμ_i)^(−1/2)) t^(−1−p) dt.
 *
 * With M = max μ the problem is scaled to μ̃ = μ/M (result × M^p). J is split in three exact pieces:
 * - 0 < t < t0 = min(¼, ½/Σμ̃): term-by-term integral of the power series of 1 − exp(L(t)),
 *   L(t) = −½Σ ln(1+2tμ̃_i) = Σ_k (−1)^k 2^(k−1) S_k t^k / k (S_k = Σμ̃_i^k); the series of exp(L) is built by
 *   the recurrence e_n = (1/n)Σ_k k ℓ_k e_(n−k) and converges like 2^(−n) at t0. This removes the
 *   t^(−p) singularity exactly, including the slow (1−p)-rate decay near α = 2.
 * - t0 < t < T (in s = ln t, integrand −expm1(−φ(s)) e^(−ps) with φ = −L): adaptive Gauss–Kronrod, relative
 *   tolerance 1e-13 (QUADPACK's pessimistic estimate); T is where φ ≥ 40, i.e. Π(1+2tμ̃_i)^(−1/2) ≤ e^(−40).
 * - t > T: T^(−p)/p, with neglected part below e^(−40) T^(−p)/p.
 * Equal eigenvalues are grouped; A = aI (or d = 1) returns a^p exactly, and p = 1 returns tr(A)/d.
 * Accuracy: relative error ≲ 1e-12 (rounding of the product, d·2^−52 in φ; checked against a scipy 1-D/2-D quadrature to 1e-9 in
 * test/escape/sphereMoment.test.ts, against Monte-Carlo on the sphere, and against the closed forms).
 * Cost: O(d) per quadrature node after grouping, a few hundred nodes. NaN for invalid input.
 */
import gamma from '@stdlib/math-base-special-gamma'
import { integrate } from './integrate.ts'

const SERIES_TERMS = 80

interface Groups {
  values: Float64Array
  weights: Float64Array
  max: number
  d: number
}

function group(mu: ArrayLike<number>): Groups | undefined {
  const d = mu.length
  if (d < 1) return undefined
  const sorted = Float64Array.from(mu).sort()
  if (!(sorted[0] >= 0) || !Number.isFinite(sorted[d - 1]) || !(sorted[d - 1] > 0)) return undefined
  const max = sorted[d - 1]
  const values: number[] = []
  const weights: number[] = []
  for (let i = 0; i < d; i++) {
    if (sorted[i] === 0) continue
    const v = sorted[i] / max
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]++
    else {
      values.push(v)
      weights.push(1)
    }
  }
  return { values: Float64Array.from(values), weights: Float64Array.from(weights), max, d }
}

/** The prefactor Γ(d/2)/(2^p Γ(d/2+p)) · p/Γ(1−p). */
function prefactor(d: number, p: number): number {
  return (gamma(d / 2) / (2 ** p * gamma(d / 2 + p))) * (p / gamma(1 - p))
}

/**
 * The integral J of the scaled problem and the pieces it was assembled from (exported for tests).
 * Always evaluates the integral (no closed-form shortcut). `value` is E_u[(uᵀAu)^p].
 */
export function sphereMomentIntegral(
  mu: ArrayLike<number>,
  p: number,
): { value: number; left: number; middle: number; right: number; error: number; evaluations: number } {
  const bad = { value: NaN, left: NaN, middle: NaN, right: NaN, error: NaN, evaluations: 0 }
  if (!(p > 0 && p < 1)) return bad
  const g = group(mu)
  if (!g) return bad
  const { values, weights } = g
  const m = values.length
  let s1 = 0
  for (let j = 0; j < m; j++) s1 += weights[j] * values[j]
  const t0 = Math.min(0.25, 0.5 / s1)

  // Left piece: −t0^(−p) Σ_n ê_n/(n−p), ê_n the coefficients of exp(L(t0 x)) in x.
  // ℓ_k t0^k = (−1)^k Σ_j w_j (2t0μ̃_j)^k / (2k). Powers below 1e-250 are flushed to 0: they are negligible
  // (every term is ≤ 2^−k) and would otherwise become subnormal, which is very slow to multiply.
  const ell = new Float64Array(SERIES_TERMS + 1)
  const x = values.map((v) => 2 * t0 * v)
  const pow = Float64Array.from(x)
  let live = m
  for (let k = 1; k <= SERIES_TERMS; k++) {
    let sk = 0
    if (live > 0) {
      live = 0
      for (let j = 0; j < m; j++) {
        const pj = pow[j]
        if (pj === 0) continue
        sk += weights[j] * pj
        const next = pj * x[j]
        if (next < 1e-250) pow[j] = 0
        else {
          pow[j] = next
          live++
        }
      }
    }
    ell[k] = ((k % 2 === 0 ? 1 : -1) * sk) / (2 * k)
  }
  const e = new Float64Array(SERIES_TERMS + 1)
  e[0] = 1
  let sum = 0
  for (let n = 1; n <= SERIES_TERMS; n++) {
    let acc = 0
    for (let k = 1; k <= n; k++) acc += k * ell[k] * e[n - k]
    e[n] = acc / n
    const term = e[n] / (n - p)
    sum += term
    if (n > 8 && Math.abs(term) < 1e-18 * Math.abs(sum) && Math.abs(e[n - 1]) < 1e-17 * Math.abs(sum)) break
  }
  const left = -(t0 ** -p) * sum

  // Middle piece in s = ln t.
  // φ(s) = ½ Σ_j w_j ln(1 + 2e^s μ̃_j): eigenvalues of multiplicity 1 are multiplied in blocks of 8 and one
  // Math.log is taken per block (each factor ≤ e^80 at the nodes used, so a block stays below 2^1024);
  // absolute error ≤ d·2^−52, the rounding of the factors 1 + 2e^s μ̃_j.
  const singles = values.filter((_, j) => weights[j] === 1)
  const multi = values.filter((_, j) => weights[j] !== 1)
  const multiW = weights.filter((w) => w !== 1)
  const phi = (s: number): number => {
    const t2 = 2 * Math.exp(s)
    let acc = 0
    let j = 0
    while (j < singles.length) {
      const end = Math.min(singles.length, j + 8)
      let block = 1
      for (; j < end; j++) block *= 1 + t2 * singles[j]
      acc += Math.log(block)
    }
    for (let i = 0; i < multi.length; i++) acc += multiW[i] * Math.log1p(t2 * multi[i])
    return 0.5 * acc
  }
  const s0 = Math.log(t0)
  let lo = s0
  let hi = Math.log(Math.expm1(80) / 2) // φ(hi) ≥ ½ ln(1 + 2e^hi·1) = 40
  for (let it = 0; it < 60 && hi - lo > 0.25; it++) {
    const mid = 0.5 * (lo + hi)
    if (phi(mid) >= 40) hi = mid
    else lo = mid
  }
  const sEnd = hi
  const quad = integrate((s) => -Math.expm1(-phi(s)) * Math.exp(-p * s), s0, sEnd, {
    relTol: 1e-13,
    absTol: 1e-14 * Math.abs(left),
    initialPanels: Math.max(2, Math.ceil((sEnd - s0) / 6)),
    maxIntervals: 600,
  })
  const right = Math.exp(-p * sEnd) / p
  const j = left + quad.value + right
  const value = g.max ** p * prefactor(g.d, p) * j
  return { value, left, middle: quad.value, right, error: quad.error / Math.abs(j), evaluations: quad.evaluations }
}

/** E_u[(uᵀAu)^p] from the eigenvalues μ of A ≥ 0 (not all zero), p ∈ (0, 1]; see the file comment. */
export function sphereMoment(mu: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 1)) return NaN
  const g = group(mu)
  if (!g) return NaN
  if (p === 1) {
    let s = 0
    for (let i = 0; i < mu.length; i++) s += mu[i]
    return s / mu.length
  }
  if (g.values.length === 1 && g.weights[0] === g.d) return g.max ** p
  return sphereMomentIntegral(mu, p).value
}
