/**
 * Every prediction the product can make for one cell (optimizer, η) of the escape experiment, from the
 * measurements at θ* only (docs/escape-experiment.md#predictions). All four use the same quadratic model of the
 * top-k eigen-subspace, y_i = ⟨v_i, θ − θ*⟩, exit at ½ Σ λ_i y_i² ≥ h, the same preconditioner and the same η:
 *  1. predictedLevy: the leading-order escape time η^(−α)/ν_L(W) of the calculator (src/escape escapeTime), with the
 *     probe's inputs (src/probe escapeRequest: α̂ moved into (1, 2), SαS scales σ_i = median|c_·i|/m_α, axis model);
 *  2. simulatedLevy: the simulator (src/simulate simulate) on the same basin and noise;
 *  3. simulatedGaussian: the simulator at α = 2 with scales s_i/√2, s_i² = mean_j c_ji² (Gaussian noise of the
 *     measured variances, independent across eigenvectors; SαS(σ) at α = 2 is N(0, 2σ²));
 *  4. simulatedEmpirical: the same chains driven by the measured projected noise vectors c_j themselves, resampled
 *     (src/simulate resampledNoiseChains).
 * Preconditioner: SGD q = 1. Adam: frozen at θ*, Q* = diag(√v* + ν) in parameter space; in the eigenbasis its
 * diagonal part, q_i = 1/⟨v_i, Q*⁻¹ v_i⟩ (the off-diagonal part is reported in the docs, not modelled).
 * Simulated values are censoring-aware means (censoredExponentialMean); null when no chain left within the cap.
 */
import { escapeTime } from '../../src/escape/index.ts'
import { parseAndCompute, parseInput } from '../../src/parse/index.ts'
import { escapeRequest, type ProbeMeasurements } from '../../src/probe/index.ts'

import { EscapeTimeRequest, SimulateRequest } from '../../src/schemas/index.ts'

import { censoredExponentialMean, resampledNoiseChains, simulate } from '../../src/simulate/index.ts'

import type { MinimumMeasurement } from './measureSystem.ts'

export interface QuadraticModel {
  /** α used by the Lévy columns (the probe's α̂, moved into (1, 2)). */
  alpha: number
  curvatures: number[]
  /** SαS scales of the projected noise at α. */
  scales: number[]
  /** Standard deviations of the projected noise. */
  deviations: number[]
  /** Projected noise rows, row-major P × k. */
  rows: Float64Array
  height: number
  warnings: string[]
}

/** The quadratic model of a measured minimum (throws when the probe's request cannot be built: scripts may throw). */
export function quadraticModel(m: MinimumMeasurement, height: number): QuadraticModel {
  const probe = {
    point: { radius: 0, seed: 0 },
    baseLoss: m.baseLoss,
    noise: { rows: m.rows, estimate: m.alpha },
    curvature: { eigenvalues: m.eigenvalues, eigenvectors: m.eigenvectors },
    warnings: [],
    evaluations: 0,
  } as unknown as ProbeMeasurements
  const built = escapeRequest(probe, { sgd: { lr: 1 } }, height)
  if (!built.ok) throw new Error(`escape request: ${built.detail}`)
  const req = built.value.request
  if (req.basin.curvatures.length !== m.eigenvalues.length)
    throw new Error(`the quadratic model dropped directions: ${built.value.warnings.join(' ')}`)
  const k = m.eigenvalues.length
  const rows = new Float64Array(m.projected.length * k)
  m.projected.forEach((c, j) => rows.set(c, j * k))
  const deviations = Array.from({ length: k }, (_, i) => {
    let s = 0
    for (const c of m.projected) s += c[i] * c[i]
    return Math.sqrt(s / m.projected.length)
  })
  return {
    alpha: req.optimizers.sgd!.alpha,
    curvatures: req.basin.curvatures,
    scales: req.noise.scale,
    deviations,
    rows,
    height,
    warnings: built.value.warnings.map((w) => w.message),
  }
}

