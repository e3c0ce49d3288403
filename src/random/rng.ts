/**
 * Seeded pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna, 2018, public domain,
 * https://prng.di.unimi.it/xoshiro128starstar.c), 32-bit output, period 2^128 − 1: the source of every draw of
 * the sampler and the simulator (docs/theory.md#cms-sampler).
 *
 * The 128-bit state is filled from the integer seed by SplitMix32 (the 32-bit finaliser of
 * Steele, Lea & Flood's SplitMix, golden-ratio increment 0x9e3779b9, mixer of Hash Prospector
 * "lowbias32"), so that nearby seeds give unrelated streams. Only 32-bit integer arithmetic
 * (Math.imul, >>>) is used, so the same seed gives the same numbers in Node, workerd and browsers.
 *
 * `uniform()` returns a double in the open interval (0, 1): (k + 0.5)/2^53 with k a 53-bit integer
 * built from two outputs, so neither 0 nor 1 can occur (needed by −ln U and tan(π(U − ½)) draws).
 */
export interface Rng {
  /** Next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number
  /** Uniform double in the open interval (0, 1) with 53 random bits. */
  uniform(): number
  /** The four 32-bit state words (for tests against the reference implementation). */
  state(): [number, number, number, number]
}

const TWO_POW_26 = 67108864
const INV_TWO_POW_53 = 1 / 9007199254740992

/** SplitMix32 step: returns [output, next state]. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0
  let z = s
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
  z ^= z >>> 15
  return [z >>> 0, s]
}

/**
 * A generator started from explicit state words (as in the reference C code's `s[4]`).
 * An all-zero state is replaced by the SplitMix32 expansion of 0, since xoshiro's zero state is a fixed point.
 */
export function rngFromState(s0: number, s1: number, s2: number, s3: number): Rng {
  let a = s0 >>> 0
  let b = s1 >>> 0
  let c = s2 >>> 0
  let d = s3 >>> 0
  if ((a | b | c | d) === 0) return createRng(0)
  const next = (): number => {
    const t5 = Math.imul(b, 5)
    const rot = (t5 << 7) | (t5 >>> 25)
    const result = Math.imul(rot, 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = (d << 11) | (d >>> 21)
    return result
  }
  return {
    nextUint32: next,
    uniform(): number {
      const hi = next() >>> 5 // 27 bits
      const lo = next() >>> 6 // 26 bits
      // k + 0.5 is not a double for k = 2^53 − 1 and rounds up to 2^53, which would give exactly 1
      // (two all-ones outputs in a row, e.g. from state (7, 0x831c71c7, 7, 99)): map it to 1 − 2^−53.
      const u = (hi * TWO_POW_26 + lo + 0.5) * INV_TWO_POW_53
      return u < 1 ? u : 1 - INV_TWO_POW_53
    },
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  }
}

/**
 * A generator seeded from an integer. Seeds are reduced to 32 bits after folding the high part of
 * safe integers in, so every integer in ±2^53 is a valid, distinct-enough seed. Non-integers are
 * truncated; a non-finite seed is treated as 0 (the core is total).
 */
export function createRng(seed: number): Rng {
  const x = Number.isFinite(seed) ? Math.trunc(seed) : 0
  const high = Math.floor(x / 4294967296) | 0
  let st = (x | 0) ^ Math.imul(high, 0x85ebca6b)
  const words: number[] = []
  for (let i = 0; i < 4; i++) {
    const [out, next] = splitmix32(st)
    words.push(out)
    st = next
  }
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1
  return rngFromState(words[0], words[1], words[2], words[3])
}
