/**
 * Exit set of the quadratic basin {½xᵀHx < h} under the axis (independent-coordinate) noise model
 * (docs/theory.md#exit-mass): with A = GᵀHG, a jump along e_i of size y exits iff ½A_ii y² ≥ h, so
 *
 *   m(W) = Σ_i (A_ii/(2h))^(α/2),   P(exit through axis i) = (A_ii)^(α/2) / Σ_j (A_jj)^(α/2)  (docs/theory.md#exit-location),
 *
 * and ν_L(W) = (2c/α) m(W). Only diag(A) is needed: A_ii = g_i² H_ii. Closed form, a few ulps.
 * NaN for a non-positive diagonal or height.
 */
export function axisRadonMeasure(
  diagA: ArrayLike<number>,
  height: number,
  alpha: number,
): { radonMeasure: number; probabilities: number[] } {
  const d = diagA.length
  const p = alpha / 2
  const terms = new Array<number>(d)
  let s = 0
  let ok = height > 0 && Number.isFinite(height) && alpha > 0 && d > 0
  for (let i = 0; i < d && ok; i++) {
    if (!(diagA[i] > 0) || !Number.isFinite(diagA[i])) ok = false
    else {
      terms[i] = (diagA[i] / (2 * height)) ** p
      s += terms[i]
    }
  }
  if (!ok) return { radonMeasure: NaN, probabilities: Array.from({ length: d }, () => NaN) }
  return { radonMeasure: s, probabilities: terms.map((t) => t / s) }
}