/** Adam's frozen preconditioner in the eigenbasis, q_i = 1/⟨v_i, diag(1/(√v* + ν)) v_i⟩. */
export function eigenPreconditioner(m: MinimumMeasurement, epsilon: number): number[] {
  return m.eigenvectors.map((u) => {
    let s = 0
    for (let p = 0; p < u.length; p++) s += (u[p] * u[p]) / (Math.sqrt(m.secondMoment[p]) + epsilon)
    return 1 / s
  })
}

export interface SimulationSettings {
  chains: number
  cap: number
  seed: number
}

export interface CellPrediction {
  predictedLevy: number | null
  simulatedLevy: number | null
  simulatedGaussian: number | null
  simulatedEmpirical: number | null
  warnings: string[]
}

function simulated(input: Record<string, unknown>): { value: number | null; warnings: string[] } {
  const parsed = parseInput(SimulateRequest, input)
  // Offline: no work cap and no pilot (the whole run is made even when its first part sees no escape).
  const unbounded = Number.MAX_SAFE_INTEGER
  const r = parsed.ok
    ? simulate(parsed.value, {
        maxNoiseDraws: unbounded,
        pilotNoiseDraws: unbounded,
        pilotHessianMultiplyAdds: unbounded,
      })
    : parsed
  if (!r.ok) return { value: null, warnings: [r.detail] }
  const e = censoredExponentialMean(r.value.meanEscapeIterations * r.value.escaped, r.value.escaped)
  return { value: e.mean, warnings: r.value.warnings.map((w) => w.message) }
}

export function predictCell(
  model: QuadraticModel,
  optimizer: 'sgd' | 'adam',
  lr: number,
  q: number[] | undefined,
  sim: SimulationSettings,
): CellPrediction {
  const k = model.curvatures.length
  const warnings: string[] = []
  const preconditioner = optimizer === 'adam' ? q : undefined
  const basin = { kind: 'quadratic', curvatures: model.curvatures, height: model.height }
  const theory = parseAndCompute(
    EscapeTimeRequest,
    escapeTime,
  )({
    basin,
    noise: { scale: model.scales, model: 'axis' },
    normalization: 'stable',
    optimizers:
      optimizer === 'adam' ? { adam: { alpha: model.alpha, lr, preconditioner } } : { sgd: { alpha: model.alpha, lr } },
  })
  let predictedLevy: number | null = null
  if (theory.ok)
    predictedLevy = (optimizer === 'adam' ? theory.value.adam : theory.value.sgd)?.meanEscapeIterations ?? null
  else warnings.push(`theory: ${theory.detail}`)
  const common = {
    optimizer,
    lr,
    basin,
    chains: sim.chains,
    maxIterations: sim.cap,
    seed: sim.seed,
    ...(preconditioner ? { preconditioner } : {}),
  }
  const levy = simulated({ ...common, alpha: model.alpha, noise: { scale: model.scales, model: 'axis' } })
  const gauss = simulated({
    ...common,
    alpha: 2,
    noise: { scale: model.deviations.map((s) => s / Math.SQRT2), model: 'axis' },
  })
  const gain = Array.from({ length: k }, (_, i) => lr / (preconditioner ? preconditioner[i] : 1))
  const emp = resampledNoiseChains({
    curvatures: model.curvatures,
    driftGain: gain,
    noiseGain: gain,
    rows: model.rows,
    height: model.height,
    chains: sim.chains,
    cap: sim.cap,
    seed: sim.seed,
  })
  const empirical = censoredExponentialMean(emp.totalIterations, emp.escaped).mean
  return {
    predictedLevy,
    simulatedLevy: levy.value,
    simulatedGaussian: gauss.value,
    simulatedEmpirical: Number.isFinite(empirical) ? empirical : null,
    warnings: [
      ...warnings,
      ...levy.warnings.map((w) => `simulatedLevy: ${w}`),
      ...gauss.warnings.map((w) => `simulatedGaussian: ${w}`),
    ],
  }
}
