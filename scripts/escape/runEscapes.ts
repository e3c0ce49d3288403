/**
 * The measured escapes (docs/escape-experiment.md#setup): independent runs of the real optimizer from θ* on an
 * escape system, each with its own random stream (fresh minibatches), recording two first-exit iterations:
 *  - "subspace": the first iteration t with ½ Σ_{i≤k} λ_i ⟨v_i, θ_t − θ*⟩² ≥ h (leaving Ω in the top-k eigen-subspace);
 *  - "loss": the first iteration with F(θ_t) ≥ F(θ*) + h (the full training objective). F is evaluated every
 *    `lossEvery` iterations; when a check finds F above the level, the iterates since the previous check (kept in a
 *    ring buffer) are evaluated in order and the first one above is the exit. An excursion above the level that
 *    returns below between two checks is missed, so this exit is a first exit observed on a grid of `lossEvery`.
 * A run stops when both exits are seen or at `cap` iterations; the loss is checked up to `lossCap` ≤ `cap` only (each exit
 * is right-censored at its own cap).
 *
 * SGD: θ ← θ − η g_B(θ). Adam (the paper's form without bias correction, docs/escape-experiment.md#adam-state):
 * m ← β1 m + (1 − β1) g, v ← β2 v + (1 − β2) g ⊙ g, θ ← θ − η m/(√v + ν), started from m₀ = ∇F(θ*) and
 * v₀ = E_B[g_B ⊙ g_B](θ*) (both measured at θ*), as a run that has been at θ* for a long time; the bias corrections
 * 1 − β^t are 1 at such a t.
 */
import { createRng } from '../../src/random/index.ts'
import type { EscapeSystem } from './escapeSystem.ts'

export interface AdamSettings {
  beta1: number
  beta2: number
  epsilon: number
}

export interface RunSettings {
  optimizer: 'sgd' | 'adam'
  lr: number
  runs: number
  /** Iteration cap of a run (censoring of the subspace exit). */
  cap: number
  /** Iteration cap of the loss exit (≤ cap): the loss is not checked after it. */
  lossCap: number
  seed: number
  lossEvery: number
  height: number
  adam: AdamSettings
}

export interface Subspace {
  eigenvalues: readonly number[]
  eigenvectors: readonly Float64Array[]
}

export interface AdamStart {
  gradient: Float64Array
  secondMoment: Float64Array
}

/** Exit iterations of one run (null = not within the cap). */
export interface RunExits {
  subspace: number | null
  loss: number | null
}

export interface CellMeasurement {
  exits: RunExits[]
  /** Iterations run in all (for the censoring-aware estimator, per exit kind). */
  total: { subspace: number; loss: number }
  escaped: { subspace: number; loss: number }
  /** Gradient evaluations made (steps + loss checks in sample units are not counted here). */
  steps: number
}

export async function runEscapes(
  system: EscapeSystem,
  subspace: Subspace,
  baseLoss: number,
  adamStart: AdamStart,
  s: RunSettings,
  onRun?: (done: number) => void,
): Promise<CellMeasurement> {
  const P = system.parameters
  const k = subspace.eigenvalues.length
  const theta0 = system.thetaStar
  const master = createRng(s.seed)
  const g = new Float64Array(P)
  const every = Math.max(1, Math.floor(s.lossEvery))
  const ring = Array.from({ length: every }, () => new Float64Array(P))
  const exits: RunExits[] = []
  let steps = 0
  const twoH = 2 * s.height
  const lossLevel = baseLoss + s.height
  for (let r = 0; r < s.runs; r++) {
    const rng = createRng(master.nextUint32())
    const theta = Float64Array.from(theta0)
    const m = s.optimizer === 'adam' ? Float64Array.from(adamStart.gradient) : undefined
    const v = s.optimizer === 'adam' ? Float64Array.from(adamStart.secondMoment) : undefined
    let subExit: number | null = null
    let lossExit: number | null = null
    let t = 0
    const lossCap = Math.min(s.cap, s.lossCap)
    while (t < s.cap && (subExit === null || (lossExit === null && t < lossCap))) {
      t++
      await system.stochasticGradient(theta, rng, g)
      if (m && v) {
        const { beta1, beta2, epsilon } = s.adam
        for (let p = 0; p < P; p++) {
          const gp = g[p]
          m[p] = beta1 * m[p] + (1 - beta1) * gp
          v[p] = beta2 * v[p] + (1 - beta2) * gp * gp
          theta[p] -= (s.lr * m[p]) / (Math.sqrt(v[p]) + epsilon)
        }
      } else for (let p = 0; p < P; p++) theta[p] -= s.lr * g[p]
      steps++
      if (subExit === null) {
        let e = 0
        for (let i = 0; i < k; i++) {
          const u = subspace.eigenvectors[i]
          let c = 0
          for (let p = 0; p < P; p++) c += u[p] * (theta[p] - theta0[p])
          e += subspace.eigenvalues[i] * c * c
        }
        if (!(e < twoH)) subExit = t
      }
      if (lossExit === null && t <= lossCap) {
        ring[(t - 1) % every].set(theta)
        if (t % every === 0 || t === lossCap) {
          if (!((await system.loss(theta)) < lossLevel)) {
            // first iterate since the previous check that is above the level (the current one is)
            const first = t - (((t - 1) % every) + 1) + 1
            lossExit = t
            for (let u = first; u < t; u++) {
              if (!((await system.loss(ring[(u - 1) % every])) < lossLevel)) {
                lossExit = u
                break
              }
            }
          }
        }
      }
    }
    exits.push({ subspace: subExit, loss: lossExit })
    onRun?.(r + 1)
  }
  const total = { subspace: 0, loss: 0 }
  const escaped = { subspace: 0, loss: 0 }
  for (const e of exits) {
    total.subspace += e.subspace ?? s.cap
    total.loss += e.loss ?? Math.min(s.cap, s.lossCap)
    if (e.subspace !== null) escaped.subspace++
    if (e.loss !== null) escaped.loss++
  }
  return { exits, total, escaped, steps }
}
