/**
 * Tabulated upper quantile of SαS(1) for inverse-transform sampling (docs/theory.md#sas-numerics):
 * z(q) ≥ 0 with P(X > z) = q, q ∈ [2^−54, ½), by piecewise cubic Hermite interpolation in q.
 * Grid: every binary octave [2^e, 2^(e+1)), e = −54 … −2, is cut into 2^b cells of equal width
 * h = 2^e/2^b (b = `bitsPerOctave`, default 8), so every cell is narrow relative to q and the heavy tail
 * z ~ (C_α/(2q))^(1/α) is resolved down to the smallest q a 53-bit uniform can produce: the tails are
 * tabulated to the same relative accuracy as the body, with no cut-off. Nodes: z = quantile(1 − q, α)
 * (quantile.ts, ~1e−14 relative) and slope dz/dq = −1/f(z) (pdf.ts, ≤ 1e−12 relative; where f underflows,
 * the tail-law slope −z/(αq)). On a cell, with t = (q − q_i)/h ∈ [0, 1):
 *   z ≈ c0 + t(c1 + t(c2 + t c3)),  c0 = z_i, c1 = h z'_i, c2 = 3(z_{i+1} − z_i) − 2h z'_i − h z'_{i+1},
 *   c3 = 2(z_i − z_{i+1}) + h z'_i + h z'_{i+1}.
 * The cell and t are read from the bits of q (exponent, then the top b mantissa bits; t = the remaining
 * 44 − b bits), so a look-up needs no logarithm. Hermite error ≤ h⁴ max|z''''|/384: with z ∝ q^(−1/α) and
 * h/q ≤ 2^−b this is ≤ 2^(−4b) (1/α)(1/α+1)(1/α+2)(1/α+3)/384 relative, 3e−10 at α = 0.3 for b = 8.
 * Accuracy (b = 8, measured in test/stable/quantileTable.test.ts against quantile.ts on a dense grid):
 * |ẑ − z| ≤ 1e−9 · max(z, 1) for α ∈ [0.5, 2] (measured ≤ 1.3e−10) and ≤ 1e−8 · max(z, 1) for
 * α ∈ [0.3, 0.5) (measured 6e−9, in the top octave where the density peak at 0 sharpens). Build cost: 53·2^b + 1 quantile and pdf calls
 * (13,569 for b = 8; tens of milliseconds).
 * Returns undefined when a node is not finite (α so small that the quantile leaves the double range).
 */
import { pdf } from './pdf.ts'
import { quantile } from './quantile.ts'

/** Octaves 2^−54 … 2^−1: the range of min(U, 1 − U) for U = (k + ½)/2^53. */
export const LOWEST_EXPONENT = -54
const OCTAVES = 53

export interface QuantileTable {
  /** Cells per octave, as a power of two. */
  bitsPerOctave: number
  /** Cubic coefficients c0, c1, c2, c3 of each cell, interleaved. */
  coef: Float64Array
}

/** Builds the table at α (SαS(1)), or undefined if some node or slope is not finite. */
export function quantileTable(alpha: number, bitsPerOctave = 8): QuantileTable | undefined {
  if (!(alpha > 0 && alpha <= 2) || !Number.isInteger(bitsPerOctave) || bitsPerOctave < 0 || bitsPerOctave > 16)
    return undefined
  const per = 2 ** bitsPerOctave
  const cells = OCTAVES * per
  const z = new Float64Array(cells + 1)
  const dz = new Float64Array(cells + 1) // h_i · dz/dq with h the width of the cell the node starts
  // upper quantile by symmetry, z(q) = −Q(q): 1 − q would round for q < 2^−53
  for (let i = 0; i <= cells; i++) {
    const e = LOWEST_EXPONENT + Math.floor(i / per)
    const q = 2 ** e * (1 + (i % per) / per)
    const zi = i === cells ? 0 : -quantile(q, alpha)
    if (!Number.isFinite(zi)) return undefined
    const f = pdf(zi, alpha)
    const slope = f > 0 ? -1 / f : -zi / (alpha * q)
    if (!Number.isFinite(slope)) return undefined
    z[i] = zi
    dz[i] = slope
  }
  const coef = new Float64Array(4 * cells)
  for (let i = 0; i < cells; i++) {
    const h = 2 ** (LOWEST_EXPONENT + Math.floor(i / per)) / per
    const z0 = z[i]
    const z1 = z[i + 1]
    const m0 = h * dz[i]
    const m1 = h * dz[i + 1]
    coef[4 * i] = z0
    coef[4 * i + 1] = m0
    coef[4 * i + 2] = 3 * (z1 - z0) - 2 * m0 - m1
    coef[4 * i + 3] = 2 * (z0 - z1) + m0 + m1
  }
  return { bitsPerOctave, coef }
}

const scratch = new Float64Array(1)
const words = new Uint32Array(scratch.buffer)
/** Index of the high 32-bit word of a double in `words` (1 on little-endian hosts). */
export const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0
const LOW_WORD = 1 - HIGH_WORD

/**
 * ẑ(q) from the table, for q ∈ [2^−54, ½); outside that range (never produced by a 53-bit uniform) the
 * exact upper quantile −quantile(q, α) is returned.
 */
export function tableUpperQuantile(table: QuantileTable, q: number, alpha: number): number {
  const b = table.bitsPerOctave
  scratch[0] = q
  const hi = words[HIGH_WORD]
  const lo = words[LOW_WORD]
  const octave = ((hi >>> 20) & 0x7ff) - 1023 - LOWEST_EXPONENT
  if (!(octave >= 0 && octave < OCTAVES)) return q > 0 && q <= 0.5 ? 0 - quantile(q, alpha) : NaN
  const rest = 20 - b // mantissa bits of the high word below the cell index
  const cell = (octave << b) | ((hi & 0xfffff) >>> rest)
  const t = ((hi & ((1 << rest) - 1)) * 4294967296 + lo) / 2 ** (rest + 32)
  const k = 4 * cell
  const c = table.coef
  return c[k] + t * (c[k + 1] + t * (c[k + 2] + t * c[k + 3]))
}
