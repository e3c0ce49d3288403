/**
 * Fast SαS(1) draws for the simulator: the Chambers–Mallows–Stuck transform (docs/theory.md#cms-sampler) with its
 * α-dependent factors tabulated once per α, so that a draw on the fast path costs table look-ups and two
 * short polynomials instead of five transcendental functions, with the generator stepped in a tight loop.
 * Exact in law up to the tabulation error (relative error of each tabulated factor ≤ 1e-12, checked when the
 * tables are built; the tests compare every draw with the direct formula on the same random words to 1e-11;
 * where no table meets its check, e.g. α ≤ 0.1, the direct formula is used for every draw). The tables are
 * built only once a source has made TABULATE_AFTER draws, so short runs never pay for them.
 *
 * With V = π(½ − u)·s, u ∈ (0, ½) uniform, s = ±1 a fair sign (so V ~ U(−π/2, π/2)) and W ~ Exp(1):
 *   X = sin(αV)/(cos V)^(1/α) · (cos((1−α)V)/W)^((1−α)/α)
 *     = s · B(u)/S(u) · (W·S(u))^p,   p = (α−1)/α,
 * where S(u) = cos V = sin(πu) and B(u) = sin(α|V|)·cos((1−α)V)^((1−α)/α). Hence
 *   X = s · G(u) · W^p,   G(u) = Q(u)·u^(p−1),   Q(u) = u·B(u)/S(u) · (S(u)/u)^p,
 * with Q smooth on (0, ½] (S(u)/u = sin(πu)/u is). G is tabulated on [u₀, ½) by degree-8 interpolants at
 * Chebyshev nodes on pieces of equal width inside each binary octave of u (8–32 per octave, so every piece is
 * narrow relative to u and the factor u^(p−1) is smooth on it); u₀ = 2^−9 … 2^−6, the smallest that meets the
 * check (Q has a boundary layer near u = 0 as α → 2). The octave and the piece come from the integer that
 * defines u = (K + ½)/2^53 (Math.clz32, no logarithm). W^p: W = j·w_i (ziggurat layer i, integer j), so with
 * j = m·2^e, m ∈ [1, 2): W^p = w_i^p · 2^(e·p) · m^p, the first two from tables and m^p from piecewise degree-6
 * interpolants (64 pieces, checked to 1e-13). Draws with u < u₀ (a fraction 2u₀) and after the ziggurat's slow
 * path use the direct formula with cos V computed as sin(πu) (no cancellation near V = ±π/2). W comes from the
 * exponential ziggurat (exponentialZiggurat.ts). α = 1 gives tan V and α = 2 gives 2√W sin V ~ N(0, 2), as the
 * formula does.
 *
 * Random words: the project generator (xoshiro128** seeded by SplitMix32, src/random/rng.ts), stepped in
 * blocks into a buffer; `word()` returns exactly the outputs of `createRng(seed).nextUint32()`, in order.
 * Each draw takes three words: u (52 bits) and s from the first two, whose 11 spare bits give the ziggurat
 * layer (8) and the low 3 bits of its position, and the third word the high 32 bits of the 35-bit position
 * (W is exact on that grid: spacing 2^−35 of the layer width, the classic REXP uses 2^−32), plus more in the
 * ziggurat's rare slow path (53-bit candidates).
 */

import { type WordSource, zigguratSlow, zigguratTables } from '../random/exponentialZiggurat.ts'
import { createRng } from '../random/rng.ts'

const DEGREE = 8
const NC = DEGREE + 1
/** u₀ = 2^−e0 tried for the table, smallest first (the direct formula serves u < u₀). */
const E0_CHOICES = [9, 8, 7, 6]
const TOLERANCE = 1e-12
const INV_TWO53 = 1 / 9007199254740992
const TWO26 = 67108864
const _TWO32 = 4294967296
const RAW = 4096
const TWO18 = 262144
/**
 * Draws made with the direct formula before the tables are built: building them costs a few to a few tens of
 * milliseconds per α, which pays off only for long runs (and must not be spent by a small request).
 */
export const TABULATE_AFTER = 65536
/** 2^−e for e = 0..63 (exact scalings of integer mantissas). */
const POW2_NEG = Float64Array.from({ length: 64 }, (_, e) => 2 ** -e)

