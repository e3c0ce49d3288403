/**
 * SαS(1) law for α = 1 + δ with |δ| small: second-order expansion about the Cauchy law in δ
 * (docs/theory.md#sas-numerics). From F(x) = ½ + (1/π) ∫_0^∞ sin(ux) e^(−u^α)/u du and
 * f(x) = (1/π) ∫_0^∞ cos(ux) e^(−u^α) du, with e^(−u^(1+δ)) = e^(−u)[1 − δuL + δ²(u²L² − uL²)/2 + O(δ³)],
 * L = ln u, and the closed forms (s = 1 − ix, ψ the digamma function)
 *   ∫_0^∞ u^k e^(−su) L du  = k!/s^(k+1) · (ψ(k+1) − ln s),
 *   ∫_0^∞ u^k e^(−su) L² du = k!/s^(k+1) · [(ψ(k+1) − ln s)² + ψ′(k+1)],
 * one gets
 *   F = ½ + atan(x)/π + (1/π) Im[ −δ J01 + (δ²/2)(J12 − J02) ],
 *   f = 1/(π(1+x²)) + (1/π) Re[ −δ J11 + (δ²/2)(J22 − J12) ],   J_km := ∫ u^k e^(−su) L^m du.
 * Truncation error O(δ³ (1 + ln²(1+|x|))^(3/2)); used for |δ| ≤ 1e−4 and |x| ≤ 8, where it is below
 * 1e−11 (checked against the Nolan integral at δ = ±1e−4 in test/stable/nearCauchy.test.ts). Nolan's
 * integral itself loses accuracy as δ → 0 (its exponent α/(α−1) amplifies rounding), which is why this
 * expansion exists: it makes the functions smooth and exact across α = 1.
 */

const EULER = 0.5772156649015329
const PSI = [NaN, -EULER, 1 - EULER, 1.5 - EULER] // ψ(1), ψ(2), ψ(3)
const TRIGAMMA = [NaN, Math.PI ** 2 / 6, Math.PI ** 2 / 6 - 1, Math.PI ** 2 / 6 - 1.25] // ψ′(1..3)
const FACT = [1, 1, 2]

/** Complex helpers on [re, im] pairs. */
type C = [number, number]
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]]
const div = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1]
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d]
}

/** Values of the near-Cauchy expansion at x (any finite real) and α = 1 + delta. */
export interface NearCauchyValues {
  /** F(x) − ½ */
  cdfMinusHalf: number
  pdf: number
}

/** Second-order expansion of F(x) − ½ and f(x) of SαS(1) about α = 1 (see the file comment). */
export function nearCauchy(x: number, delta: number): NearCauchyValues {
  const s: C = [1, -x]
  const logS: C = [0.5 * Math.log1p(x * x), Math.atan2(-x, 1)]
  // sPow[k] = s^(k+1)
  const s2 = mul(s, s)
  const s3 = mul(s2, s)
  const sPow = [s, s2, s3]
  const J = (k: number, m: 1 | 2): C => {
    const a: C = [PSI[k + 1] - logS[0], -logS[1]]
    const v: C = m === 1 ? a : [a[0] * a[0] - a[1] * a[1] + TRIGAMMA[k + 1], 2 * a[0] * a[1]]
    const q = div(v, sPow[k])
    return [FACT[k] * q[0], FACT[k] * q[1]]
  }
  const j01 = J(0, 1)
  const j02 = J(0, 2)
  const j11 = J(1, 1)
  const j12 = J(1, 2)
  const j22 = J(2, 2)
  const d2 = 0.5 * delta * delta
  const cdfMinusHalf = Math.atan(x) / Math.PI + (-delta * j01[1] + d2 * (j12[1] - j02[1])) / Math.PI
  const pdf = 1 / (Math.PI * (1 + x * x)) + (-delta * j11[0] + d2 * (j22[0] - j12[0])) / Math.PI
  return { cdfMinusHalf, pdf }
}
