/**
 * Hessian-vector products of the evaluation objective by central finite differences of the gradient:
 *
 *   H v ≈ (∇F(θ + h u) − ∇F(θ − h u)) / (2h) · ‖v‖,   u = v/‖v‖,
 *
 * with truncation error (h²/6)‖∇³F[u,u,·]‖·‖v‖ and rounding error ≈ u_r‖∇F‖/h (u_r the oracle's unit
 * roundoff). The step balances the two for a smooth objective and is taken relative to ‖θ‖:
 *
 *   h = u_r^(1/3) · max(1, ‖θ‖)
 *
 * i.e. h ≈ 6.1e-6·‖θ‖ for a float64 oracle and 4.9e-3·‖θ‖ for a float32 (ONNX) oracle. Scaling with
 * ‖θ‖ keeps the perturbation representable relative to the parameters themselves (a float32 θ + h u
 * must differ from θ). Each product costs two full-gradient passes. For ReLU networks the objective is
 * piecewise smooth: the product is the Hessian of the ReLU pattern-averaged loss over ±h (accurate
 * where few units switch within h). Cf. Pearlmutter (1994) for the exact alternative.
 */

import { evaluateSet } from './evaluateSet.ts'
import type { GradientOracle } from './oracle.ts'
import { norm } from './vector.ts'

/** The finite-difference step h = u_r^(1/3) · max(1, ‖θ‖). */
export function finiteDifferenceStep(theta: ArrayLike<number>, unitRoundoff: number): number {
  return Math.cbrt(unitRoundoff) * Math.max(1, norm(theta))
}

/** H v by central differences with the step `step` (default `finiteDifferenceStep`). */
export async function hessianVectorProduct(
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
