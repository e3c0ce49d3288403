import { normal } from '../random/normal.ts'
import type { Rng } from '../random/rng.ts'
import { evaluateSet } from './evaluateSet.ts'
import type { GradientOracle } from './oracle.ts'
import { norm } from './vector.ts'

/** The largest loss rise found within a radius (a lower bound of the true maximum) and the evaluations spent. */
export interface SharpnessResult {
  radius: number
  value: number
  /** Sample-gradient evaluations spent. */
  evaluations: number
}

/**
 * Sharpness of a minimum (Keskar et al. 2017, ε-sharpness, here without normalisation): the largest
 * loss rise found within a Euclidean ball of radius ρ,
 *
 *   S_ρ(θ) = max_{‖δ‖≤ρ} F(θ + δ) − F(θ),
 *
 * searched by (1) `directions` random unit directions u from the seeded generator, δ = ρu, and then
 * (2) `ascentSteps` steps of projected normalised gradient ascent from the best of those points:
 * δ ← Π_ρ(δ + (ρ/2) ∇F(θ+δ)/‖∇F(θ+δ)‖), Π_ρ the projection on the ball. The answer is a lower
 * bound of S_ρ (the largest value seen). For a quadratic F = ½δᵀHδ the ascent converges to ½λ_max ρ².
 * See docs/theory.md#probe.
 */
export async function sharpness(
  oracle: GradientOracle,
  theta: Float64Array,
  baseLoss: number,
  options: { radius: number; directions: number; ascentSteps: number; rng: Rng },
): Promise<SharpnessResult> {
  const P = theta.length
  const rho = options.radius
  let evaluations = 0
  let best = -Infinity
  let bestDelta = new Float64Array(P)
  for (let k = 0; k < options.directions; k++) {
    const u = new Float64Array(P)
    for (let i = 0; i < P; i++) u[i] = normal(options.rng)
    const nu = norm(u)
    for (let i = 0; i < P; i++) u[i] *= rho / nu
    const r = await evaluateSet(oracle, addTo(theta, u), { gradient: false })
    evaluations += r.evaluations
    if (r.loss - baseLoss > best) {
      best = r.loss - baseLoss
      bestDelta = u
    }
  }
  let delta = bestDelta
  for (let s = 0; s < options.ascentSteps; s++) {
    const r = await evaluateSet(oracle, addTo(theta, delta))
    evaluations += r.evaluations
    if (r.loss - baseLoss > best) best = r.loss - baseLoss
    const g = r.gradient as Float64Array
    const ng = norm(g)
    if (!(ng > 0) || !Number.isFinite(ng)) break
    const next = new Float64Array(P)
    for (let i = 0; i < P; i++) next[i] = delta[i] + ((rho / 2) * g[i]) / ng
    const nn = norm(next)
    if (nn > rho) for (let i = 0; i < P; i++) next[i] *= rho / nn
    delta = next
  }
  if (options.ascentSteps > 0) {
    const r = await evaluateSet(oracle, addTo(theta, delta), { gradient: false })
    evaluations += r.evaluations
    if (r.loss - baseLoss > best) best = r.loss - baseLoss
  }
  return { radius: rho, value: Number.isFinite(best) ? Math.max(0, best) : 0, evaluations }
}

function addTo(theta: Float64Array, d: Float64Array): Float64Array {
  const out = new Float64Array(theta.length)
  for (let i = 0; i < out.length; i++) out[i] = theta[i] + d[i]
  return out
}
