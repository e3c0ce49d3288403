/**
 * Fast SαS(1) draws for the simulator: the Chambers–Mallows–Stuck transform (spec/theory.md §5.3) with its
 * angle-dependent factors tabulated once per α, so that a draw costs one log and one exp instead of five
 * transcendental functions. Exact in law up to the tabulation error (relative error of the transform
 * ≤ 1e-12, checked when the table is built; otherwise the direct formula is used for every draw).
 *
 * With V = π(½ − u)·s, u ∈ (0, ½) uniform, s = ±1 a fair sign (so V ~ U(−π/2, π/2)) and W ~ Exp(1):
 *   X = sin(αV)/(cos V)^(1/α) · (cos((1−α)V)/W)^((1−α)/α)
 *     = s · B(u)/S(u) · (W·S(u))^p,   p = (α−1)/α,
 * where S(u) = cos V = sin(πu) and B(u) = sin(α|V|)·cos((1−α)V)^((1−α)/α). The functions
 *   P1(u) = u·B(u)/S(u)   and   P2(u) = S(u)/u
 * are smooth on (0, ½], so they are tabulated by piecewise degree-8 polynomials (interpolation at Chebyshev
 * nodes) on [u₀, ½], u₀ = 1/64, and X = s · (P1/u) · exp(p·ln(W·u·P2)). Draws with u < u₀ (1/32 of them)
 * use the direct formula with cos V computed as sin(πu) (no cancellation near V = ±π/2). W comes from the
 * exponential ziggurat. α = 1 gives tan V, α = 2 gives 2√W sin V ~ N(0, 2), as the formula does.
 *
 * Stream use: two 32-bit outputs for (u, s), then the ziggurat's (two, sometimes more).
 */
import type { Rng } from '../random/rng.ts'
import { exponentialZiggurat } from './exponentialZiggurat.ts'

const DEGREE = 8
const U0 = 1 / 64
const TOLERANCE = 1e-12
const INV_TWO53 = 1 / 9007199254740992
const TWO26 = 67108864

/** The CMS factor B(u) = sin(α|V|) cos((1−α)V)^((1−α)/α) with |V| = π(½ − u). */
function cmsB(alpha: number, u: number): number {
  const v = Math.PI * (0.5 - u)
  return Math.sin(alpha * v) * Math.cos((1 - alpha) * v) ** ((1 - alpha) / alpha)
}

/** sin(πu) for u ∈ (0, ½]: cos V without cancellation near V = ±π/2. */
function sinPi(u: number): number {
  return Math.sin(Math.PI * u)
}

/** Solves the (DEGREE+1)² Vandermonde system of a piece by Gaussian elimination with partial pivoting. */
function solve(a: number[][], y: number[]): number[] {
  const n = y.length
  for (let i = 0; i < n; i++) {
    let piv = i
    for (let r = i + 1; r < n; r++) if (Math.abs(a[r][i]) > Math.abs(a[piv][i])) piv = r
    ;[a[i], a[piv]] = [a[piv], a[i]]
    ;[y[i], y[piv]] = [y[piv], y[i]]
    for (let r = i + 1; r < n; r++) {
      const f = a[r][i] / a[i][i]
      for (let c = i; c < n; c++) a[r][c] -= f * a[i][c]
      y[r] -= f * y[i]
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]
    for (let c = i + 1; c < n; c++) s -= a[i][c] * x[c]
    x[i] = s / a[i][i]
  }
  return x
}

interface Table {
  pieces: number
  c1: Float64Array
  c2: Float64Array
}

/** Evaluates the degree-8 polynomial with coefficients c[o..o+8] at s ∈ [−1, 1] (Estrin's scheme). */
function poly(c: Float64Array, o: number, s: number): number {
  const s2 = s * s
  const s4 = s2 * s2
  return (
    c[o] + s * c[o + 1] + s2 * (c[o + 2] + s * c[o + 3]) + s4 * (c[o + 4] + s * c[o + 5] + s2 * (c[o + 6] + s * c[o + 7]) + s4 * c[o + 8])
  )
}

