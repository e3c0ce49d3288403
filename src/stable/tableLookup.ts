/**
 * SαS(1) upper tail and density from the precomputed table (src/stable/tables/middleTable.ts, made by
 * `npm run precompute`, spec/theory.md §1.1): in the "middle" regions (α ∈ [1.1, 1.9] × x ∈ [1, 13] and
 * α ∈ [0.5, 1.1] × x ∈ [0.02, 2]), where neither series converges and Nolan's integral would cost a few
 * hundred integrand evaluations.
 *
 * On each panel [α0, α1] × [x0, x1] the table holds 2-D Chebyshev coefficients of ln S(x) and ln f(x):
 *   ln S(x; α) ≈ Σ_i Σ_k c_ik T_i(s) T_k(t),  s = (2α − α0 − α1)/(α1 − α0),  t = (2x − x0 − x1)/(x1 − x0),
 * fitted at Chebyshev points from the table-free evaluator (exactTail.ts) and evaluated by Clenshaw's
 * recurrence (na·nx multiply-adds, ~1 µs). The generator validates every panel on a grid between the
 * fitting points and writes the worst relative errors into the table header (≤ 1e−12 when generated).
 * Returns undefined outside the tabled region.
 */
import { middleTable } from './tables/middleTable.ts'

let coeffs: Float64Array | undefined

/** Decodes the table's base64 little-endian float64 data once (no platform API needed). */
export function tableData(): Float64Array {
  if (coeffs) return coeffs
  const s = middleTable.data
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const lookup = new Uint8Array(128)
  for (let i = 0; i < 64; i++) lookup[alphabet.charCodeAt(i)] = i
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  const bytes = new Uint8Array((s.length / 4) * 3 - pad)
  let j = 0
  for (let i = 0; i < s.length; i += 4) {
    const n = (lookup[s.charCodeAt(i)] << 18) | (lookup[s.charCodeAt(i + 1)] << 12) | (lookup[s.charCodeAt(i + 2)] << 6) | lookup[s.charCodeAt(i + 3)]
    if (j < bytes.length) bytes[j++] = (n >> 16) & 255
    if (j < bytes.length) bytes[j++] = (n >> 8) & 255
    if (j < bytes.length) bytes[j++] = n & 255
  }
  const view = new DataView(bytes.buffer)
  const out = new Float64Array(bytes.length / 8)
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(8 * i, true)
  coeffs = out
  return out
}

/** Σ_i Σ_k c[off + i·nx + k] T_i(s) T_k(t) by nested Clenshaw recurrences. */
export function chebyshev2(c: ArrayLike<number>, off: number, na: number, nx: number, s: number, t: number): number {
  let b1 = 0
  let b2 = 0
  for (let i = na - 1; i >= 0; i--) {
    // inner: Σ_k c_ik T_k(t)
    let d1 = 0
    let d2 = 0
    const row = off + i * nx
    for (let k = nx - 1; k >= 1; k--) {
      const d = 2 * t * d1 - d2 + c[row + k]
      d2 = d1
      d1 = d
    }
    const inner = t * d1 - d2 + c[row]
    if (i >= 1) {
      const b = 2 * s * b1 - b2 + inner
      b2 = b1
      b1 = b
    } else {
      return s * b1 - b2 + inner
    }
  }
  return 0
}

/** Upper tail and density of SαS(1) at x from the table, or undefined outside it. */
export function tableLookup(x: number, alpha: number): { sf: number; pdf: number } | undefined {
  for (const b of middleTable.blocks) {
    const ae = b.alphaEdges
    const xe = b.xEdges
    if (!(alpha >= ae[0] && alpha <= ae[ae.length - 1] && x >= xe[0] && x <= xe[xe.length - 1])) continue
    let i = 0
    while (i < ae.length - 2 && alpha > ae[i + 1]) i++
    let j = 0
    while (j < xe.length - 2 && x > xe[j + 1]) j++
    const [na, nx, offSf, offPdf] = b.panels[i * (xe.length - 1) + j]
    const s = (2 * alpha - ae[i] - ae[i + 1]) / (ae[i + 1] - ae[i])
    const t = (2 * x - xe[j] - xe[j + 1]) / (xe[j + 1] - xe[j])
    const c = tableData()
    return { sf: Math.exp(chebyshev2(c, offSf, na, nx, s, t)), pdf: Math.exp(chebyshev2(c, offPdf, na, nx, s, t)) }
  }
  return undefined
}
