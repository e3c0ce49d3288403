/**
 * Monte-Carlo simulation of the discrete SGD/Adam dynamics under SαS gradient noise (docs/api.md#simulation;
 * docs/theory.md#algorithms for the dynamics, docs/theory.md#validation-1d, docs/theory.md#validation-2d for the validation runs):
 *   θ ← θ − η G_d ∇F(θ) + η G ζ,  θ₀ = θ*,  G_d = I, G = Σ (SGD);  G_d = Q⁻¹, G = Q⁻¹Σ (Adam, Q = diag(q)),
 * Σ = diag(σ), ζ with SαS(1) coordinates ("axis") or an isotropic SαS(1) vector ("isotropic"), F = ½κθ² on an
 * interval (−a, b) or ½θᵀHθ on Ω = {½θᵀHθ < h}. Adam's "auto" preconditioner is q_i = σ_i/σ̄ with σ̄ the
 * α-power mean ((1/d)Σσ_i^α)^(1/α) (docs/theory.md#sgd-vs-adam, docs/theory.md#adam-preconditioner).
 *
 * Estimator: the escape iterations are exponential to leading order (docs/theory.md#theorem-1); with type-I
 * censoring at the per-chain cap T the maximum-likelihood mean is
 *   K̂ = (Σ_chains iterations run) / escaped,   s.e. = K̂/√escaped
 * (the observed information of the exponential likelihood). Work caps: at most 2·10^7 noise draws and, for a
 * full Hessian, 4·10^8 multiply-adds per call; T = min(maxIterations, caps/(chains·work per iteration)).
 *
 * The leading-order theory value (`theory`, `ratioToTheory`) comes from `escapeTime` (src/escape) for the
 * same basin, noise, optimizer and preconditioner, with c = c_α; it exists for α ∈ (1, 2) only.
 *
 * Input: the request as parsed by its schema (src/parse). Total: data that do not fit together (lengths,
 * a Hessian that is not symmetric positive definite) give an `invalid` Failure naming the field; a run in
 * which no chain escapes gives an `unanswerable` Failure with advice. Same input (and seed) → identical output.
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { type FieldIssue, invalid, type Result, success, unanswerable } from '../result.ts'
import type { SimulatedExitOutput, SimulateOutput, SimulateParsed } from '../schemas/simulate.ts'
import { type WarningOutput, warning } from '../schemas/warning.ts'
import { type ChainSetup, runChains } from './runChains.ts'
import { simulationTheory } from './simulationTheory.ts'

/** Cap on scalar noise draws per call. */
export const MAX_NOISE_DRAWS = 20_000_000
/** Cap on Hessian multiply-adds per call (full-Hessian basins). */
export const MAX_HESSIAN_MULTIPLY_ADDS = 400_000_000

/** Work caps of one call (library callers may change them; the HTTP route uses the defaults). */
export interface SimulateLimits {
  /** Cap on scalar noise draws (default MAX_NOISE_DRAWS). */
  maxNoiseDraws?: number
  /** Cap on Hessian multiply-adds for a full Hessian (default MAX_HESSIAN_MULTIPLY_ADDS). */
  maxHessianMultiplyAdds?: number
}

interface Prepared {
  setup: ChainSetup
  dimension: number
  q?: number[]
  warnings: WarningOutput[]
  /** Set when the work caps lowered the per-chain limit below maxIterations. */
  capNote?: string
}