/** Builds the piecewise tables of P1, P2 on [u₀, ½] with `pieces` pieces; undefined if the check fails. */
function buildTable(alpha: number, pieces: number): Table | undefined {
  const n = DEGREE + 1
  const c1 = new Float64Array(pieces * n)
  const c2 = new Float64Array(pieces * n)
  const width = (0.5 - U0) / pieces
  const p1 = (u: number) => (u * cmsB(alpha, u)) / sinPi(u)
  const p2 = (u: number) => sinPi(u) / u
  for (let m = 0; m < pieces; m++) {
    const lo = U0 + m * width
    const a1: number[][] = []
    const y1: number[] = []
    const y2: number[] = []
    for (let k = 0; k < n; k++) {
      const s = Math.cos((Math.PI * (k + 0.5)) / n)
      const u = lo + ((s + 1) / 2) * width
      const row: number[] = []
      for (let j = 0; j < n; j++) row.push(s ** j)
      a1.push(row)
      y1.push(p1(u))
      y2.push(p2(u))
    }
    const a2 = a1.map((r) => r.slice())
    c1.set(solve(a1, y1), m * n)
    c2.set(solve(a2, y2), m * n)
    // Check between the nodes (and at the ends) against the direct transform.
    for (let k = 0; k <= 2 * n; k++) {
      const s = -1 + (2 * k) / (2 * n)
      const u = lo + ((s + 1) / 2) * width
      if (u >= 0.5) continue
      const e1 = Math.abs(poly(c1, m * n, s) - p1(u))
      const e2 = Math.abs(poly(c2, m * n, s) / p2(u) - 1)
      // P1 vanishes at u = ½ (X = 0 there): compare its error with the scale of P1 on the piece.
      const scale1 = Math.max(Math.abs(p1(lo)), Math.abs(p1(Math.min(lo + width, 0.5 - 1e-12))), Math.abs(p1(u)))
      if (!(e1 <= TOLERANCE * scale1) || !(e2 <= TOLERANCE)) return undefined
    }
  }
  return { pieces, c1, c2 }
}

const tableCache = new Map<number, Table | null>()

/** The tables for α (cached per α, at most a few dozen kept), or null when no table meets the tolerance. */
function tableFor(alpha: number): Table | null {
  const hit = tableCache.get(alpha)
  if (hit !== undefined) return hit
  let t: Table | null = null
  for (const pieces of [32, 64, 128, 256]) {
    const built = buildTable(alpha, pieces)
    if (built) {
      t = built
      break
    }
  }
  if (tableCache.size > 32) tableCache.clear()
  tableCache.set(alpha, t)
  return t
}

/**
 * Direct CMS transform for u ∈ (0, ½), sign s and W (used below u₀ and as the fallback):
 * s · B(u)/S(u) · (W S(u))^p with S(u) = sin(πu).
 */
function direct(alpha: number, p: number, u: number, sign: number, w: number): number {
  const sv = sinPi(u)
  return (sign * cmsB(alpha, u) * (w * sv) ** p) / sv
}

/**
 * A generator of SαS(1) draws (characteristic function exp(−|t|^α)) for α ∈ (0, 2], consuming `rng`.
 * For α outside (0, 2] every draw is NaN (the core is total).
 */
export function stableDraw(alpha: number, rng: Rng): () => number {
  if (!(alpha > 0 && alpha <= 2)) return () => NaN
  const p = (alpha - 1) / alpha
  const exp = exponentialZiggurat(rng)
  const table = tableFor(alpha)
  if (table === null) {
    return function drawDirect(): number {
      const a = rng.nextUint32()
      const u = ((a >>> 6) * TWO26 + (rng.nextUint32() >>> 6) + 0.5) * INV_TWO53
      return direct(alpha, p, u, (a & 1) === 1 ? 1 : -1, exp())
    }
  }
  const { pieces, c1, c2 } = table
  const perUnit = pieces / (0.5 - U0)
  const n = DEGREE + 1
  return function draw(): number {
    const a = rng.nextUint32()
    const u = ((a >>> 6) * TWO26 + (rng.nextUint32() >>> 6) + 0.5) * INV_TWO53
    const sign = (a & 1) === 1 ? 1 : -1
    const w = exp()
    if (u < U0) return direct(alpha, p, u, sign, w)
    const x = (u - U0) * perUnit
    let m = x | 0
    if (m >= pieces) m = pieces - 1
    const s = 2 * (x - m) - 1
    const o = m * n
    const q1 = poly(c1, o, s)
    const y = w * u * poly(c2, o, s)
    return (sign * q1 * Math.exp(p * Math.log(y))) / u
  }
}
