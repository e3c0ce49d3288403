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
import { type FieldIssue, invalid, type Result, success, unanswerable, type WorkCounts } from '../result.ts'
import type { SimulatedExitOutput, SimulateOutput, SimulateParsed } from '../schemas/simulate.ts'
import { type WarningOutput, warning } from '../schemas/warning.ts'
import { type ChainSetup, chainRunner } from './runChains.ts'
import { simulationTheory } from './simulationTheory.ts'

/** Cap on scalar noise draws per call. */
const MAX_NOISE_DRAWS = 20_000_000
/** Cap on Hessian multiply-adds per call (full-Hessian basins). */
const MAX_HESSIAN_MULTIPLY_ADDS = 400_000_000

/**
 * Work of the pilot, the first part of every run: a run in which no chain has escaped by then stops there with a
 * 422, so no refusal costs more than this much work (docs/api.md#simulation-work-rule). A twentieth of the work
 * caps: the whole cap measured 1–2.5 s of CPU in workerd for the slowest draws (tiny α, isotropic mixing, d = 256),
 * so the pilot stays well under 1 s even on a loaded machine (bench/results/simulateRefusal.md).
 */
export const PILOT_NOISE_DRAWS = 1_000_000
/** Hessian multiply-adds of the pilot (full-Hessian basins), a twentieth of MAX_HESSIAN_MULTIPLY_ADDS. */
export const PILOT_HESSIAN_MULTIPLY_ADDS = 20_000_000

/** Work caps of one call (library callers may change them; the HTTP route uses the defaults). */
export interface SimulateLimits {
  /** Cap on scalar noise draws (default MAX_NOISE_DRAWS). */
  maxNoiseDraws?: number
  /** Cap on Hessian multiply-adds for a full Hessian (default MAX_HESSIAN_MULTIPLY_ADDS). */
  maxHessianMultiplyAdds?: number
  /** Noise draws of the pilot (default PILOT_NOISE_DRAWS). */
  pilotNoiseDraws?: number
  /** Hessian multiply-adds of the pilot (default PILOT_HESSIAN_MULTIPLY_ADDS). */
  pilotHessianMultiplyAdds?: number
}