/** The CMS factor B(u) = sin(α|V|) cos((1−α)V)^((1−α)/α) with |V| = π(½ − u). */
function cmsB(alpha: number, u: number): number {
  const v = Math.PI * (0.5 - u)
  return Math.sin(alpha * v) * Math.cos((1 - alpha) * v) ** ((1 - alpha) / alpha)
}

/** Direct CMS transform for u ∈ (0, ½), sign s and W: s · B(u)/S(u) · (W S(u))^p, S(u) = sin(πu). */
function direct(alpha: number, p: number, u: number, sign: number, w: number): number {
  const sv = Math.sin(Math.PI * u)
  const x = (sign * cmsB(alpha, u) * (w * sv) ** p) / sv
  if (!Number.isNaN(x)) return x
  // Overflow meeting underflow (tiny α: exponents ±1/α): the same product in logarithms, ±∞ or 0 but not NaN.
  const v = Math.PI * (0.5 - u)
  const lg =
    Math.log(Math.sin(alpha * v)) +
    ((1 - alpha) / alpha) * Math.log(Math.cos((1 - alpha) * v)) +
    p * Math.log(w) +
    (p - 1) * Math.log(sv)
  return sign * Math.exp(lg)
}

/** Solves a small dense system by Gaussian elimination with partial pivoting (a and y are overwritten). */
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

/** Degree-8 polynomial with coefficients c[o..o+8] at s ∈ [−1, 1] (Estrin's scheme). */
function poly(c: Float64Array, o: number, s: number): number {
  const s2 = s * s
  const s4 = s2 * s2
  return (
    c[o] +
    s * c[o + 1] +
    s2 * (c[o + 2] + s * c[o + 3]) +
    s4 * (c[o + 4] + s * c[o + 5] + s2 * (c[o + 6] + s * c[o + 7]) + s4 * c[o + 8])
  )
}

interface Table {
  /** Pieces per octave of u. */
  sub: number
  /** Bit index of the leading bit of K (u = (K + ½)/2^53) of the first tabulated octave: 53 − e0, u₀ = 2^−e0. */
  firstOctave: number
  /** Coefficients of G, NC per piece, octave-major. */
  c: Float64Array
  /** m^p on [1, 2) (see `powerTable`). */
  mantP: Float64Array
  /** 2^(e·p) for e = 0..63. */
  octP: Float64Array
  /** w_i^p for the 256 ziggurat layer widths (35-bit scale). */
  widthP: Float64Array
}

/**
 * Monomial coefficients c_0..c_{nc−1}, in s ∈ [−1, 1] with x = lo + (s + 1)/2 · width, of the polynomial that
 * interpolates f at the nc Chebyshev nodes s_k = cos(π(k + ½)/nc) of the piece [lo, lo + width] (exact
 * interpolation up to rounding; the callers check the accuracy of the result).
 */
function chebyshevFit(f: (x: number) => number, lo: number, width: number, nc: number): number[] {
  const a: number[][] = []
  const y: number[] = []
  for (let k = 0; k < nc; k++) {
    const s = Math.cos((Math.PI * (k + 0.5)) / nc)
    const row: number[] = []
    for (let j = 0; j < nc; j++) row.push(s ** j)
    a.push(row)
    y.push(f(lo + ((s + 1) / 2) * width))
  }
  return solve(a, y)
}

const MANT_PIECES = 64
const MANT_NC = 7

/**
 * Piecewise degree-6 interpolants of m^r on [1, 2) (64 pieces, Chebyshev nodes), checked to 1e-13 relative;
 * undefined if the check fails. With the octave factor 2^(e·r) this gives x^r for any x = m·2^e without a
 * library call.
 */
function powerTable(r: number): Float64Array | undefined {
  const c = new Float64Array(MANT_PIECES * MANT_NC)
  const width = 1 / MANT_PIECES
  for (let k = 0; k < MANT_PIECES; k++) {
    c.set(
      chebyshevFit((m) => m ** r, 1 + k * width, width, MANT_NC),
      k * MANT_NC,
    )
  }
  const checks = 4 * MANT_NC * MANT_PIECES
  for (let i = 0; i < checks; i++) {
    const m = 1 + i / checks
    if (!(Math.abs(mantissaPower(c, m) / m ** r - 1) <= 1e-13)) return undefined
  }
  return c
}

