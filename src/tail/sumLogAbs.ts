/**
 * ε = 2^−52, added inside every logarithm of the log-moment estimators so that a zero value gives ln ε, not −∞
 * (docs/theory.md#pooled-estimator).
 */
export const MACHINE_EPSILON = Number.EPSILON

const GROUP = 16
const MANTISSAS_PER_LOG = 512
const word = new Float64Array(1)
const words = new Uint32Array(word.buffer)
// Index of the high 32-bit word of a double in the Uint32 view (1 on little-endian machines).
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0

/**
 * Σ_{k=start}^{end−1} ln(|v_k| + ε) with ε = 2^−52 (machine epsilon), the inner sum of the log-moment
 * estimator (docs/theory.md#log-moment-estimator, docs/theory.md#pooled-estimator: "add machine epsilon inside each log").
 *
 * Instead of one logarithm per value it multiplies the terms |v_k| + ε in groups of 16, splits each group
 * product into its IEEE-754 exponent (added as an integer) and mantissa m ∈ [1, 2), multiplies up to 512
 * mantissas (< 2^512, far from overflow) and takes one logarithm of that:
 *   Σ ln(|v_k| + ε) = Σ ln(Π m) + (Σ exponents)·ln 2.
 * Every term is ≥ ε = 2^−52, so a group product is ≥ 2^−832: never subnormal, and the split is exact. A
 * group whose product overflows (terms above ~1e19 on average) is summed with one Math.log per value.
 * The only error is the rounding of the products, ≤ 2^−53 relative per multiplication: a relative error
 * of about 1e−14 of the sum for 10^6 values (checked against Math.log per value in the tests). It is
 * 3–6× faster than one Math.log per value. NaN or ±∞ among the values give what Math.log would.
 */
export function sumLogAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  let total = 0
  let exponents = 0
  let mantissa = 1
  let count = 0
  let i = start
  for (; i + GROUP <= end; i += GROUP) {
    let q = 1
    for (let k = i; k < i + GROUP; k++) q *= Math.abs(values[k]) + MACHINE_EPSILON
    if (!(q < Infinity)) {
      // overflow, or a NaN/∞ value: one logarithm per value for this group
      for (let k = i; k < i + GROUP; k++) total += Math.log(Math.abs(values[k]) + MACHINE_EPSILON)
      continue
    }
    word[0] = q
    const hi = words[HIGH]
    exponents += (hi >>> 20) - 1023
    words[HIGH] = (hi & 0x000fffff) | 0x3ff00000
    mantissa *= word[0]
    if (++count === MANTISSAS_PER_LOG) {
      total += Math.log(mantissa)
      mantissa = 1
      count = 0
    }
  }
  for (; i < end; i++) total += Math.log(Math.abs(values[i]) + MACHINE_EPSILON)
  return total + Math.log(mantissa) + exponents * Math.LN2
}

/** The same sum by one Math.log per value (reference for tests and benchmarks). */
export function naiveSumLogAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  let total = 0
  for (let k = start; k < end; k++) total += Math.log(Math.abs(values[k]) + MACHINE_EPSILON)
  return total
}
