/**
 * Standard exponential draws by the ziggurat method (Marsaglia & Tsang 2000, "The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8), REXP with 256 layers, r = 7.69711747013104972).
 * Exact in law (rejection sampling, no approximation): 98.9% of draws cost two 32-bit outputs, a table
 * look-up and a multiply; the rest fall back to the wedge test or to the exact tail r − ln U.
 *
 * Unlike the original REXP, the layer index (8 low bits of the first output) and the position inside the
 * layer (the 21 high bits of the first output and all 32 bits of the second: 53 bits) come from disjoint
 * bits, which removes the layer/position correlation noted by Doornik (2005). Used by the simulator's
 * SαS draw (spec/theory.md §5.3, W ~ Exp(1)). Tables are built once, lazily, on first use.
 */
import type { Rng } from '../random/rng.ts'

const LAYERS = 256
const R = 7.69711747013104972
const V = 3.949659822581572e-3 // area of each layer
const TWO53 = 9007199254740992

let tables: { k: Float64Array; w: Float64Array; f: Float64Array } | undefined

function buildTables(): { k: Float64Array; w: Float64Array; f: Float64Array } {
  const k = new Float64Array(LAYERS)
  const w = new Float64Array(LAYERS)
  const f = new Float64Array(LAYERS)
  let de = R
  let tde = R
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
  return { k, w, f }
}

/** A generator of Exp(1) draws that consumes `rng`. */
export function exponentialZiggurat(rng: Rng): () => number {
  tables ??= buildTables()
  const { k, w, f } = tables
  return function draw(): number {
    for (;;) {
      const a = rng.nextUint32()
      const i = a & 255
      const j = (a >>> 11) * 4294967296 + rng.nextUint32()
      const x = j * w[i]
      if (j < k[i]) return x
      if (i === 0) return R - Math.log(rng.uniform())
      if (f[i] + rng.uniform() * (f[i - 1] - f[i]) < Math.exp(-x)) return x
    }
  }
}
