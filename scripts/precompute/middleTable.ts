/**
 * Builds the middle-region table of the SαS(1) law (src/stable/tables/middleTable.ts, read by
 * src/stable/tableLookup.ts; spec/theory.md §1.1): 2-D Chebyshev coefficients of ln S(x; α) and
 * ln f(x; α) on the panels of BLOCKS (the regions where neither series converges and Nolan's integral
 * would otherwise run), fitted at Chebyshev points of the first kind
 * from the table-free evaluator exactTail (Nolan's integral and series, relative error ~1e−14), then
 * truncated to the smallest rectangle of coefficients whose dropped entries are all below 1e−14
 * (the noise level of the fitted values).
 */
import { exactTail } from '../../src/stable/exactTail.ts'
import { chebyshev2 } from '../../src/stable/tableLookup.ts'

/** Rectangles of (α, x) split into panels; x-panels are geometric near 0 (α < 1 is not analytic at x = 0). */
export const BLOCKS: { alphaEdges: number[]; xEdges: number[] }[] = [
  { alphaEdges: [1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9], xEdges: [1, 2, 3.5, 5.5, 8.5, 13] },
  { alphaEdges: [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1], xEdges: [0.02, 0.05, 0.125, 0.3, 0.7, 1.2, 2] },
]
/** Fitting points per panel (α × x). */
export const FIT = [16, 28] as const
const DROP = 1e-14

export interface Panel {
  a0: number
  a1: number
  x0: number
  x1: number
  na: number
  nx: number
  sf: Float64Array // na × nx, row-major (α-degree major)
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

/** Smallest (na, nx) such that every coefficient outside [0, na) × [0, nx) of both arrays is < DROP. */
function truncation(cs: Float64Array[], na: number, nx: number): [number, number] {
  let ka = 1
  let kx = 1
  for (const c of cs) {
    for (let i = 0; i < na; i++) {
      for (let k = 0; k < nx; k++) {
        if (Math.abs(c[i * nx + k]) >= DROP) {
          ka = Math.max(ka, i + 1)
          kx = Math.max(kx, k + 1)
        }
      }
    }
  }
  return [ka, kx]
}

function crop(c: Float64Array, nx: number, ka: number, kx: number): Float64Array {
  const out = new Float64Array(ka * kx)
  for (let i = 0; i < ka; i++) for (let k = 0; k < kx; k++) out[i * kx + k] = c[i * nx + k]
  return out
}

/** Fits one panel. */
export function buildPanel(a0: number, a1: number, x0: number, x1: number): Panel {
  const [na, nx] = FIT
  const ta = nodes(na)
  const tx = nodes(nx)
  const vs: number[][] = []
  const vp: number[][] = []
  for (const s of ta) {
    const alpha = (a0 + a1) / 2 + ((a1 - a0) / 2) * s
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
  const cs = transform(vs, na, nx)
  const cp = transform(vp, na, nx)
  const [ka, kx] = truncation([cs, cp], na, nx)
  return { a0, a1, x0, x1, na: ka, nx: kx, sf: crop(cs, nx, ka, kx), pdf: crop(cp, nx, ka, kx) }
}

/** Worst relative errors of a panel against exactTail on a (ma × mx) grid strictly between nodes. */
export function validatePanel(p: Panel, ma = 7, mx = 13): { sf: number; pdf: number } {
  let es = 0
  let ep = 0
  for (let i = 0; i < ma; i++) {
    const s = -1 + (2 * (i + 0.5)) / ma
    const alpha = (p.a0 + p.a1) / 2 + ((p.a1 - p.a0) / 2) * s
    for (let k = 0; k < mx; k++) {
      const t = -1 + (2 * (k + 0.37)) / mx
      const x = (p.x0 + p.x1) / 2 + ((p.x1 - p.x0) / 2) * t
      const v = exactTail(x, alpha)
      es = Math.max(es, Math.abs(Math.exp(chebyshev2(p.sf, 0, p.na, p.nx, s, t)) / v.sf - 1))
      ep = Math.max(ep, Math.abs(Math.exp(chebyshev2(p.pdf, 0, p.na, p.nx, s, t)) / v.pdf - 1))
    }
  }
  return { sf: es, pdf: ep }
}