/** m^r for m ∈ [1, 2) from a `powerTable`. */
function mantissaPower(c: Float64Array, m: number): number {
  const x = (m - 1) * MANT_PIECES
  let k = x | 0
  if (k >= MANT_PIECES) k = MANT_PIECES - 1
  const s = 2 * (x - k) - 1
  const o = k * MANT_NC
  const s2 = s * s
  return c[o] + s * c[o + 1] + s2 * (c[o + 2] + s * c[o + 3]) + s2 * s2 * (c[o + 4] + s * c[o + 5] + s2 * c[o + 6])
}

/**
 * Piecewise table of G(u) = Q(u)·u^(p−1) on [2^−e0, ½): one block of `sub` equal pieces per binary octave of u
 * (so each piece is narrow relative to u and the factor u^(p−1) is smooth on it); undefined if the check fails.
 */
function buildTable(alpha: number, sub: number, e0: number, mantP: Float64Array): Table | undefined {
  const octaves = e0 - 1
  const c = new Float64Array(octaves * sub * NC)
  const p = (alpha - 1) / alpha
  const g = (u: number) => {
    const sv = Math.sin(Math.PI * u)
    return ((u * cmsB(alpha, u)) / sv) * (sv / u) ** p * u ** (p - 1)
  }
  for (let o = 0; o < octaves; o++) {
    const base = 2 ** (o - e0) // u ∈ [base, 2·base)
    const width = base / sub
    for (let t = 0; t < sub; t++) {
      const lo = base + t * width
      const off = (o * sub + t) * NC
      c.set(chebyshevFit(g, lo, width, NC), off)
      // G vanishes at u = ½ (X = 0 there): its error is measured against its largest value on the piece.
      const hi = Math.min(lo + width, 0.5 - 1e-9)
      const scale = Math.max(Math.abs(g(lo)), Math.abs(g((lo + hi) / 2)), Math.abs(g(hi)))
      for (let k = 0; k < 4 * NC; k++) {
        const s = -1 + (2 * k) / (4 * NC)
        const u = lo + ((s + 1) / 2) * width
        if (!(Math.abs(poly(c, off, s) - g(u)) <= TOLERANCE * scale)) return undefined
      }
    }
  }
  const octP = new Float64Array(64)
  for (let e = 0; e < 64; e++) octP[e] = 2 ** (e * p)
  const widthP = Float64Array.from(zigguratTables35().w, (x) => x ** p)
  return { sub, firstOctave: 53 - e0, c, mantP, octP, widthP }
}

const tableCache = new Map<number, Table | null>()

/** The tables for α (cached per α; the cache is cleared past 32 entries), or null when none meets the tolerance. */
function tableFor(alpha: number): Table | null {
  const hit = tableCache.get(alpha)
  if (hit !== undefined) return hit
  let t: Table | null = null
  const mantP = powerTable((alpha - 1) / alpha)
  search: for (const e0 of mantP ? E0_CHOICES : []) {
    for (const sub of [8, 16, 32]) {
      const built = buildTable(alpha, sub, e0, mantP!)
      if (built) {
        t = built
        break search
      }
    }
  }
  if (tableCache.size > 32) tableCache.clear()
  tableCache.set(alpha, t)
  return t
}

let tables35: { k: Float64Array; w: Float64Array } | undefined

/** The ziggurat thresholds and widths rescaled from 53-bit to 35-bit positions (exact: by 2^18). */
function zigguratTables35(): { k: Float64Array; w: Float64Array } {
  if (!tables35) {
    const { k, w } = zigguratTables()
    tables35 = { k: k.map((x) => x / TWO18), w: w.map((x) => x * TWO18) }
  }
  return tables35
}

/** Whether α uses the tabulated fast path (exposed for tests and the benchmark). */
export function isTabulated(alpha: number): boolean {
  return alpha > 0 && alpha <= 2 && tableFor(alpha) !== null
}

