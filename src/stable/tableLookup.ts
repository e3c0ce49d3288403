/**
 * SαS(1) upper tail and density from the precomputed table (src/stable/tables/middleTable.ts, made by
 * `npm run precompute`, docs/theory.md#sas-numerics): in the "middle" regions (α ∈ [1.1, 1.9] × x ∈ [1, 13],
 * α ∈ [0.5, 1.1] × x ∈ [0.02, 2], and 2 − α ∈ [e^−7, e^−2.3] × x ∈ [2.4, 15]), where neither series
 * converges and Nolan's integral would cost a few hundred integrand evaluations.
 *
 * On each panel [v0, v1] × [x0, x1] the table holds 2-D Chebyshev coefficients of ln S(x) and ln f(x):
 *   ln S(x; α) ≈ Σ_i Σ_k c_ik T_i(s) T_k(t),  s = (2v − v0 − v1)/(v1 − v0),  t = (2x − x0 − x1)/(x1 − x0),
 * with v = α, or v = ln(2 − α) in the block next to α = 2 (where ln S is smooth in ln(2 − α), not in α),
 * fitted at Chebyshev points from the table-free evaluator (exactTail.ts) and evaluated by Clenshaw's
 * recurrence (one multiply-add per stored coefficient, ~1 µs). Panels are decoded from base64 on first
 * use (~0.1 ms each), so a cold start does not pay for the whole table. The generator validates every panel on a grid between the
 * fitting points and writes the worst relative errors into the table header (≤ 1e−12 when generated).
 * Returns undefined outside the tabled region.
 */
import { middleTable } from './tables/middleTable.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Uint8Array(128)
for (let i = 0; i < 64; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/**
 * Decodes `count` float64 values starting at value index `first` from the table's base64 string
 * (little-endian), touching only the characters that cover them (no platform API needed).
 */
function decodeValues(first: number, count: number): Float64Array {
  const s = middleTable.data
  const byteStart = 8 * first
  const byteEnd = 8 * (first + count)
  const groupStart = Math.floor(byteStart / 3)
  const groupEnd = Math.ceil(byteEnd / 3)
  const bytes = new Uint8Array(3 * (groupEnd - groupStart))
  let j = 0
  for (let g = groupStart; g < groupEnd; g++) {
    const i = 4 * g
    const n =
      (LOOKUP[s.charCodeAt(i)] << 18) |
      (LOOKUP[s.charCodeAt(i + 1)] << 12) |
      (LOOKUP[s.charCodeAt(i + 2)] << 6) |
      LOOKUP[s.charCodeAt(i + 3)]
    bytes[j++] = (n >> 16) & 255
    bytes[j++] = (n >> 8) & 255
    bytes[j++] = n & 255
  }
  const view = new DataView(bytes.buffer)
  const skip = byteStart - 3 * groupStart
  const out = new Float64Array(count)
  for (let k = 0; k < count; k++) out[k] = view.getFloat64(skip + 8 * k, true)
  return out
}

/** The whole table (all blocks), decoded: for tests and the generator's checks. */
export function tableData(): Float64Array {
  const s = middleTable.data
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  return decodeValues(0, ((s.length / 4) * 3 - pad) / 8)
}

/**
 * Packed coefficient rows of one function of one panel, decoded on first use (per panel, so a cold
 * start decodes a few hundred values, not the whole table). Keyed by the value offset.
 */
const panelCache = new Map<number, Float64Array>()

function panelRows(offset: number, rows: number): Float64Array {
  let a = panelCache.get(offset)
  if (a) return a
  // the packed length is known only by walking the rows: decode row headers one by one
  let len = 0
  for (let i = 0; i < rows; i++) len += decodeValues(offset + len, 1)[0] + 1
  a = decodeValues(offset, len)
  panelCache.set(offset, a)
  return a
}

const inner = new Float64Array(64)

/**
 * Σ_i Σ_k c_ik T_i(s) T_k(t) for coefficients packed row by row from c[off]: `rows` rows, each stored
 * as [len, c_i0 … c_i(len−1)]. Clenshaw's recurrence along each row, then across the row sums.
 */
export function chebyshevRows(c: ArrayLike<number>, off: number, rows: number, s: number, t: number): number {
  let p = off
  for (let i = 0; i < rows; i++) {
    const len = c[p]
    let d1 = 0
    let d2 = 0
    for (let k = len; k >= 2; k--) {
      const d = 2 * t * d1 - d2 + c[p + k]
      d2 = d1
      d1 = d
    }
    inner[i] = t * d1 - d2 + c[p + 1]
    p += len + 1
  }
  let b1 = 0
  let b2 = 0
  for (let i = rows - 1; i >= 1; i--) {
    const b = 2 * s * b1 - b2 + inner[i]
    b2 = b1
    b1 = b
  }
  return s * b1 - b2 + inner[0]
}

/** Upper tail and density of SαS(1) at x from the table, or undefined outside it. */
export function tableLookup(x: number, alpha: number): { sf: number; pdf: number } | undefined {
  for (const b of middleTable.blocks) {
    const ae = b.alphaEdges
    const xe = b.xEdges
    if (!(x >= xe[0] && x <= xe[xe.length - 1])) continue
    const v = b.coord === 'alpha' ? alpha : Math.log(2 - alpha)
    if (!(v >= ae[0] && v <= ae[ae.length - 1])) continue
    let i = 0
    while (i < ae.length - 2 && v > ae[i + 1]) i++
    let j = 0
    while (j < xe.length - 2 && x > xe[j + 1]) j++
    const [rowsSf, offSf, rowsPdf, offPdf] = b.panels[i * (xe.length - 1) + j]
    const s = (2 * v - ae[i] - ae[i + 1]) / (ae[i + 1] - ae[i])
    const t = (2 * x - xe[j] - xe[j + 1]) / (xe[j + 1] - xe[j])
    const cs = panelRows(offSf, rowsSf)
    const cp = panelRows(offPdf, rowsPdf)
    return { sf: Math.exp(chebyshevRows(cs, 0, rowsSf, s, t)), pdf: Math.exp(chebyshevRows(cp, 0, rowsPdf, s, t)) }
  }
  return undefined
}
