/**
 * Schemas of the symmetric α-stable endpoints (docs/theory.md#sas-law, docs/theory.md#scipy-mapping): μ + X
 * with X ~ SαS(σ), characteristic function exp(iμu − |σu|^α), β = 0 — scipy's `levy_stable(alpha, 0, loc, scale)`.
 * Unknown keys are refused; `beta` is accepted only as 0.
 */
import * as v from 'valibot'
import { Seed } from './common.ts'
import { Warnings } from './warning.ts'

/** Largest `x` / `p` array accepted by pdf, cdf and quantile (docs/api.md: 1..1000). */
const MAX_POINTS = 1000
/** Largest `n` accepted by the sampler (docs/api.md: 1..100000). */
export const MAX_SAMPLES = 100_000
/** Seed used when a request gives none (echoed in the response). */
export const DEFAULT_SEED = 1

const finite = v.pipe(v.number(), v.finite())

/** Stability index α ∈ (0, 2] of the SαS law (docs/theory.md#sas-law). */
export const StableAlpha = v.pipe(
  v.number(),
  v.finite(),
  v.gtValue(0, 'alpha must be in (0, 2]'),
  v.maxValue(2, 'alpha must be in (0, 2]'),
  v.description('Tail index α ∈ (0, 2]; α = 2 is Gaussian N(0, 2σ²), α = 1 Cauchy.'),
)

const StableScale = v.optional(
  v.pipe(
    v.number(),
    v.finite(),
    v.gtValue(0, 'scale must be > 0'),
    v.maxValue(1e150, 'scale must be at most 1e150'),
    v.description('Scale σ > 0 (default 1).'),
  ),
  1,
)

/** Location μ: the law of μ + X (default 0), as scipy's `loc`. */
const StableLoc = v.optional(
  v.pipe(
    v.number(),
    v.finite(),
    v.minValue(-1e300, 'loc must be at least -1e300'),
    v.maxValue(1e300, 'loc must be at most 1e300'),
    v.description("Location μ (default 0): the law of μ + X, as scipy's `loc`."),
  ),
  0,
)

/**
 * Skewness β: only the symmetric law is served, so the one accepted value is 0 (scipy's second shape
 * parameter); any other value is refused rather than ignored.
 */
const StableBeta = v.optional(
  v.pipe(
    v.literal(0, 'only the symmetric law (β = 0) is supported; leave `beta` out or send 0'),
    v.description('Skewness β: only 0 (the symmetric law) is supported; may be left out.'),
  ),
)

const lawEntries = { alpha: StableAlpha, beta: StableBeta, loc: StableLoc, scale: StableScale }

/**
 * Body of the pointwise stable endpoints (pdf, logpdf, cdf, sf; docs/api.md#stable-law): the law and the points x.
 */
export const StablePointsRequest = v.strictObject({
  ...lawEntries,
  x: v.pipe(
    v.array(finite),
    v.minLength(1, 'x needs at least one point'),
    v.maxLength(MAX_POINTS, `x holds at most ${MAX_POINTS} points`),
  ),
})

/** Body of `POST /v1/stable/quantile` (docs/api.md#stable-law): the law and probabilities p ∈ (0, 1). */
export const StableQuantileRequest = v.strictObject({
  ...lawEntries,
  p: v.pipe(
    v.array(v.pipe(v.number(), v.gtValue(0, 'p must be in (0, 1)'), v.ltValue(1, 'p must be in (0, 1)'))),
    v.minLength(1, 'p needs at least one probability'),
    v.maxLength(MAX_POINTS, `p holds at most ${MAX_POINTS} probabilities`),
  ),
})

/** Body of `POST /v1/stable/sample` (docs/api.md#stable-law): the law, the number of draws and the seed. */
export const StableSampleRequest = v.strictObject({
  ...lawEntries,
  n: v.pipe(
    v.number(),
    v.integer('n must be an integer'),
    v.minValue(1, 'n must be at least 1'),
    v.maxValue(MAX_SAMPLES, `n must be at most ${MAX_SAMPLES}`),
  ),
  seed: v.optional(Seed, DEFAULT_SEED),
})

const header = { alpha: finite, loc: finite, scale: finite }
const tail = { warnings: Warnings }

/** Answer of `/v1/stable/pdf`: the law, x and f(x) (docs/theory.md#sas-law). */
export const StablePdfResponse = v.object({ ...header, x: v.array(finite), pdf: v.array(finite), ...tail })
/** Answer of `/v1/stable/logpdf`: the law, x and log f(x). */
export const StableLogPdfResponse = v.object({ ...header, x: v.array(finite), logpdf: v.array(finite), ...tail })
/** Answer of `/v1/stable/cdf`: the law, x and P(X ≤ x). */
export const StableCdfResponse = v.object({ ...header, x: v.array(finite), cdf: v.array(finite), ...tail })
/** Answer of `/v1/stable/sf`: the law, x and P(X > x). */
export const StableSfResponse = v.object({ ...header, x: v.array(finite), sf: v.array(finite), ...tail })
/** Answer of `/v1/stable/quantile`: the law, p and the p-quantiles. */
export const StableQuantileResponse = v.object({ ...header, p: v.array(finite), quantile: v.array(finite), ...tail })
/** Answer of `/v1/stable/sample`: the law, the seed and the draws (docs/theory.md#cms-sampler). */
export const StableSampleResponse = v.object({ ...header, seed: v.number(), samples: v.array(finite), ...tail })
