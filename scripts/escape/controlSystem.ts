/**
 * The control of the escape experiment (docs/escape-experiment.md#control): a quadratic objective in d = 6
 * dimensions whose eigenvectors are a seeded random rotation (Gram–Schmidt of normal draws), eigenvalues
 * λ = (4, 2.5, 1.5, 0.6, 0.3, 0.1), θ* a seeded normal vector, and gradient noise V diag(s) ζ with independent SαS(1)
 * coordinates ζ at α = 1.5, s = (0.6, 0.5, 0.4, 0.3, 0.3, 0.2): the axis model in the eigenbasis, so the escape theory
 * (top-k subspace, quadratic exit set) and the simulator hold by construction, and any disagreement between the
 * measured exit and simulatedLevy can only come from the measuring pipeline.
 */
import { createRng, normal } from '../../src/random/index.ts'

import { type EscapeSystem, quadraticEscapeSystem } from './escapeSystem.ts'

export const CONTROL = {
  lambdas: [4, 2.5, 1.5, 0.6, 0.3, 0.1],
  scales: [0.6, 0.5, 0.4, 0.3, 0.3, 0.2],
  alpha: 1.5,
} as const

/** Orthonormal vectors from normal draws by modified Gram–Schmidt. */
function randomRotation(d: number, seed: number): Float64Array[] {
  const rng = createRng(seed)
  const out: Float64Array[] = []
  for (let i = 0; i < d; i++) {
    const v = Float64Array.from({ length: d }, () => normal(rng))
    for (const u of out) {
      let c = 0
      for (let j = 0; j < d; j++) c += u[j] * v[j]
      for (let j = 0; j < d; j++) v[j] -= c * u[j]
    }
    let n = 0
    for (let j = 0; j < d; j++) n += v[j] * v[j]
    n = Math.sqrt(n)
    for (let j = 0; j < d; j++) v[j] /= n
    out.push(v)
  }
  return out
}

export function controlSystem(seed: number): EscapeSystem {
  const d = CONTROL.lambdas.length
  const rng = createRng(seed + 1)
  return quadraticEscapeSystem({
    lambdas: CONTROL.lambdas,
    vectors: randomRotation(d, seed),
    scales: CONTROL.scales,
    alpha: CONTROL.alpha,
    thetaStar: Float64Array.from({ length: d }, () => normal(rng)),
  })
}
