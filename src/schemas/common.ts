/**
 * Shared valibot pieces of the request and response schemas (docs/api.md#conventions, "Escape time",
 * "Landscape", "Simulation"). Request pieces use only actions that @valibot/to-json-schema can express
 * (gtValue/ltValue → exclusiveMinimum/exclusiveMaximum, integer, min/max length), no transforms, so the
 * OpenAPI document describes exactly what is validated. Cross-field rules (lengths that must equal the
 * dimension, symmetry and positive definiteness of a Hessian) are checked by the core functions, which
 * name the dotted field path of each problem.
 */
import * as v from 'valibot'

/** Largest dimension the theory endpoints accept (docs/api.md#escape-time: d ≤ 256). */
export const MAX_DIMENSION = 256

/** Tail index of the gradient noise for the escape theory: α ∈ (1, 2), open (docs/theory.md#theorem-1). */
export const EscapeAlpha = v.pipe(
  v.number(),
  v.gtValue(1),
  v.ltValue(2),
  v.description('Tail index α of the symmetric α-stable gradient noise, in the open interval (1, 2).'),
)

/** Tail index of an SαS law: α ∈ (0, 2] (docs/theory.md#sas-law). */
export const StableAlpha = v.pipe(
  v.number(),
  v.gtValue(0),
  v.maxValue(2),
  v.description('Tail index α of the symmetric α-stable law, in (0, 2]; α = 2 is the Gaussian N(0, 2σ²).'),
)

/** Learning rate η ∈ (0, 1), open (docs/theory.md#sgd-sde: ε = η^((α−1)/α) < 1). */
export const LearningRate = v.pipe(
  v.number(),
  v.gtValue(0),
  v.ltValue(1),
  v.description('Learning rate η in the open interval (0, 1).'),
)

/** A strictly positive number. */
export const PositiveNumber = v.pipe(v.number(), v.gtValue(0))

/** Noise model of the multivariate driver (docs/theory.md#levy-measure, docs/theory.md#noise-models). */
export const NoiseModel = v.pipe(
  v.picklist(['axis', 'isotropic']),
  v.description(
    'Multivariate noise model: "axis" = independent SαS coordinates (Lévy measure on the axes, the default), ' +
      '"isotropic" = rotation-invariant SαS vector (/docs/theory#levy-measure).',
  ),
)

/** Normalisation of the Lévy measure (docs/theory.md#normalisation). */
export const Normalization = v.pipe(
  v.picklist(['stable', 'unit']),
  v.description(
    'Lévy-density constant: "stable" = c_α (noise scales in SαS(1) units, the default), ' +
      '"unit" = c = 1 (the paper\'s literal unit kernel |y|^(−1−α)). Never mixed (/docs/theory#normalisation).',
  ),
)

/** Seed of a stochastic computation: a non-negative safe integer. */
export const Seed = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(Number.MAX_SAFE_INTEGER),
  v.description('Seed of the random generator (a non-negative integer).'),
)

/** Noise scale: one σ > 0 for every coordinate, or one per coordinate (Σ* = diag(σ)). */
const NoiseScale = v.union(
  [
    v.pipe(v.number(), v.gtValue(0)),
    v.pipe(v.array(v.pipe(v.number(), v.gtValue(0))), v.minLength(1), v.maxLength(MAX_DIMENSION)),
  ],
  'scale must be a positive number or an array of positive numbers (one per coordinate)',
)

/** Noise of the escape-time and simulate requests: Σ* = diag(σ) and the multivariate model. */
export const Noise = v.strictObject({
  scale: v.pipe(
    NoiseScale,
    v.description('SαS scale σ of the gradient noise (SαS(1) units): one number, or one per coordinate.'),
  ),
  model: v.optional(NoiseModel, 'axis'),
})

/** Adam's preconditioner: "auto" (q_i = σ_i/σ̄, σ̄ the α-power mean of σ, docs/theory.md#sgd-vs-adam, docs/theory.md#adam-preconditioner) or q_i > 0. */
export const Preconditioner = v.pipe(
  v.union(
    [v.literal('auto'), v.pipe(v.array(v.pipe(v.number(), v.gtValue(0))), v.minLength(1), v.maxLength(MAX_DIMENSION))],
    'preconditioner must be "auto" or an array of positive numbers (one per coordinate)',
  ),
  v.description(
    'Adam\'s frozen preconditioner Q* = diag(q): "auto" sets q_i = σ_i/σ̄ with σ̄ = ((1/d)Σσ_i^α)^(1/α), ' +
      "the α-power mean with Adam's α (/docs/theory#sgd-vs-adam, /docs/theory#adam-preconditioner); or the q_i = sqrt(v_i*) + ν of a real Adam state.",
  ),
)

/** Interval basin (θ* − left, θ* + right), d = 1 (docs/theory.md#interval-exit-mass). */
export const IntervalBasin = v.strictObject({
  kind: v.literal('interval'),
  left: v.pipe(v.number(), v.gtValue(0), v.description('Distance a > 0 from the minimum to the left wall.')),
  right: v.pipe(v.number(), v.gtValue(0), v.description('Distance b > 0 from the minimum to the right wall.')),
})

const Height = v.pipe(
  v.number(),
  v.gtValue(0),
  v.description(
    'Barrier height h > 0: the loss rise at the basin rim, Ω = {½xᵀHx < h} (/docs/theory#barrier-convention).',
  ),
)

/** Quadratic basin with H = diag(curvatures). */
export const QuadraticDiagonalBasin = v.strictObject({
  kind: v.literal('quadratic'),
  curvatures: v.pipe(
    v.array(v.pipe(v.number(), v.gtValue(0))),
    v.minLength(1),
    v.maxLength(MAX_DIMENSION),
    v.description('Eigen-curvatures λ_i > 0 of a diagonal Hessian H = diag(λ); d = length.'),
  ),
  height: Height,
})

/** Quadratic basin with a full symmetric positive-definite Hessian. */
export const QuadraticHessianBasin = v.strictObject({
  kind: v.literal('quadratic'),
  hessian: v.pipe(
    v.array(v.pipe(v.array(v.number()), v.minLength(1), v.maxLength(MAX_DIMENSION))),
    v.minLength(1),
    v.maxLength(MAX_DIMENSION),
    v.description('Full Hessian H (d × d, symmetric positive definite), as an array of rows.'),
  ),
  height: Height,
})

/** A basin of the escape-time calculator (docs/api.md#escape-time). */
export const Basin = v.variant('kind', [IntervalBasin, QuadraticDiagonalBasin, QuadraticHessianBasin])

/** Exit-direction probability (docs/theory.md#exit-location). */
export const ExitProbability = v.object({
  direction: v.pipe(
    v.string(),
    v.description('"left" | "right" (interval) or "axis-<i>" (quadratic, axis model; i is the 0-based coordinate).'),
  ),
  probability: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
})