/** Cross-field checks and the chain setup; a Failure names the offending field. */
function prepare(req: SimulateParsed, maxDraws: number, maxMadds: number): Result<Prepared> {
  const issues: FieldIssue[] = []
  const warnings: WarningOutput[] = []
  const basin = req.basin
  const d = basin.kind === 'interval' ? 1 : 'curvatures' in basin ? basin.curvatures.length : basin.hessian.length
  const sigma = typeof req.noise.scale === 'number' ? new Array<number>(d).fill(req.noise.scale) : req.noise.scale
  if (sigma.length !== d) {
    issues.push({ path: 'noise.scale', message: `must have one entry per coordinate (${d}), got ${sigma.length}` })
  }

  // Hessian: square, symmetric, positive definite.
  let hessian: Float64Array | undefined
  const diagonal = new Float64Array(d)
  if (basin.kind === 'interval') diagonal[0] = basin.curvature
  else if ('curvatures' in basin) diagonal.set(basin.curvatures)
  else {
    const h = basin.hessian
    h.forEach((row, i) => {
      if (row.length !== d)
        issues.push({
          path: `basin.hessian.${i}`,
          message: `row ${i} must have ${d} entries (a square matrix), got ${row.length}`,
        })
    })
    if (!issues.length) {
      let scale = 0
      for (const row of h) for (const x of row) scale = Math.max(scale, Math.abs(x))
      let symmetric = true
      let offDiagonal = false
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < i; j++) {
          if (Math.abs(h[i][j] - h[j][i]) > 1e-12 * scale) symmetric = false
          if (h[i][j] !== 0 || h[j][i] !== 0) offDiagonal = true
        }
      }
      if (!symmetric) issues.push({ path: 'basin.hessian', message: 'must be symmetric (H[i][j] = H[j][i])' })
      else if (!new CholeskyDecomposition(new Matrix(h)).isPositiveDefinite()) {
        issues.push({ path: 'basin.hessian', message: 'must be positive definite (θ* must be a strict local minimum)' })
      } else {
        for (let i = 0; i < d; i++) diagonal[i] = h[i][i]
        if (offDiagonal) {
          hessian = new Float64Array(d * d)
          for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) hessian[i * d + j] = (h[i][j] + h[j][i]) / 2
        }
      }
    }
  }

  // Preconditioner (Adam): q = "auto" → σ_i/σ̄, σ̄ the α-power mean of σ.
  let q: number[] | undefined
  if (req.optimizer === 'adam') {
    const pre = req.preconditioner ?? 'auto'
    if (pre === 'auto') {
      if (sigma.length === d) {
        const mean = (sigma.reduce((s, x) => s + x ** req.alpha, 0) / d) ** (1 / req.alpha)
        q = sigma.map((x) => x / mean)
      }
    } else if (pre.length !== d) {
      issues.push({ path: 'preconditioner', message: `must have one entry per coordinate (${d}), got ${pre.length}` })
    } else q = pre.slice()
  } else if (req.preconditioner !== undefined) {
    warnings.push(warning('preconditioner-ignored', 'preconditioner is ignored for SGD (G_d = I, G = Σ).', 'sgd'))
  }
  if (issues.length) return invalid('The simulate request is inconsistent.', issues)

  const eta = req.lr
  const driftGain = new Float64Array(d)
  const noiseGain = new Float64Array(d)
  for (let i = 0; i < d; i++) {
    const qi = q ? q[i] : 1
    driftGain[i] = eta / qi
    noiseGain[i] = (eta * sigma[i]) / qi
  }

  // Stability of the deterministic iteration θ ← (I − η G_d H)θ: needs η λ_max(G_d^½ H G_d^½) < 2.
  let lambdaMax = 0
  if (hessian) {
    const m = new Matrix(d, d)
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) m.set(i, j, Math.sqrt(driftGain[i] * driftGain[j]) * hessian[i * d + j])
    }
    lambdaMax = Math.max(...new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues)
  } else for (let i = 0; i < d; i++) lambdaMax = Math.max(lambdaMax, driftGain[i] * diagonal[i])
  if (lambdaMax >= 2) {
    warnings.push(
      warning(
        'unstable-iteration',
        `η·λ_max(G_d H) = ${lambdaMax.toPrecision(3)} ≥ 2: the deterministic iteration diverges, so chains leave by ` +
          'instability rather than by noise; lower lr.',
        req.optimizer,
      ),
    )
  } else if (lambdaMax > 0.5) {
    warnings.push(
      warning(
        'coarse-step',
        `η·λ_max(G_d H) = ${lambdaMax.toPrecision(3)} is not small: the discrete dynamics are far from their SDE.`,
        req.optimizer,
      ),
    )
  }

  const isotropic = req.noise.model === 'isotropic' && d > 1
  const drawsPerIteration = d + (isotropic && req.alpha < 2 ? 1 : 0)
  let cap = Math.min(req.maxIterations, Math.floor(maxDraws / (req.chains * drawsPerIteration)))
  if (hessian) cap = Math.min(cap, Math.floor(maxMadds / (req.chains * d * d)))
  cap = Math.max(1, cap)
  const setup: ChainSetup = {
    alpha: req.alpha,
    dimension: d,
    isotropic,
    interval: basin.kind === 'interval' ? { left: basin.left, right: basin.right } : undefined,
    hessian,
    diagonal,
    twoHeight: basin.kind === 'interval' ? 0 : 2 * basin.height,
    driftGain,
    noiseGain,
    chains: req.chains,
    cap,
    seed: req.seed,
  }
  const capNote =
    cap < req.maxIterations
      ? `the work cap (${maxDraws.toExponential(0)} noise draws${hessian ? `, ${maxMadds.toExponential(0)} Hessian multiply-adds` : ''} per call) ` +
        `limited each of the ${req.chains} chains to ${cap} iterations (maxIterations = ${req.maxIterations})`
      : undefined
  return success({ setup, dimension: d, q, warnings, capNote })
}

/**
 * Fewest escapes the theory must predict within the caps for the simulation to run: below it the request is a 422
 * before any work. The leading-order prediction is within a factor of a few of the simulations it was validated
 * on (docs/theory.md#validation-1d), so a floor of 0.05 refuses only requests that are 20 times out of reach.
 */
export const EXPECTED_ESCAPES_FLOOR = 0.05

