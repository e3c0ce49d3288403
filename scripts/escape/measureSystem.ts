/**
 * The probe's measurements at θ* of an escape system (docs/escape-experiment.md#predictions), made with the probe's
 * own pieces (src/probe): the loss L* and gradient ∇F(θ*); P gradient-noise rows u_j = g_{B_j}(θ*) − ∇F(θ*) from
 * independent minibatches and their tail index α̂ (coordinatewiseTailIndex, the probe's estimator); the top-k Hessian
 * eigenpairs (λ_i, v_i) by Lanczos with full reorthogonalisation; and, per eigenvector, the projected noise
 * c_ji = ⟨u_j, v_i⟩. Adam's stationary second moment v* = (1/P) Σ_j (∇F + u_j)² is kept for its preconditioner.
 */
import { dot, lanczos } from '../../src/probe/index.ts'
import { createRng } from '../../src/random/index.ts'
import { coordinatewiseTailIndex } from '../../src/tail/index.ts'
import type { EscapeSystem } from './escapeSystem.ts'

export interface MinimumMeasurement {
  baseLoss: number
  gradient: Float64Array
  /** Noise rows u_j (P × parameters). */
  rows: Float64Array[]
  /** The probe's tail-index estimate of the rows. */
  alpha: ReturnType<typeof coordinatewiseTailIndex>
  /** Tail index of the projected noise (k columns), a diagnostic. */
  projectedAlpha: ReturnType<typeof coordinatewiseTailIndex>
  eigenvalues: number[]
  eigenvectors: Float64Array[]
  residuals: number[]
  lambdaMin: number
  /** Projected noise c_j = (⟨u_j, v_1⟩, …, ⟨u_j, v_k⟩), P rows of length k. */
  projected: Float64Array[]
  /** E_B[g_B ⊙ g_B] at θ*, per parameter. */
  secondMoment: Float64Array
}

export interface MeasureSettings {
  batches: number
  topK: number
  lanczosIterations: number
  seed: number
}

export async function measureSystem(system: EscapeSystem, s: MeasureSettings): Promise<MinimumMeasurement> {
  const master = createRng(s.seed)
  const noiseRng = createRng(master.nextUint32())
  const lanczosRng = createRng(master.nextUint32())
  const theta = system.thetaStar
  const P = system.parameters
  const { loss, gradient } = await system.full(theta)
  const rows: Float64Array[] = []
  const secondMoment = new Float64Array(P)
  for (let j = 0; j < s.batches; j++) {
    const g = new Float64Array(P)
    await system.stochasticGradient(theta, noiseRng, g)
    for (let p = 0; p < P; p++) {
      secondMoment[p] += (g[p] * g[p]) / s.batches
      g[p] -= gradient[p]
    }
    rows.push(g)
  }
  const lz = await lanczos((v) => system.hessianVector(theta, v), P, {
    iterations: s.lanczosIterations,
    topK: s.topK,
    rng: lanczosRng,
  })
  const projected = rows.map((u) => Float64Array.from(lz.eigenvectors, (v) => dot(u, v)))
  return {
    baseLoss: loss,
    gradient,
    rows,
    alpha: coordinatewiseTailIndex(rows),
    projectedAlpha: coordinatewiseTailIndex(projected),
    eigenvalues: lz.eigenvalues,
    eigenvectors: lz.eigenvectors,
    residuals: lz.residuals,
    lambdaMin: lz.lambdaMin,
    projected,
    secondMoment,
  }
}
