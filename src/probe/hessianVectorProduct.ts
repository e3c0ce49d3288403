/**
 * Hessian-vector products of the evaluation objective F(θ) = (1/n) Σ_i f(θ; x_i, y_i), two ways
 * (docs/theory.md#exact-hessian-vector-products):
 *
 * - "exact": the oracle's own `hessianVectorProduct` (Pearlmutter's R-operator in the model's graph),
 *   summed over the evaluation set in chunks of `maxBatch` and recombined by chunk size. Its error is
 *   the rounding of the oracle's arithmetic (≈ 1e-7 relative in float32).
 * - "finite-difference": central differences of the gradient,
 *
 *     H v ≈ (∇F(θ + h u) − ∇F(θ − h u)) / (2h) · ‖v‖,   u = v/‖v‖,
 *
 *   with truncation error (h²/6)‖∇³F[u,u,·]‖·‖v‖ and rounding error ≈ u_r‖∇F‖/h (u_r the oracle's unit
 *   roundoff). The step balances the two for a smooth objective and is taken relative to ‖θ‖:
 *
 *     h = u_r^(1/3) · max(1, ‖θ‖)
 *
 *   i.e. h ≈ 6.1e-6·‖θ‖ for a float64 oracle and 4.9e-3·‖θ‖ for a float32 (ONNX) oracle. Scaling with
 *   ‖θ‖ keeps the perturbation representable relative to the parameters themselves (a float32 θ + h u
 *   must differ from θ). Each product costs two full-gradient passes. For ReLU networks the objective is
 *   piecewise smooth: the product is the Hessian of the ReLU pattern-averaged loss over ±h (accurate
 *   where few units switch within h).
 */

import { evaluateSet, rangeIndices } from './evaluateSet.ts'
import type { GradientOracle } from './oracle.ts'
import { norm } from './vector.ts'

/**
 * How Hessian-vector products were computed: from the graph (docs/theory.md#exact-hessian-vector-products) or by central differences.
 */
export type CurvatureMethod = 'exact' | 'finite-difference'

/** "exact" when the oracle computes Hessian-vector products itself, otherwise "finite-difference". */
export function curvatureMethod(oracle: GradientOracle): CurvatureMethod {
  return typeof oracle.hessianVectorProduct === 'function' ? 'exact' : 'finite-difference'
}

/** The finite-difference step h = u_r^(1/3) · max(1, ‖θ‖). */
export function finiteDifferenceStep(theta: ArrayLike<number>, unitRoundoff: number): number {
  return Math.cbrt(unitRoundoff) * Math.max(1, norm(theta))
}

/** H v by central differences with the step `step` (default `finiteDifferenceStep`). */
export async function finiteDifferenceHessianVectorProduct(
  oracle: GradientOracle,
  theta: Float64Array,
  v: ArrayLike<number>,
  step = finiteDifferenceStep(theta, oracle.unitRoundoff),
): Promise<Float64Array> {
  const P = theta.length
  const nv = norm(v)
  const out = new Float64Array(P)
  if (!(nv > 0) || !Number.isFinite(nv)) return nv === 0 ? out : out.fill(NaN)
  const plus = new Float64Array(P)
  const minus = new Float64Array(P)
  for (let i = 0; i < P; i++) {
    const d = (step * v[i]) / nv
    plus[i] = theta[i] + d
    minus[i] = theta[i] - d
  }
  const gp = (await evaluateSet(oracle, plus)).gradient as Float64Array
  const gm = (await evaluateSet(oracle, minus)).gradient as Float64Array
  const c = nv / (2 * step)
  for (let i = 0; i < P; i++) out[i] = (gp[i] - gm[i]) * c
  return out
}

/**
 * H v over the whole evaluation set through the oracle's exact product, in chunks of at most
 * `maxBatch` samples weighted by their sizes. NaN-filled when the oracle has no exact product.
 */
export async function exactHessianVectorProduct(
  oracle: GradientOracle,
  theta: Float64Array,
  v: ArrayLike<number>,
): Promise<Float64Array> {
  const P = theta.length
  const out = new Float64Array(P)
  if (!oracle.hessianVectorProduct) return out.fill(NaN)
  const dir = Float64Array.from(v)
  const n = oracle.samples
  const all = rangeIndices(n)
  const chunk = Math.max(1, oracle.maxBatch)
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk)
    const hv = await oracle.hessianVectorProduct(theta, dir, all.subarray(start, end))
    const w = (end - start) / n
    for (let i = 0; i < P; i++) out[i] += w * hv[i]
  }
  return out
}

/** H v by `method` (default: exact when the oracle offers it, finite differences otherwise). */
export function hessianVectorProduct(
  oracle: GradientOracle,
  theta: Float64Array,
  v: ArrayLike<number>,
  options: { method?: CurvatureMethod; step?: number } = {},
): Promise<Float64Array> {
  const method = options.method ?? curvatureMethod(oracle)
  return method === 'exact' && oracle.hessianVectorProduct
    ? exactHessianVectorProduct(oracle, theta, v)
    : finiteDifferenceHessianVectorProduct(oracle, theta, v, options.step)
}
