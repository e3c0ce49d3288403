/**
 * Tanh–sinh (double-exponential) quadrature of two integrands at once over an interval of length L
 * (Takahasi & Mori 1974; Bailey, Jeyabalan & Li 2005). With x = tanh((π/2) sinh t),
 *   ∫_a^b f = (L/2) ∫_{−∞}^{∞} f(a + (L/2)(1 + x)) · (π/2) cosh t / cosh²((π/2) sinh t) dt,
 * summed by the trapezoidal rule with step h = 2^(−level) on |t| ≤ 4, halving h until two successive
 * levels agree to 0.1·√relTol (quadratic convergence; at least level 3, at most level 7: 1025 nodes).
 *
 * The integrand receives the distances dL = θ − a and dR = b − θ to both ends, each computed without
 * cancellation (dR = L/(1 + e^(2u)), u = (π/2) sinh t), so that features within 1e−30 of an end point
 * (the Nolan integrand of docs/theory.md#sas-numerics in the far tail) are resolved. Endpoint singularities
 * are integrable without special treatment, which is the reason for the choice of this rule.
 *
 * Accuracy: for integrands analytic in a strip around the open interval, the error falls roughly as
 * exp(−c/h), and halving h squares the error; the stopping rule returns when |S_h − S_2h| ≤
 * 0.1·√relTol·|S_h| for both integrands, which leaves an error of order relTol.
 */

const T_MAX = 4
const MAX_LEVEL = 7
const MIN_LEVEL = 3

/** Nodes for t = k·2^(−MAX_LEVEL), k = 0..T_MAX·2^MAX_LEVEL: weight w(t) and the fraction r(t) = dR/L. */
let nodeW: Float64Array | undefined
let nodeR: Float64Array | undefined

function nodes(): [Float64Array, Float64Array] {
  if (nodeW && nodeR) return [nodeW, nodeR]
  const n = T_MAX * 2 ** MAX_LEVEL + 1
  const w = new Float64Array(n)
  const r = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const t = k / 2 ** MAX_LEVEL
    const u = (Math.PI / 2) * Math.sinh(t)
    const e = Math.exp(-2 * u)
    // 1/cosh²u = 4e^(−2u)/(1 + e^(−2u))²; (1 − tanh u)/2 = e^(−2u)/(1 + e^(−2u))
    w[k] = ((Math.PI / 2) * Math.cosh(t) * 4 * e) / ((1 + e) * (1 + e)) / 2
    r[k] = e / (1 + e)
  }
  nodeW = w
  nodeR = r
  return [w, r]
}

/** Callback: given dL, dR (> 0, dL + dR = L), writes the two integrand values into out[0], out[1]. */
export type PairIntegrand = (dL: number, dR: number, out: Float64Array) => void

/**
 * Integrates two integrands over an interval of length `length` > 0; writes ∫f0 into result[0] and
 * ∫f1 into result[1]. Returns the number of integrand evaluations.
 */
export function tanhSinh2(f: PairIntegrand, length: number, result: Float64Array, relTol = 1e-14): number {
  const [w, r] = nodes()
  const n = w.length
  const buf = new Float64Array(2)
  // centre node (t = 0) once, then symmetric pairs; partial sums are plain locals (no closure, so
  // they stay in registers in the hot loop)
  f(length / 2, length / 2, buf)
  let s0 = w[0] * length * buf[0]
  let s1 = w[0] * length * buf[1]
  let evals = 1
  let stride = 2 ** MAX_LEVEL
  let start = stride // level 0: k = stride, 2·stride, …
  let step = stride
  let prev0 = 0
  let prev1 = 0
  const tol = 0.1 * Math.sqrt(relTol)
  for (let level = 0; level <= MAX_LEVEL; level++) {
    for (let k = start; k < n; k += step) {
      const dR = length * r[k]
      const dL = length - dR
      const wk = w[k] * length
      f(dL, dR, buf)
      let a0 = buf[0]
      let a1 = buf[1]
      f(dR, dL, buf)
      a0 += buf[0]
      a1 += buf[1]
      s0 += wk * a0
      s1 += wk * a1
      evals += 2
    }
    const h = 1 / 2 ** level
    const i0 = s0 * h
    const i1 = s1 * h
    // Tanh–sinh converges quadratically (each halving of h roughly squares the error), so a change
    // of d between levels leaves an error of order d²: stop when d ≤ 0.1·sqrt(relTol)·|S|.
    const done =
      level >= MIN_LEVEL && Math.abs(i0 - prev0) <= tol * Math.abs(i0) && Math.abs(i1 - prev1) <= tol * Math.abs(i1)
    prev0 = i0
    prev1 = i1
    if (done) break
    // next level: the odd multiples of the halved stride
    stride /= 2
    start = stride
    step = 2 * stride
  }
  result[0] = prev0
  result[1] = prev1
  return evals
}
