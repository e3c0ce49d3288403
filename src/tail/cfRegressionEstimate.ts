/**
 * Characteristic-function regression for the tail index of a symmetric α-stable law (Koutrouvelis 1980;
 * docs/theory.md#cf-regression-estimator). For X ~ SαS(σ), φ(t) = E e^{itX} = exp(−|σt|^α), so
 *   y(t) = ln(−ln|φ(t)|²) = ln 2 + α ln σ + α ln|t|
 * is a straight line in ln|t| with slope α. With the values divided by a scale estimate s (so that the
 * points t_k = πk/25, k = 1 … 10, Koutrouvelis's grid, sit where |φ| is between about 0.2 and 1), the
 * empirical |φ̂(t)|² = (mean cos tx)² + (mean sin tx)² gives y_k and the ordinary least-squares slope on
 * ln t_k is α̂ (clipped to (0, 2]). Points with |φ̂|² ∉ (0, 1) (sampling noise at the ends) are skipped;
 * fewer than 3 usable points give NaN. Koutrouvelis iterates the standardisation and weights the
 * regression; one standardisation by McCulloch's scale and unweighted least squares are our choices.
 * Reference: I. A. Koutrouvelis, "Regression-type estimation of the parameters of stable laws",
 * J. Amer. Statist. Assoc. 75 (1980) 918–928.
 */

/** t_k = πk/25, k = 1 … 10, for values at unit scale. */
export const CF_POINTS: Float64Array = Float64Array.from({ length: 10 }, (_, k) => (Math.PI * (k + 1)) / 25)

/**
 * Adds w·cos(t_k x) to c[k] and w·sin(t_k x) to s[k] for every k: since t_k = k·t_1, by rotating
 * (cos t_1x, sin t_1x) k times (one cos and one sin per value; rounding error ≲ 10 ulp).
 */
export function accumulateTrig(x: number, c: Float64Array, s: Float64Array, w: number): void {
  const c1 = Math.cos(CF_POINTS[0] * x)
  const s1 = Math.sin(CF_POINTS[0] * x)
  let ck = c1
  let sk = s1
  for (let k = 0; k < CF_POINTS.length; k++) {
    c[k] += w * ck
    s[k] += w * sk
    const next = ck * c1 - sk * s1
    sk = sk * c1 + ck * s1
    ck = next
  }
}

/** The regression slope from mean cos(t_k x) and mean sin(t_k x) at CF_POINTS. */
export function cfRegressionFromMoments(meanCos: ArrayLike<number>, meanSin: ArrayLike<number>): number {
  let n = 0
  let sx = 0
  let sy = 0
  let sxx = 0
  let sxy = 0
  for (let k = 0; k < CF_POINTS.length; k++) {
    const m2 = meanCos[k] * meanCos[k] + meanSin[k] * meanSin[k]
    if (!(m2 > 0 && m2 < 1)) continue
    const x = Math.log(CF_POINTS[k])
    const y = Math.log(-Math.log(m2))
    n++
    sx += x
    sy += y
    sxx += x * x
    sxy += x * y
  }
  if (n < 3) return NaN
  const slope = (sxy - (sx * sy) / n) / (sxx - (sx * sx) / n)
  return slope > 0 ? Math.min(2, slope) : NaN
}

/** α̂ of the values after dividing them by `scale` (> 0). */
export function cfRegressionEstimate(values: ArrayLike<number>, scale: number): number {
  const K = CF_POINTS.length
  const c = new Float64Array(K)
  const s = new Float64Array(K)
  const n = values.length
  if (!(n >= 4) || !(scale > 0) || !Number.isFinite(scale)) return NaN
  for (let i = 0; i < n; i++) accumulateTrig(values[i] / scale, c, s, 1)
  for (let k = 0; k < K; k++) {
    c[k] /= n
    s[k] /= n
  }
  return cfRegressionFromMoments(c, s)
}
