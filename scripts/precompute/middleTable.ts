/**
 * Builds the middle-region table of the SαS(1) law (src/stable/tables/middleTable.ts, read by
 * src/stable/tableLookup.ts; docs/theory.md#sas-numerics): 2-D Chebyshev coefficients of ln S(x; α) and
 * ln f(x; α) on the panels of BLOCKS (the regions where neither series converges and Nolan's integral
 * would otherwise run), fitted at Chebyshev points of the first kind
 * from the table-free evaluator exactTail (Nolan's integral and series, relative error ~1e−14), then
 * stored row by row, each row cut after its last coefficient ≥ 1e−14 (the noise level of the fitted values).
 */
import { chebyshevRows, exactTail } from '../../src/stable/index.ts'

/**
 * Rectangles of (α, x) split into panels; x-panels are geometric near 0 (α < 1 is not analytic at x = 0).
 * Near α = 2 the tail changes from Gaussian to algebraic at 2 − α ≈ e^(−x²/4), so that block uses the
 * coordinate v = ln(2 − α) (edges in v), in which ln S is smooth. It stops at 2 − α = e^−7 ≈ 9.1e−4:
 * closer to 2, rounding α to a double perturbs 2 − α by more than 1e−12 relative, which no table in
 * ln(2 − α) can resolve (Nolan's integral is used there).
 */
export const BLOCKS: { coord: Coordinate; alphaEdges: number[]; xEdges: number[] }[] = [
  { coord: 'alpha', alphaEdges: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9], xEdges: [1, 2, 3.5, 5.5, 8.5, 13] },
  { coord: 'alpha', alphaEdges: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1], xEdges: [0.02, 0.05, 0.125, 0.3, 0.7, 1.2, 2] },
  { coord: 'logTwoMinusAlpha', alphaEdges: [-7, -5.5, -4, -2.3], xEdges: [2.4, 4, 6, 8, 11, 15] },
]
/** Fitting points per panel (α × x). */
export const FIT = [16, 28] as const
const DROP = 1e-14

export type Coordinate = 'alpha' | 'logTwoMinusAlpha'

export interface Panel {
  a0: number
  a1: number
  x0: number
  x1: number
  coord: Coordinate
  rowsSf: number
  rowsPdf: number
  sf: Float64Array // packed rows (see pack)
  pdf: Float64Array
}

const nodes = (n: number): number[] => Array.from({ length: n }, (_, j) => Math.cos((Math.PI * (j + 0.5)) / n))

/** Chebyshev coefficients (full FIT[0] × FIT[1]) of values v[p][q] at the tensor Chebyshev points. */
function transform(v: number[][], na: number, nx: number): Float64Array {
  const c = new Float64Array(na * nx)
  // separable DCT-II: first along x, then along α
  const tmp: number[][] = v.map((row) =>
    Array.from({ length: nx }, (_, k) => {
      let s = 0
      for (let q = 0; q < nx; q++) s += row[q] * Math.cos((k * Math.PI * (q + 0.5)) / nx)
      return (s * (k ? 2 : 1)) / nx
    }),
  )
  for (let i = 0; i < na; i++) {
    for (let k = 0; k < nx; k++) {
      let s = 0
      for (let p = 0; p < na; p++) s += tmp[p][k] * Math.cos((i * Math.PI * (p + 0.5)) / na)
      c[i * nx + k] = (s * (i ? 2 : 1)) / na
    }
  }
  return c
}

/**
 * Packs a coefficient matrix (na × nx) row by row, each row cut after its last entry ≥ DROP:
 * [len_0, c_00 … c_0(len_0−1), len_1, …] for the rows up to the last one holding an entry ≥ DROP.
 */
function pack(c: Float64Array, na: number, nx: number): { rows: number; packed: Float64Array } {
  const lens: number[] = []
  for (let i = 0; i < na; i++) {
    let len = 0
    for (let k = 0; k < nx; k++) if (Math.abs(c[i * nx + k]) >= DROP) len = k + 1
    lens.push(Math.max(1, len))
  }
  let rows = 1
  for (let i = 0; i < na; i++) if (lens[i] > 1 || Math.abs(c[i * nx]) >= DROP) rows = i + 1
  const out: number[] = []
  for (let i = 0; i < rows; i++) {
    out.push(lens[i])
    for (let k = 0; k < lens[i]; k++) out.push(c[i * nx + k])
  }
  return { rows, packed: Float64Array.from(out) }
}

/** α at the panel coordinate v: v itself, or α = 2 − e^v for the ln(2 − α) coordinate. */
export const alphaAt = (coord: Coordinate, v: number): number => (coord === 'alpha' ? v : 2 - Math.exp(v))

/** Fits one panel over [a0, a1] of the block's α coordinate × [x0, x1]. */
export function buildPanel(a0: number, a1: number, x0: number, x1: number, coord: Coordinate = 'alpha'): Panel {
  const [na, nx] = FIT
  const ta = nodes(na)
  const tx = nodes(nx)
  const vs: number[][] = []
  const vp: number[][] = []
  for (const s of ta) {
    const alpha = alphaAt(coord, (a0 + a1) / 2 + ((a1 - a0) / 2) * s)
    const rs: number[] = []
    const rp: number[] = []
    for (const t of tx) {
      const x = (x0 + x1) / 2 + ((x1 - x0) / 2) * t
      const v = exactTail(x, alpha)
      rs.push(Math.log(v.sf))
      rp.push(Math.log(v.pdf))
    }
    vs.push(rs)
    vp.push(rp)
  }
  const ps = pack(transform(vs, na, nx), na, nx)
  const pp = pack(transform(vp, na, nx), na, nx)
  return { a0, a1, x0, x1, coord, rowsSf: ps.rows, rowsPdf: pp.rows, sf: ps.packed, pdf: pp.packed }
}

/** Worst relative errors of a panel against exactTail on a (ma × mx) grid strictly between nodes. */
export function validatePanel(p: Panel, ma = 7, mx = 13): { sf: number; pdf: number } {
  let es = 0
  let ep = 0
  for (let i = 0; i < ma; i++) {
    const s = -1 + (2 * (i + 0.5)) / ma
    const alpha = alphaAt(p.coord, (p.a0 + p.a1) / 2 + ((p.a1 - p.a0) / 2) * s)
    for (let k = 0; k < mx; k++) {
      const t = -1 + (2 * (k + 0.37)) / mx
      const x = (p.x0 + p.x1) / 2 + ((p.x1 - p.x0) / 2) * t
      const v = exactTail(x, alpha)
      es = Math.max(es, Math.abs(Math.exp(chebyshevRows(p.sf, 0, p.rowsSf, s, t)) / v.sf - 1))
      ep = Math.max(ep, Math.abs(Math.exp(chebyshevRows(p.pdf, 0, p.rowsPdf, s, t)) / v.pdf - 1))
    }
  }
  return { sf: es, pdf: ep }
}
