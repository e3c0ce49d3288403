/**
 * Request and response of the Monte-Carlo simulator of the discrete SGD/Adam dynamics (docs/api.md#simulation
 * ; docs/theory.md#algorithms, docs/theory.md#validation-1d, docs/theory.md#validation-2d). The request schema validates types and ranges; `simulate`
 * (src/simulate) additionally checks the cross-field rules (one of curvatures/hessian, lengths equal to the
 * dimension, symmetric positive-definite Hessian, a preconditioner only for Adam) and names the dotted path
 * of each problem.
 */
import * as v from 'valibot'
import {
  ExitProbability,
  IntervalBasin,
  LearningRate,
  Noise,
  NoiseModel,
  Preconditioner,
  QuadraticDiagonalBasin,
  QuadraticHessianBasin,
  Seed,
  StableAlpha,
} from './common.ts'
import { Warnings } from './warning.ts'

/** Largest number of chains per request. */
const MAX_CHAINS = 10_000
/** Default number of chains. */
const DEFAULT_CHAINS = 1000
/** Default per-chain iteration limit. */
const DEFAULT_MAX_ITERATIONS = 100_000
/** Largest per-chain iteration limit a request may ask for (the work caps bound the run anyway). */
const MAX_ITERATIONS_LIMIT = 100_000_000
/** Seed used when the request gives none (echoed in the response). */
export const DEFAULT_SEED = 1

/** Interval basin of the simulator: the escape-time interval plus the drift curvature κ (drift −κθ). */
const SimulateIntervalBasin = v.strictObject({
  ...IntervalBasin.entries,
  curvature: v.optional(
    v.pipe(
      v.number(),
      v.gtValue(0),
      v.description('Curvature κ > 0 of the loss ½κθ² inside the interval: the drift is −κθ (default 1).'),
    ),
    1,
  ),
})

/** A basin of the simulator (docs/api.md#simulation). */
const SimulateBasin = v.variant('kind', [SimulateIntervalBasin, QuadraticDiagonalBasin, QuadraticHessianBasin])

/**
 * Body of `POST /v1/simulate` (docs/api.md#simulation): optimizer, α, η, basin, noise, chains, iteration cap and seed
 * (docs/theory.md#simulator).
 */
export const SimulateRequest = v.strictObject({
  optimizer: v.pipe(v.picklist(['sgd', 'adam']), v.description('Which discrete dynamics to simulate.')),
  alpha: v.pipe(
    StableAlpha,
    v.description('Tail index α ∈ (0, 2] of the SαS noise (α = 2: Gaussian, outside the Lévy theory).'),
  ),
  lr: LearningRate,
  basin: SimulateBasin,
  noise: Noise,
  preconditioner: v.optional(
    v.pipe(
      Preconditioner,
      v.description('Adam only: Q* = diag(q), or "auto" (the default for Adam); G_d = Q⁻¹, G = Q⁻¹Σ.'),
    ),
  ),
  chains: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(MAX_CHAINS),
      v.description('Independent chains (default 1000).'),
    ),
    DEFAULT_CHAINS,
  ),
  maxIterations: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(MAX_ITERATIONS_LIMIT),
      v.description('Per-chain iteration limit (default 100000); the work caps may lower it (see iterationCap).'),
    ),
    DEFAULT_MAX_ITERATIONS,
  ),
  seed: v.optional(Seed, DEFAULT_SEED),
})

const num = (text: string) => v.pipe(v.number(), v.description(text))
const count = (text: string) => v.pipe(v.number(), v.integer(), v.minValue(0), v.description(text))

const SimulatedExit = v.object({
  ...ExitProbability.entries,
  count: count('Escaped chains that left in this direction.'),
  standardError: num('Binomial standard error of the frequency, sqrt(p(1 − p)/escaped).'),
})

/**
 * Answer of `POST /v1/simulate` (docs/api.md#simulation): escapes, the censored mean estimate with its interval
 * (docs/theory.md#simulation-estimator), exit directions, the theory value and warnings.
 */
export const SimulateResponse = v.object({
  optimizer: v.picklist(['sgd', 'adam']),
  alpha: num('Tail index α of the simulated noise.'),
  lr: num('Learning rate η.'),
  dimension: count('Dimension d of the basin.'),
  noiseModel: NoiseModel,
  preconditioner: v.optional(
    v.pipe(v.array(v.number()), v.description('Adam: the preconditioner q used (Q* = diag(q)).')),
  ),
  meanEscapeIterations: num(
    'Exponential maximum-likelihood estimate with right-censoring: (sum of iterations over all chains) / escaped.',
  ),
  standardError: num('meanEscapeIterations / sqrt(escaped) (asymptotic s.e. of the exponential MLE).'),
  chains: count('Chains simulated.'),
  escaped: count('Chains that left the basin within iterationCap iterations.'),
  censored: count('Chains still inside after iterationCap iterations (right-censored).'),
  iterationCap: count('Per-chain iteration limit actually applied: min(maxIterations, work cap / chains).'),
  noiseDraws: count('Scalar noise draws made (SαS, or normal + mixing draws for the isotropic model).'),
  seed: count('Seed used (the default when the request gave none).'),
  exitProbabilities: v.optional(
    v.pipe(
      v.array(SimulatedExit),
      v.description(
        'Exit-direction frequencies among escaped chains: "left"/"right" for an interval; for a quadratic basin ' +
          '"axis-<i>" (0-based) with i = argmax_j H_jj x_j² at the first point x outside the basin.',
      ),
    ),
  ),
  theory: v.optional(
    v.pipe(
      v.object({
        meanEscapeIterations: num('Leading-order η^(−α)/ν_L(W) from the escape-time calculator (c = c_α).'),
        oneJumpIterations: v.optional(num('Interval only: 1/P(one step η σ ζ leaves the interval).')),
        exitProbabilities: v.optional(v.array(ExitProbability)),
      }),
      v.description('The escape-time calculator for the same inputs; omitted (with a warning) for α ∉ (1, 2).'),
    ),
  ),
  ratioToTheory: v.optional(num('meanEscapeIterations / theory.meanEscapeIterations.')),
  ratioStandardError: v.optional(num('standardError / theory.meanEscapeIterations.')),
  warnings: Warnings,
})

/** A simulate request after parsing (the input of `simulate`). */
export type SimulateParsed = v.InferOutput<typeof SimulateRequest>
/** The answer of `simulate` (docs/api.md#simulation). */
export type SimulateOutput = v.InferOutput<typeof SimulateResponse>
/** The share of simulated exits through one direction. */
export type SimulatedExitOutput = v.InferOutput<typeof SimulatedExit>