/** Runs the simulation described by a parsed /v1/simulate request (defaults applied by its schema). */
export function simulate(req: SimulateParsed, limits: SimulateLimits = {}): Result<SimulateOutput> {
  const maxDraws = limits.maxNoiseDraws && limits.maxNoiseDraws > 0 ? limits.maxNoiseDraws : MAX_NOISE_DRAWS
  const maxMadds =
    limits.maxHessianMultiplyAdds && limits.maxHessianMultiplyAdds > 0
      ? limits.maxHessianMultiplyAdds
      : MAX_HESSIAN_MULTIPLY_ADDS
  const prepared = prepare(req, maxDraws, maxMadds)
  if (!prepared.ok) return prepared
  const { setup, dimension, q } = prepared.value
  const warnings = [...prepared.value.warnings]

  const theory = simulationTheory(req, q)
  if (!theory.ok) warnings.push(warning('no-theory', theory.reason, req.optimizer))

  const { chains, cap } = setup
  // Refused before the work when the theory predicts (almost) no escape within the caps: the expected number of
  // escapes is chains·(1 − e^(−cap/T)) for a mean escape time T; below EXPECTED_ESCAPES_FLOOR the run would end
  // in the 422 below after spending the whole work cap.
  if (theory.ok) {
    const T = theory.value.meanEscapeIterations
    const expected = chains * -Math.expm1(-cap / T)
    if (expected < EXPECTED_ESCAPES_FLOOR) {
      const capped = prepared.value.capNote ? ` (${prepared.value.capNote})` : ''
      return unanswerable(
        `Refused before running: the leading-order theory predicts about ${T.toPrecision(3)} iterations per escape, so ${chains} chains of at most ${cap} iterations${capped} would see about ${expected.toPrecision(2)} escapes, and the simulation would end with no chain out of the basin. ` +
          `Raise maxIterations (the work cap allows about ${maxDraws.toExponential(0)} noise draws per call, so fewer chains allow more iterations each), or use a larger learning rate or noise scale, a smaller α or a smaller basin.`,
        [
          {
            path: 'maxIterations',
            message: `about ${expected.toPrecision(2)} escapes expected within ${cap} iterations`,
          },
        ],
      )
    }
  }
  const stats = runChains(setup)
  if (stats.nonFinite > 0) {
    return unanswerable(
      `At α = ${req.alpha} the SαS noise draws overflow double precision (a chain reached a non-finite state after ${stats.draws} draws), so the dynamics cannot be simulated; use a larger α (the escape theory is for α ∈ (1, 2)).`,
      [{ path: 'alpha', message: 'the noise draws overflow at this α' }],
    )
  }
  if (stats.escaped === 0) {
    const predicted = theory.ok
      ? ` The leading-order theory predicts about ${theory.value.meanEscapeIterations.toPrecision(3)} iterations.`
      : ''
    const capped = prepared.value.capNote ? ` (${prepared.value.capNote})` : ''
    return unanswerable(
      `No chain left the basin within ${cap} iterations${capped}; ${chains} chains, ${stats.draws} noise draws.${predicted} ` +
        `Raise maxIterations (the work cap allows about ${maxDraws.toExponential(0)} noise draws per call, so fewer chains allow more ` +
        'iterations each), or use a larger learning rate or noise scale, or a smaller basin.',
      [{ path: 'maxIterations', message: `no chain escaped within ${cap} iterations` }],
    )
  }

  const mean = stats.totalIterations / stats.escaped
  const standardError = mean / Math.sqrt(stats.escaped)
  const censored = chains - stats.escaped
  const { capNote } = prepared.value
  if (censored > 0 && capNote)
    warnings.push(
      warning('work-cap', `${capNote[0].toUpperCase()}${capNote.slice(1)}; ${censored} chains were censored there.`),
    )
  if (censored > 0.1 * chains) {
    warnings.push(
      warning(
        'censored-chains',
        `${censored} of ${chains} chains (${((100 * censored) / chains).toFixed(0)}%) did not escape within ${cap} ` +
          'iterations and are right-censored; the mean is the exponential maximum-likelihood estimate, which relies ' +
          'on memoryless (exponential) escape times.',
      ),
    )
  }
  if (stats.escaped < 30) {
    warnings.push(
      warning(
        'few-escapes',
        `Only ${stats.escaped} chains escaped: the standard error (mean/√escaped) is rough; add chains or iterations.`,
      ),
    )
  }

  const directions = setup.interval ? ['left', 'right'] : stats.exitCounts.map((_, i) => `axis-${i}`)
  const exitProbabilities: SimulatedExitOutput[] = stats.exitCounts.map((count, i) => {
    const p = count / stats.escaped
    return { direction: directions[i], probability: p, count, standardError: Math.sqrt((p * (1 - p)) / stats.escaped) }
  })

  const out: SimulateOutput = {
    optimizer: req.optimizer,
    alpha: req.alpha,
    lr: req.lr,
    dimension,
    noiseModel: req.noise.model,
    ...(q ? { preconditioner: q } : {}),
    meanEscapeIterations: mean,
    standardError,
    chains,
    escaped: stats.escaped,
    censored,
    iterationCap: cap,
    noiseDraws: stats.draws,
    seed: req.seed,
    exitProbabilities,
    warnings,
  }
  if (theory.ok) {
    out.theory = theory.value
    out.ratioToTheory = mean / theory.value.meanEscapeIterations
    out.ratioStandardError = standardError / theory.value.meanEscapeIterations
    warnings.push(...theory.warnings)
  }
  return success(out)
}
