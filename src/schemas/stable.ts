/**
 * Schemas of the symmetric α-stable endpoints (docs/api.md#stable-law,
 * docs/theory.md#sas-law): SαS(σ) with characteristic function exp(−|σu|^α), β = 0.
 */
import * as v from 'valibot'
import { Seed } from './common.ts'

/** Largest `x` / `p` array accepted by pdf, cdf and quantile (docs/api.md: 1..1000). */
export const MAX_POINTS = 1000
/** Largest `n` accepted by the sampler (docs/api.md: 1..100000). */
export const MAX_SAMPLES = 100_000
/** Seed used when a request gives none (echoed in the response). */
export const DEFAULT_SEED = 1

const finite = v.pipe(v.number(), v.finite())

export const StableAlpha = v.pipe(
  v.number(),
  v.finite(),
  v.gtValue(0, 'alpha must be in (0, 2]'),
  v.maxValue(2, 'alpha must be in (0, 2]'),
  v.description('Tail index α ∈ (0, 2]; α = 2 is Gaussian N(0, 2σ²), α = 1 Cauchy.'),
)

export const StableScale = v.optional(
  v.pipe(
    v.number(),
    v.finite(),
    v.gtValue(0, 'scale must be > 0'),
    v.maxValue(1e150, 'scale must be at most 1e150'),
    v.description('Scale σ > 0 (default 1).'),
  ),
  1,
)

export const StablePointsRequest = v.object({
  alpha: StableAlpha,
  scale: StableScale,
  x: v.pipe(
    v.array(finite),
    v.minLength(1, 'x needs at least one point'),
    v.maxLength(MAX_POINTS, `x holds at most ${MAX_POINTS} points`),
  ),
})

export const StableQuantileRequest = v.object({
  alpha: StableAlpha,
  scale: StableScale,
  p: v.pipe(
    v.array(v.pipe(v.number(), v.gtValue(0, 'p must be in (0, 1)'), v.ltValue(1, 'p must be in (0, 1)'))),
    v.minLength(1, 'p needs at least one probability'),
    v.maxLength(MAX_POINTS, `p holds at most ${MAX_POINTS} probabilities`),
  ),
})

export const StableSampleRequest = v.object({
  alpha: StableAlpha,
  scale: StableScale,
  n: v.pipe(
    v.number(),
    v.integer('n must be an integer'),
    v.minValue(1, 'n must be at least 1'),
    v.maxValue(MAX_SAMPLES, `n must be at most ${MAX_SAMPLES}`),
  ),
  seed: v.optional(Seed, DEFAULT_SEED),
})

const header = { alpha: finite, scale: finite }

export const StablePdfResponse = v.object({ ...header, x: v.array(finite), pdf: v.array(finite) })
export const StableCdfResponse = v.object({ ...header, x: v.array(finite), cdf: v.array(finite) })
export const StableQuantileResponse = v.object({ ...header, p: v.array(finite), quantile: v.array(finite) })
export const StableSampleResponse = v.object({ ...header, seed: v.number(), samples: v.array(finite) })

export type StablePointsInput = v.InferOutput<typeof StablePointsRequest>
export type StableQuantileInput = v.InferOutput<typeof StableQuantileRequest>
export type StableSampleInput = v.InferOutput<typeof StableSampleRequest>