/** A seeded stream of SαS(1) draws (characteristic function exp(−|t|^α)), α ∈ (0, 2]. */
export class StableSource implements WordSource {
  readonly alpha: number
  private readonly p: number
  private readonly st: Int32Array
  private readonly raw = new Int32Array(RAW)
  private pos = RAW
  /** The tables, once built (undefined until TABULATE_AFTER draws have been made; null if none passed). */
  private table: Table | null | undefined
  private drawn = 0
  private readonly one = new Float64Array(1)

  constructor(alpha: number, seed: number) {
    this.alpha = alpha
    this.p = (alpha - 1) / alpha
    this.st = Int32Array.from(createRng(seed).state(), (w) => w | 0)
    this.table = alpha > 0 && alpha <= 2 ? undefined : null
  }

  /**
   * Steps xoshiro128** RAW times into the word buffer (state in locals). This is the step of
   * src/random/rng.ts (`rngFromState`'s `next`) written out on purpose: filling the buffer through
   * `Rng.nextUint32()` measured 1.7–5× slower than this loop (Node 20, 2·10⁷ words); the tests check that
   * `word()` returns the same sequence as `createRng(seed).nextUint32()`.
   */
  private refill(): void {
    const st = this.st
    const raw = this.raw
    let a = st[0]
    let b = st[1]
    let c = st[2]
    let d = st[3]
    for (let k = 0; k < RAW; k++) {
      const t5 = Math.imul(b, 5)
      raw[k] = Math.imul((t5 << 7) | (t5 >>> 25), 9)
      const t = b << 9
      c ^= a
      d ^= b
      b ^= c
      a ^= d
      c ^= t
      d = (d << 11) | (d >>> 21)
    }
    st[0] = a
    st[1] = b
    st[2] = c
    st[3] = d
    this.pos = 0
  }

  /** Next raw 32-bit word (unsigned), identical to `createRng(seed).nextUint32()` in sequence. */
  word(): number {
    if (this.pos >= RAW) this.refill()
    return this.raw[this.pos++] >>> 0
  }

  /** Uniform in (0, 1) from two words, as `Rng.uniform()`: (k + ½)/2^53. */
  uniform(): number {
    const hi = this.word() >>> 5
    const lo = this.word() >>> 6
    const u = (hi * TWO26 + lo + 0.5) * INV_TWO53
    return u < 1 ? u : 1 - INV_TWO53 // k = 2^53 − 1 rounds up to 1, as in src/random/rng.ts
  }

  /** Writes n SαS(1) draws into out[0 .. n). NaNs for α ∉ (0, 2]. */
  fill(out: Float64Array, n: number): void {
    const alpha = this.alpha
    if (!(alpha > 0 && alpha <= 2)) {
      out.fill(NaN, 0, n)
      return
    }
    if (this.table === undefined && this.drawn >= TABULATE_AFTER) this.table = tableFor(alpha)
    this.drawn += n
    // Separate loops for the two paths keep V8's type feedback of the hot one clean.
    if (this.table) this.fillTabulated(out, n, this.table)
    else this.fillDirect(out, n)
  }

  /** The direct CMS formula for every draw (same word use as `fillTabulated`). */
  private fillDirect(out: Float64Array, n: number): void {
    const alpha = this.alpha
    const p = this.p
    const { k: zk, w: zw } = zigguratTables35()
    for (let i = 0; i < n; i++) {
      const a = this.word()
      const b = this.word()
      const c3 = this.word()
      const u = ((a >>> 6) * TWO26 + (b >>> 6) + 0.5) * INV_TWO53
      const iz = ((a >>> 1) & 31) | ((b & 7) << 5)
      const j = c3 * 8 + ((b >>> 3) & 7)
      const w = j < zk[iz] ? j * zw[iz] : zigguratSlow(this, iz, j * TWO18)
      out[i] = direct(alpha, p, u, ((a & 1) << 1) - 1, w)
    }
  }

