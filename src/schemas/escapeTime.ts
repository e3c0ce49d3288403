/**
 * Request and response of the escape-time calculator (docs/api.md#escape-time; docs/theory.md#escape, docs/theory.md#calculator).
 * The request schema validates types and ranges; `escapeTime` (src/escape) additionally checks the
 * cross-field rules (lengths equal to the dimension, at least one optimizer, symmetric positive-definite
 * Hessian, d ≤ 256) and reports each problem with its dotted field path.
 */
import * as v from 'valibot'
import {
  Basin,
  EscapeAlpha,
  ExitProbability,
  LearningRate,
  Noise,
  NoiseModel,
  Normalization,
  Preconditioner,
} from './common.ts'
import { Warnings } from './warning.ts'

const SgdOptimizer = v.strictObject({
  alpha: EscapeAlpha,
  lr: LearningRate,
})

const AdamOptimizer = v.strictObject({
  alpha: EscapeAlpha,
  lr: LearningRate,
  preconditioner: v.optional(Preconditioner, 'auto'),
})

/**
 * Body of `POST /v1/escape-time` (docs/api.md#escape-time): the basin (interval, curvatures or Hessian), the noise
 * (scale, model), the normalisation and one or both optimizers (α, η; Adam's preconditioner). Unknown keys refused.
 */
export const EscapeTimeRequest = v.strictObject({
  basin: Basin,
  noise: Noise,
  normalization: v.optional(Normalization, 'stable'),
  optimizers: v.pipe(
    v.strictObject({
      sgd: v.optional(SgdOptimizer),
      adam: v.optional(AdamOptimizer),
    }),
    v.minEntries(1, 'give at least one of "sgd" and "adam"'),
    v.description('At least one of "sgd" and "adam".'),
  ),
})

const finite = (text: string) => v.pipe(v.number(), v.description(text))

const OptimizerEscape = v.object({
  alpha: finite('Tail index α used for this optimizer.'),
  lr: finite('Learning rate η used for this optimizer.'),
  epsilon: finite('Noise scale of the SDE, ε = η^((α−1)/α) (/docs/theory#sgd-sde).'),
  theta: finite('Θ(ε⁻¹) = (2c/α) ε^α, with c the normalisation constant (/docs/theory#normalisation).'),
  levyMass: finite('ν_L(W): Lévy mass of the exit set W (/docs/theory#exit-mass-general, /docs/theory#exit-mass).'),
  radonMeasure: finite('m(W) = ν_L(W)/(2c/α), independent of c (/docs/theory#normalisation).'),
  rate: finite('Exit rate in SDE time, λ = ε^α ν_L(W) = m(W) Θ(ε⁻¹).'),
  meanEscapeTime: finite('Mean escape time in SDE time, 1/λ (leading order; relative error O(ρ(ε)) unspecified).'),
  meanEscapeIterations: finite('Mean escape time in iterations, η^(−α)/ν_L(W) (leading order).'),
  exitProbabilities: v.optional(
    v.pipe(
      v.array(ExitProbability),
      v.description(
        'Exit-location probabilities m(W_U)/m(W) (/docs/theory#exit-location): interval, or quadratic axis model.',
      ),
    ),
  ),
  regime: v.pipe(
    v.picklist(['asymptotic', 'single-step']),
    v.description(
      '"single-step" when the mean escape is under one iteration or one noise step leaves the basin with ' +
        'probability ≥ ½: the basin is left within one step and meanEscapeIterations only says "immediately" ' +
        '(/docs/theory#single-step); "asymptotic" otherwise.',
    ),
  ),
  oneJumpIterations: v.optional(
    finite(
      'Interval only: 1/P(one step ησζ leaves the interval), with the exact SαS tails (/docs/theory#one-jump-proxy).',
    ),
  ),
})

const AdamEscape = v.object({
  ...OptimizerEscape.entries,
  preconditioner: v.pipe(v.array(v.number()), v.description('The preconditioner q used (Q* = diag(q)).')),
})

const Mechanisms = v.object({
  geometry: finite("ν_{α_S}(W_S)/ν_{α_S}(W_A): the effect of Adam's preconditioning alone (/docs/theory#sgd-vs-adam)."),
  tailIndex: finite("ν_{α_S}(W_A) η_S^{α_S} / (ν_{α_A}(W_A) η_S^{α_A}): the effect of Adam's tail index."),
  learningRate: finite("(η_S/η_A)^{α_A}: the effect of Adam's learning rate."),
})

/**
 * Answer of `POST /v1/escape-time` (docs/api.md#escape-time): per optimizer the leading-order quantities, exit
 * probabilities, regime and warnings; with both, the ratio and its mechanism factors (docs/theory.md#sgd-vs-adam).
 */
export const EscapeTimeResponse = v.object({
  dimension: v.pipe(v.number(), v.integer(), v.description('Dimension d of the basin.')),
  normalization: Normalization,
  noiseModel: NoiseModel,
  sgd: v.optional(OptimizerEscape),
  adam: v.optional(AdamEscape),
  comparison: v.optional(
    v.object({
      iterationRatio: finite('adam.meanEscapeIterations / sgd.meanEscapeIterations.'),
      mechanisms: v.pipe(Mechanisms, v.description('Three factors whose product equals iterationRatio.')),
    }),
  ),
  warnings: Warnings,
})

/** An escape-time request after parsing: defaults applied, types narrowed (the input of `escapeTime`). */
export type EscapeTimeParsed = v.InferOutput<typeof EscapeTimeRequest>
/** The answer of `escapeTime` (docs/api.md#escape-time). */
export type EscapeTimeOutput = v.InferOutput<typeof EscapeTimeResponse>
/** One optimizer's part of an escape-time answer. */
export type OptimizerEscapeOutput = v.InferOutput<typeof OptimizerEscape>
