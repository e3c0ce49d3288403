/**
 * Standard exponential draws by the ziggurat method (Marsaglia & Tsang 2000, "The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), REXP with 256 layers, r = 7.69711747013104972).
 * Exact in law (rejection sampling, no approximation): 98.9% of draws cost two 32-bit outputs, a table
 * look-up and a multiply; the rest fall back to the wedge test or to the exact tail r − ln U.
 *
 * Unlike the original REXP, the layer index (8 low bits of the first output) and the position inside the
 * layer (the 21 high bits of the first output and all 32 bits of the second: 53 bits) come from disjoint
 * bits, which removes the layer/position correlation noted by Doornik (2005). Used by the simulator's
 * SαS draw (docs/theory.md#cms-sampler, W ~ Exp(1)). Tables are built once, lazily, on first use.
 */

/** A source of raw 32-bit words (unsigned) and uniforms in (0, 1). */
export interface WordSource {
  word(): number
  uniform(): number
}

const LAYERS = 256
/** Right end of the base layer. */
const ZIGGURAT_R = 7.69711747013104972
const V = 3.949659822581572e-3 // area of each layer
const TWO53 = 9007199254740992

/** Precomputed layers of the exponential ziggurat sampler. */
export interface ZigguratTables {
  /** Acceptance thresholds (53-bit scale): j < k[i] ⇒ j·w[i] is accepted at once. */
  k: Float64Array
  /** Layer widths divided by 2^53. */
  w: Float64Array
  /** e^(−x_i) at the layer edges. */
  f: Float64Array
}

let tables: ZigguratTables | undefined

/** The REXP tables (built on first call). */
export function zigguratTables(): ZigguratTables {
  if (tables) return tables
  const k = new Float64Array(LAYERS)
  const w = new Float64Array(LAYERS)
  const f = new Float64Array(LAYERS)
  let de = ZIGGURAT_R
  let tde = ZIGGURAT_R
  const q = V / Math.exp(-de)
  k[0] = (de / q) * TWO53
  k[1] = 0
  w[0] = q / TWO53
  w[LAYERS - 1] = de / TWO53
  f[0] = 1
  f[LAYERS - 1] = Math.exp(-de)
  for (let i = LAYERS - 2; i >= 1; i--) {
    de = -Math.log(V / de + Math.exp(-de))
    k[i + 1] = (de / tde) * TWO53
    tde = de
    f[i] = Math.exp(-de)
    w[i] = de / TWO53
  }
  tables = { k, w, f }
  return tables
}

/**
 * The rest of a ziggurat draw whose first candidate (layer i, 53-bit position j) was not accepted by the
 * fast test j < k[i]: the base-layer tail, the wedge test, and new candidates until one is accepted.
 */
export function zigguratSlow(src: WordSource, i: number, j: number): number {
  const { k, w, f } = zigguratTables()
  for (;;) {
    if (i === 0) return ZIGGURAT_R - Math.log(src.uniform())
    const x = j * w[i]
    if (f[i] + src.uniform() * (f[i - 1] - f[i]) < Math.exp(-x)) return x
    const a = src.word()
    i = a & 255
    j = (a >>> 11) * 4294967296 + src.word()
    if (j < k[i]) return j * w[i]
  }
}

/** One Exp(1) draw from a word source (fast test, then `zigguratSlow`). */
export function exponentialZiggurat(src: WordSource): number {
  const { k, w } = zigguratTables()
  const a = src.word()
  const i = a & 255
  const j = (a >>> 11) * 4294967296 + src.word()
  return j < k[i] ? j * w[i] : zigguratSlow(src, i, j)
}
