/**
 * Fast SαS(σ) sampler by inversion (docs/theory.md#sas-numerics, docs/theory.md#cms-sampler). Each draw takes two generator words w1, w2:
 * the sign s from the top bit of w1 and the tail probability q = (K + ½)/2^64, K = (w1 mod 2^31)·2^32 + w2,
 * a 63-bit integer, so q ∈ (2^−65, ½) and P(X > 0) = ½ exactly; then X = ∓σ·z(q) (minus for s = 1), z the upper
 * quantile of SαS(1) (P(X > z) = q). That is X = σ·Q(U) with U = q or 1 − q, U uniform on a grid of spacing
 * 2^−64. z(q) is read from the per-α Hermite table of quantileTable.ts (every octave of q down to 2^−54; the
 * octave and the cell come from Math.clz32 and the bits of w1, t from the rest, so a draw costs no logarithm and
 * no transcendental function); q < 2^−54 (probability 2^−53) uses quantile.ts itself, so the heavy tails are
 * exact, never cut off.
 * Accuracy: each draw equals σ·quantile(U, α) to within 1e−9·σ·max(|X|/σ, 1) for α ∈ [0.5, 2] and
 * 1e−8·σ·max(|X|/σ, 1) for α ∈ [0.3, 0.5) (quantileTable.ts; test/stable/createSampler.test.ts replays the
 * words), plus the rounding of t to a double (≤ 2^−53 relative in t).
 * Build cost: one table per α (13,569 quantile and pdf calls, 10–80 ms), built on the first `createSampler`
 * at that α and cached for the last CACHE_SIZE values of α (424 kB each).
 * For α ∈ (0, 0.3), outside the validated range of quantile.ts, or if the table cannot be built, every draw
 * uses the direct Chambers–Mallows–Stuck formula (sample.ts `cms`, exact in law; two `uniform()` per draw).
 * The stream differs from `sample`/`StableSource` on the same seed (it replaces neither).
 * Total: for α ∉ (0, 2] or σ not finite and > 0 the returned function fills `out` with NaN.
 */
import type { Rng } from '../random/rng.ts'
import { type QuantileTable, quantileTable, tableUpperQuantile } from './quantileTable.ts'
import { cms } from './sample.ts'
import { isAlpha, isScale } from './validate.ts'

/** Smallest α served by the table. */
const MIN_TABLE_ALPHA = 0.3
const CACHE_SIZE = 8
const cache = new Map<number, QuantileTable | undefined>()

function cachedTable(alpha: number): QuantileTable | undefined {
  if (cache.has(alpha)) return cache.get(alpha)
  const table = quantileTable(alpha, 8) // fillFromTable reads 8-bit cell indices
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as number)
  cache.set(alpha, table)
  return table
}

/** Returns a function filling `out` with i.i.d. SαS(σ) draws from `rng`. */
export function createSampler(alpha: number, scale = 1): (rng: Rng, out: Float64Array) => void {
  if (!isAlpha(alpha) || !isScale(scale)) return (_rng, out) => void out.fill(NaN)
  const table = alpha >= MIN_TABLE_ALPHA ? cachedTable(alpha) : undefined
  if (!table) {
    return (rng, out) => {
      for (let i = 0; i < out.length; i++) out[i] = scale * cms(alpha, rng.uniform(), rng.uniform())
    }
  }
  return (rng, out) => fillFromTable(rng, out, table, alpha, scale)
}

/** 2^−(s+32) for the s low bits of w1 below the cell index. */
const INV = Float64Array.from({ length: 24 }, (_, sh) => 2 ** -(sh + 32))

/** The hot loop, at module level (one optimised copy for every α; the table is an argument). */
function fillFromTable(rng: Rng, out: Float64Array, table: QuantileTable, alpha: number, scale: number): void {
  const c = table.coef
  const n = out.length
  for (let i = 0; i < n; i++) {
    const w1 = rng.nextUint32()
    const w2 = rng.nextUint32()
    const h = w1 & 0x7fffffff
    // leading bit of h at p = 31 − lz: q ∈ [2^(p−32), 2^(p−31)), octave index p − 32 + 54 = 53 − lz
    const lz = Math.clz32(h)
    let z: number
    if (lz <= 23) {
      const sh = 23 - lz // bits of h below the 8-bit cell index
      const k = (((53 - lz) << 8) | ((h >>> sh) & 255)) << 2
      const t = ((h & ((1 << sh) - 1)) * 4294967296 + w2 + 0.5) * INV[sh]
      z = c[k] + t * (c[k + 1] + t * (c[k + 2] + t * c[k + 3]))
    } else {
      // h < 2^8, q < 2^−24 (probability 2^−23): q as an exact double, table to 2^−54, quantile below
      z = tableUpperQuantile(table, (h * 4294967296 + w2 + 0.5) * 5.421010862427522e-20, alpha)
    }
    out[i] = w1 >>> 31 ? -scale * z : scale * z
  }
}