  /** The tabulated fast path (the direct formula for u < u₀ and after a slow ziggurat draw). */
  private fillTabulated(out: Float64Array, n: number, table: Table): void {
    const alpha = this.alpha
    const p = this.p
    const { k: zk, w: zw } = zigguratTables35()
    const { sub, firstOctave, c, mantP, octP, widthP } = table
    const raw = this.raw
    let pos = this.pos
    for (let i = 0; i < n; i++) {
      let a: number
      let b: number
      let c3: number
      if (pos <= RAW - 3) {
        a = raw[pos]
        b = raw[pos + 1]
        c3 = raw[pos + 2]
        pos += 3
      } else {
        this.pos = pos
        a = this.word()
        b = this.word()
        c3 = this.word()
        pos = this.pos
      }
      // Word use: a = [u high 26 | layer 5 | sign 1], b = [u low 26 | position low 3 | layer 3], c3 = position high 32.
      const u = ((a >>> 6) * TWO26 + (b >>> 6) + 0.5) * INV_TWO53
      const sign = ((a & 1) << 1) - 1 // branch-free ±1
      const iz = ((a >>> 1) & 31) | ((b & 7) << 5)
      const jh = c3 >>> 0
      const j = jh * 8 + ((b >>> 3) & 7) // 35-bit position in the layer
      let w: number
      let wp = -1 // W^p, computed below when the table path needs it
      if (j < zk[iz]) {
        w = j * zw[iz]
        if (jh > 0) {
          // W^p = w_i^p · j^p, j = m·2^e with m ∈ [1, 2), e = 3 + bit length of jh − 1. `jh | 0` has the same
          // 32 bits as jh, so the same leading-zero count; workerd's V8 keeps this loop unoptimised when clz32
          // gets a uint32 above 2^31 (a heap number): 12× slower per draw there (measured; Node does not care).
          const e = 34 - Math.clz32(jh | 0)
          const x = (j * POW2_NEG[e] - 1) * MANT_PIECES
          let k = x | 0
          if (k >= MANT_PIECES) k = MANT_PIECES - 1
          const t = 2 * (x - k) - 1
          const o = k * MANT_NC
          const t2 = t * t
          wp =
            widthP[iz] *
            octP[e] *
            (mantP[o] +
              t * mantP[o + 1] +
              t2 * (mantP[o + 2] + t * mantP[o + 3]) +
              t2 * t2 * (mantP[o + 4] + t * mantP[o + 5] + t2 * mantP[o + 6]))
        }
      } else {
        this.pos = pos
        w = zigguratSlow(this, iz, j * TWO18)
        pos = this.pos
      }
      // u = (K + ½)/2^53 with K = H·2^26 + L, H = a >>> 6; K + ½ = m·2^eu, m ∈ [1, 2).
      const hu = a >>> 6
      const eu = 57 - Math.clz32(hu)
      if (eu < firstOctave) {
        out[i] = direct(alpha, p, u, sign, w) // u < u₀
        continue
      }
      if (wp < 0) wp = w ** p
      const xu = ((hu * TWO26 + (b >>> 6) + 0.5) * POW2_NEG[eu] - 1) * sub
      let t = xu | 0
      if (t >= sub) t = sub - 1
      const s = 2 * (xu - t) - 1
      const o = ((eu - firstOctave) * sub + t) * NC
      const s2 = s * s
      const s4 = s2 * s2
      const g =
        c[o] +
        s * c[o + 1] +
        s2 * (c[o + 2] + s * c[o + 3]) +
        s4 * (c[o + 4] + s * c[o + 5] + s2 * (c[o + 6] + s * c[o + 7]) + s4 * c[o + 8])
      out[i] = sign * g * wp
    }
    this.pos = pos
  }

  /**
   * Writes n standard normal draws into out[0 .. n) by Marsaglia's polar method (Marsaglia & Bray 1964):
   * (x, y) uniform in the square until 0 < s = x² + y² < 1, then x·f and y·f with f = √(−2 ln s / s) are two
   * independent N(0, 1). Exact in law. Used for the isotropic noise model (G ~ N(0, 2I) = √2·N(0, I)).
   */
  fillNormal(out: Float64Array, n: number): void {
    let i = 0
    while (i < n) {
      const x = 2 * this.uniform() - 1
      const y = 2 * this.uniform() - 1
      const r = x * x + y * y
      if (r >= 1 || r === 0) continue
      const f = Math.sqrt((-2 * Math.log(r)) / r)
      out[i++] = x * f
      if (i < n) out[i++] = y * f
    }
  }

  /** One draw (convenience; the simulator uses `fill`). */
  next(): number {
    this.fill(this.one, 1)
    return this.one[0]
  }
}
