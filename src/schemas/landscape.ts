/**
 * Request and response of the 1-D multi-basin landscape (docs/api.md#landscape;
 * docs/theory.md#landscape). `landscape` (src/escape) checks the cross-field rules: walls increasing,
 * n = walls.length + 1 minima, minima[i] strictly inside basin i, at least one optimizer.
 */
import * as v from 'valibot'
import { EscapeAlpha, LearningRate, Normalization, PositiveNumber } from './common.ts'
import { Warnings } from './warning.ts'

/** Most basins a landscape may have. */
const MAX_BASINS = 64

const LandscapeOptimizer = v.strictObject({ alpha: EscapeAlpha, lr: LearningRate })

/** Body of `POST /v1/landscape` (docs/api.md#landscape): walls, minima, noise scale and the optimizers. */
export const LandscapeRequest = v.strictObject({
  walls: v.pipe(
    v.array(v.number()),
    v.minLength(1),
    v.maxLength(MAX_BASINS - 1),
    v.description(
      'n − 1 strictly increasing basin boundaries; basin 0 is (−∞, walls[0]), basin n−1 is (walls[n−2], ∞).',
    ),
  ),
  minima: v.pipe(
    v.array(v.number()),
    v.minLength(2),
    v.maxLength(MAX_BASINS),
    v.description('n positions, minima[i] strictly inside basin i.'),
  ),
  noise: v.strictObject({
    scale: v.pipe(PositiveNumber, v.description('SαS scale σ > 0 of the gradient noise.')),
  }),
  normalization: v.optional(Normalization, 'stable'),
  optimizers: v.pipe(
    v.strictObject({ sgd: v.optional(LandscapeOptimizer), adam: v.optional(LandscapeOptimizer) }),
    v.minEntries(1, 'give at least one of "sgd" and "adam"'),
    v.description('At least one of "sgd" and "adam".'),
  ),
})

const LandscapeChain = v.object({
  rates: v.pipe(
    v.array(v.array(v.number())),
    v.description('n × n transition rates per iteration q_ij = η^α ν_L(W_ij), zero diagonal (/docs/theory#landscape).'),
  ),
  meanResidenceIterations: v.pipe(
    v.array(v.number()),
    v.description('1/Σ_j q_ij: mean iterations spent in basin i per visit.'),
  ),
  stationary: v.pipe(
    v.array(v.number()),
    v.description('Stationary weights π (πQ = 0, Σπ = 1) of the basin-hopping chain.'),
  ),
})

/**
 * Answer of `POST /v1/landscape` (docs/api.md#landscape): per optimizer the jump rates, mean residences and
 * stationary weights of the basin chain (docs/theory.md#landscape).
 */
export const LandscapeResponse = v.object({
  sgd: v.optional(LandscapeChain),
  adam: v.optional(LandscapeChain),
  normalization: Normalization,
  warnings: Warnings,
})

/** A landscape request after parsing (the input of `landscape`). */
export type LandscapeParsed = v.InferOutput<typeof LandscapeRequest>
/** The answer of `landscape` (docs/api.md#landscape). */
export type LandscapeOutput = v.InferOutput<typeof LandscapeResponse>
