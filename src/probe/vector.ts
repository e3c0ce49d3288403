/**
 * Small dense-vector helpers on Float64Array used by the probe algorithms (Euclidean inner product
 * and norm, scaled copies; docs/theory.md#probe). Plain loops, exact to floating-point rounding.
 */

/** ⟨a, b⟩ = Σ a_i b_i. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * b[i]
  return s
}

/** ‖a‖₂, computed with scaling so that it neither overflows nor underflows. */
export function norm(a: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]))
  if (m === 0 || !Number.isFinite(m)) return m
  let s = 0
  for (let i = 0; i < a.length; i++) {
    const t = a[i] / m
    s += t * t
  }
  return m * Math.sqrt(s)
}

/** A new vector θ + t·v. */
export function along(theta: ArrayLike<number>, t: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(theta.length)
  for (let i = 0; i < out.length; i++) out[i] = theta[i] + t * v[i]
  return out
}

/** A new vector a·x. */
export function scaled(a: number, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length)
  for (let i = 0; i < out.length; i++) out[i] = a * x[i]
  return out
}