/** The limits of a call: each given positive limit, else its default. */
function resolveLimits(l: SimulateLimits): Required<SimulateLimits> {
  const r: Required<SimulateLimits> = {
    maxNoiseDraws: MAX_NOISE_DRAWS,
    maxHessianMultiplyAdds: MAX_HESSIAN_MULTIPLY_ADDS,
    pilotNoiseDraws: PILOT_NOISE_DRAWS,
    pilotHessianMultiplyAdds: PILOT_HESSIAN_MULTIPLY_ADDS,
  }
  for (const key of Object.keys(r) as (keyof SimulateLimits)[]) if (Number(l[key]) > 0) r[key] = l[key] as number
  return r
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
 * Least probability of an escape within the pilot, predicted by the theory, for the simulation to start: below it the
 * request is a 422 before any work. The leading-order prediction is within a factor of a few of the simulations it
 * was validated on (docs/theory.md#validation-1d), so a floor of 0.05 refuses only requests whose pilot the theory
 * puts about 20 times out of reach.
 */
const EXPECTED_ESCAPES_FLOOR = 0.05

/**
 * Escapes the advice of a refusal aims at: the estimate's relative standard error is then 1/√30 ≈ 18 % and the
 * answer carries no "few-escapes" warning.
 */
const TARGET_ESCAPES = 30

const sig = (x: number, digits = 3) => x.toPrecision(digits)

/** The work plan of a request (docs/api.md#simulation-work-rule). */
interface Plan {
  /** Iterations the request asks for after the caps: chains × cap. */
  full: number
  /** Iterations of its pilot: min(full, the pilot's budget). */
  pilot: number
  /** Iterations the work caps allow a request of this dimension (chains × maxIterations can be at most this). */
  capExposure: number
  drawsPerIteration: number
  multiplyAddsPerIteration: number
}

function plan(setup: ChainSetup, limits: Required<SimulateLimits>): Plan {
  const d = setup.dimension
  const drawsPerIteration = setup.interval ? 1 : d + (setup.isotropic && setup.alpha < 2 ? 1 : 0)
  const multiplyAddsPerIteration = setup.hessian ? d * d : 0
  const within = (draws: number, madds: number) =>
    Math.max(
      1,
      Math.min(
        Math.floor(draws / drawsPerIteration),
        multiplyAddsPerIteration ? Math.floor(madds / multiplyAddsPerIteration) : Infinity,
      ),
    )
  const full = setup.chains * setup.cap
  return {
    full,
    pilot: Math.min(full, within(limits.pilotNoiseDraws, limits.pilotHessianMultiplyAdds)),
    capExposure: within(limits.maxNoiseDraws, limits.maxHessianMultiplyAdds),
    drawsPerIteration,
    multiplyAddsPerIteration,
  }
}

/**
 * What to change so that a run would see about TARGET_ESCAPES escapes, for a mean escape time of (at least) K
 * iterations: more iterations when the work caps allow them, else more frequent escapes. For α < 2 the escape
 * theory's K ≈ η^(−α)/ν_L(W) (docs/theory.md#theorem-1) scales as (η·σ/size)^(−α), so η·σ/size must grow by
 * (K/K*)^(1/α) to bring K down to K*; for α = 2 escape is exponential in the barrier (no such power law).
 */
function advice(req: SimulateParsed, p: Plan, K: number, atLeast: boolean): { text: string; issues: FieldIssue[] } {
  const b = atLeast ? 'at least ' : ''
  const needed = TARGET_ESCAPES * K
  if (needed <= p.capExposure) {
    const n = Math.min(Math.ceil(needed / req.chains), Math.floor(p.capExposure / req.chains))
    return {
      text: `Raise maxIterations to ${b}${n} (about ${TARGET_ESCAPES} escapes).`,
      issues: [{ path: 'maxIterations', message: `raise to ${b}${n}` }],
    }
  }
  const times = K / (p.capExposure / TARGET_ESCAPES)
  const by = req.alpha < 2 ? `by ${b}${sig(times ** (1 / req.alpha), 2)}` : '(α = 2: Kramers)'
  return {
    text: `For ${TARGET_ESCAPES} escapes within the work cap, multiply lr or noise.scale ${by}, or shrink the basin ${by}.`,
    issues: [
      { path: 'lr', message: `multiply ${by}` },
      { path: 'noise.scale', message: `multiply ${by}` },
      { path: 'basin', message: `shrink ${by}` },
    ],
  }
}

/** Runs the simulation described by a parsed /v1/simulate request (defaults applied by its schema). */
export function simulate(req: SimulateParsed, limits: SimulateLimits = {}): Result<SimulateOutput> {
  const lim = resolveLimits(limits)
  const maxDraws = lim.maxNoiseDraws
  const prepared = prepare(req, maxDraws, lim.maxHessianMultiplyAdds)
  if (!prepared.ok) return prepared
  const { setup, dimension, q } = prepared.value
  const warnings = [...prepared.value.warnings]

  const theory = simulationTheory(req, q)
  if (!theory.ok) warnings.push(warning('no-theory', theory.reason, req.optimizer))

  const { chains, cap } = setup
  const p = plan(setup, lim)
  const capped = prepared.value.capNote ? ` (${prepared.value.capNote})` : ''
  const work = (s: { iterations: number } | undefined): WorkCounts => {
    const iterations = s?.iterations ?? 0
    return {
      iterations,
      noiseDraws: iterations * p.drawsPerIteration,
      hessianMultiplyAdds: iterations * p.multiplyAddsPerIteration,
      pilotIterations: p.pilot,
      requestedIterations: p.full,
    }
  }

  // 1. Before any work: the theory's probability of at least one escape within the pilot, 1 − e^(−pilot/K) for
  //    exponential escape times of mean K (the pilot's chains' exposures sum to `pilot` whatever their layout).
  if (theory.ok) {
    const K = theory.value.meanEscapeIterations
    const chance = -Math.expm1(-p.pilot / K)
    if (chance < EXPECTED_ESCAPES_FLOOR) {
      const fix = advice(req, p, K, false)
      return unanswerable(
        `Refused before running: the leading-order theory predicts about ${sig(K)} iterations per escape, so the pilot (the first ${p.pilot} iterations) would see one with probability ${sig(chance, 2)}. ${fix.text}`,
        fix.issues,
        work(undefined),
      )
    }
  }

  // 2. The pilot: the first part of the run itself (nothing is run twice).
  const runner = chainRunner(setup)
  let stats = runner.advance(p.pilot)
  if (stats.nonFinite > 0) {
    return unanswerable(
      `At α = ${req.alpha} the SαS noise draws overflow double precision (a chain reached a non-finite state after ${stats.draws} draws), so the dynamics cannot be simulated; use a larger α (the escape theory is for α ∈ (1, 2)).`,
      [{ path: 'alpha', message: 'the noise draws overflow at this α' }],
      work(stats),
    )
  }
  if (stats.escaped === 0) {
    // Exact (Garwood) 95 % lower bound on the mean escape time from T = `exposure` iterations with no exit:
    // 2T/χ²_{0.975}(2), and χ²(2) is 2·Exp(1), so its 0.975-quantile is −2 ln 0.025 (censoredExponentialMean with
    // r = 0, in closed form).
    const exposure = stats.totalIterations
    const kLow = exposure / -Math.log(0.025)
    const predicted = theory.ok ? ` Theory: ${sig(theory.value.meanEscapeIterations)}.` : ''
    // Complete run: more iterations may do (advice). Stopped at the pilot: the bound says how rare escapes are, not
    // how much rarer than the pilot allows, so the advice is the rate the pilot needs: one escape per exposure/3
    // iterations (none in the pilot with probability e^(−3) ≈ 5 %).
    const fix = stats.done
      ? advice(req, p, kLow, true)
      : {
          text: `The pilot needs an escape at least once per ${sig(exposure / 3)} iterations: raise lr or noise.scale, or shrink the basin.`,
          issues: [
            { path: 'lr', message: 'raise it' },
            { path: 'noise.scale', message: 'raise it' },
            { path: 'basin', message: 'shrink it' },
          ],
        }
    return unanswerable(
      `${stats.done ? 'No chain left the basin' : 'Stopped after the pilot: no chain left the basin'} in the first ${exposure} iterations (${chains} chains of at most ${cap}), so the mean escape time is at least ${sig(kLow)} iterations (95 % bound).${predicted} ${fix.text}`,
      fix.issues,
      work(stats),
    )
  }

  // 3. At least one escape: the run goes on to its end and cannot end in a 422. A chain that reaches a non-finite
  //    state after the pilot is censored there (counted, with a warning) and the run goes on.
  while (!stats.done) stats = runner.advance(Infinity)
  if (stats.nonFinite > 0)
    warnings.push(
      warning(
        'non-finite-state',
        `${stats.nonFinite} chains overflowed after the pilot: censored, not exits.`,
        req.optimizer,
      ),
    )

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
          'iterations and are right-censored; the mean is then the exponential MLE, which assumes memoryless escapes.',
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
