/**
 * Schemas of the trained-minima endpoints (docs/api.md#trained-minima): the model records of
 * `GET /v1/models[/{id}]`, the probe options of `POST /v1/models/{id}/probe`, `/v1/compare` and the
 * `options` part of the multipart `POST /v1/probe`, and their responses. Defaults are stated in the
 * descriptions; those that depend on the model (batchSize) are applied by the route.
 */
import * as v from 'valibot'
import { LearningRate, Seed } from './common.ts'
import { EscapeExperimentRows } from './escapeExperiment.ts'
import { EscapeTimeResponse } from './escapeTime.ts'
import { TailDiagnosticsSchema } from './tailIndex.ts'
import { Warnings } from './warning.ts'

/** The measures a probe can take, in the order they are reported (docs/api.md#trained-minima). */
export const MEASURES = ['loss', 'noise', 'curvature', 'sharpness', 'slice', 'escape'] as const

const int = (min: number, max: number, text: string) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max), v.description(text))
const positive = (text: string) => v.pipe(v.number(), v.gtValue(0), v.maxValue(1e6), v.description(text))

/** Options of a probe of a bundled model (docs/api.md#trained-minima); defaults stated per field. */
export const ProbeOptions = v.strictObject({
  measures: v.optional(
    v.pipe(
      v.array(v.picklist(MEASURES)),
      v.minLength(1),
      v.description('What to measure; default all. "escape" also runs noise, curvature and (without height) slice.'),
    ),
  ),
  radius: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0),
      v.maxValue(1e3),
      v.description('Probe θ* + radius·u, u a random unit direction from seed (default 0: the minimum itself).'),
    ),
    0,
  ),
  batchSize: v.optional(
    int(1, 4096, "Minibatch size for the gradient noise (default: the model's training batch size)."),
  ),
  batches: v.optional(int(8, 2000, 'Number of minibatches for the gradient noise (default 64).'), 64),
  noiseBatchSizes: v.optional(
    v.pipe(
      v.array(int(1, 4096, 'A minibatch size.')),
      v.minLength(1),
      v.maxLength(8),
      v.description(
        'Minibatch sizes at which to measure α̂ again (same batches and estimator), answered as noise.batchSizeCurve, e.g. [8, 16, 32, 64, 128]; each costs batches × size gradient evaluations.',
      ),
    ),
  ),
  topK: v.optional(int(1, 8, 'Number of top Hessian eigenvalues (default 4).'), 4),
  iterations: v.optional(
    int(
      2,
      200,
      'Lanczos steps, each one Hessian-vector product (exact when the model graph has hvp_<name> outputs, else finite differences; default 20; capped at the parameter count).',
    ),
    20,
  ),
  traceSamples: v.optional(int(2, 200, 'Rademacher vectors of the Hutchinson trace estimate (default 10).'), 10),
  sharpnessRadius: v.optional(
    positive('Radius ρ of the ball for the sharpness max_{‖δ‖≤ρ} F(θ+δ) − F(θ) (default 0.1).'),
    0.1,
  ),
  sharpnessDirections: v.optional(int(0, 100, 'Random directions tried for the sharpness (default 8).'), 8),
  ascentSteps: v.optional(int(0, 100, 'Projected gradient-ascent steps for the sharpness (default 5).'), 5),
  sliceRange: v.optional(positive('Half-width of the loss slice along the top eigenvector (default 1).'), 1),
  slicePoints: v.optional(int(3, 101, 'Points of the loss slice (default 21).'), 21),
  height: v.optional(
    positive('Barrier height h for "escape"; default: the smaller loss rise at the two ends of the slice.'),
  ),
  seed: v.optional(Seed, 1),
})

/** The `options` part of `POST /v1/probe` (a user's model has no record: its dynamics and data scale come here). */
export const UserProbeOptions = v.strictObject({
  ...ProbeOptions.entries,
  optimizer: v.optional(
    v.pipe(v.picklist(['sgd', 'adam']), v.description('Optimizer whose escape is predicted (default "sgd").')),
    'sgd',
  ),
  lr: v.optional(v.pipe(LearningRate, v.description('Its learning rate (default 0.01).')), 0.01),
  inputScale: v.optional(positive('Binary data only: network input = uint8 value × inputScale (default 1).'), 1),
})

/** The options of `POST /v1/probe` after parsing. */
export type UserProbeOptionsParsed = v.InferOutput<typeof UserProbeOptions>
/** The options of a bundled-model probe after parsing. */
export type ProbeOptionsParsed = v.InferOutput<typeof ProbeOptions>

const num = (text: string) => v.pipe(v.number(), v.description(text))

/** One bundled model in `GET /v1/models`: dataset, optimizer, architecture and headline metrics. */
export const ModelSummary = v.object({
  id: v.string(),
  dataset: v.string(),
  optimizer: v.picklist(['sgd', 'adam']),
  architecture: v.object({ kind: v.literal('mlp'), layers: v.array(v.number()), activation: v.literal('relu') }),
  parameters: num('Number of parameters.'),
  lr: num('Learning rate of training.'),
  batchSize: num('Training minibatch size.'),
  epochs: num('Training epochs.'),
  trainAccuracy: num('Accuracy on the training set.'),
  testAccuracy: num('Accuracy on the test set.'),
  trainLoss: num('Mean cross-entropy on the training set.'),
  testLoss: num('Mean cross-entropy on the test set.'),
  evalSamples: num('Size of the bundled evaluation set the probes use.'),
})

const ModelHistoryEntry = v.object({
  epoch: num('Epoch (0 = initialisation).'),
  trainLoss: num('Training loss.'),
  testAccuracy: num('Test accuracy.'),
  alpha: num(
    "Tail index of the gradient noise measured during training: the probe's coordinate-wise pooled log-moment estimator (/docs/theory#log-moment-estimator, /docs/theory#estimator-caveats; src/probe/gradientNoise.ts) on minibatch noise of the training set.",
  ),
})

/** A bundled model in `GET /v1/models/{id}`: its summary, training history and measured escapes. */
export const ModelDetail = v.object({
  ...ModelSummary.entries,
  history: v.array(ModelHistoryEntry),
  escapeExperiment: EscapeExperimentRows,
})

/** Answer of `GET /v1/models`. */
export const ModelList = v.object({ models: v.array(ModelSummary) })

const AlphaInterval = v.object({ lower: v.number(), upper: v.number(), confidence: v.number() })

/**
 * Answer of a probe (docs/api.md#trained-minima): the point, and each requested measure — loss, gradient noise and
 * its α, curvature, sharpness, slice, escape prediction (docs/theory.md#probe) — with warnings.
 */
export const ProbeResponse = v.object({
  model: v.pipe(
    v.record(v.string(), v.unknown()),
    v.description('The model record (a user model: its inferred architecture).'),
  ),
  point: v.object({ radius: v.number(), seed: v.number() }),
  loss: v.optional(
    v.object({
      value: num('Mean cross-entropy on the evaluation set.'),
      accuracy: num('Accuracy on the evaluation set.'),
    }),
  ),
  noise: v.optional(
    v.object({
      alpha: num(
        'Tail index of the gradient noise: log-moment estimator on i.i.d. minibatch noise (minibatch gradient minus full gradient, not centred again), each parameter without point masses divided by its median |noise| and pooled parameter by parameter (/docs/theory#coordinatewise-pooling).',
      ),
      interval: AlphaInterval,
      heavyTailed: v.boolean(),
      blockSize: num('K1 of the log-moment estimator.'),
      batches: num('Minibatches used.'),
      batchSize: num('Minibatch size.'),
      excludedParameters: num('Parameters left out of the tail index (= atoms.parameters).'),
      diagnostics: v.optional(TailDiagnosticsSchema),
      batchSizeCurve: v.optional(
        v.pipe(
          v.array(v.object({ batchSize: v.number(), alpha: v.number(), interval: AlphaInterval })),
          v.description(
            'α̂ (with its t interval) at each of noiseBatchSizes: how the tail index changes with the minibatch size.',
          ),
        ),
      ),
      atoms: v.pipe(
        v.object({
          parameters: num('Parameters whose noise has a point mass, left out of the tail index.'),
          reason: v.pipe(v.string(), v.description('Why they were left out ("" when none were).')),
        }),
        v.description(
          'Point masses: parameters whose minibatch noise repeats a value across minibatches or is exactly 0 (weights of inputs blank in most samples, rarely active units). A law with an atom is not α-stable, and an exact 0 would add ln ε ≈ −36 to the log-moments, so these are left out (/docs/theory#point-masses).',
        ),
      ),
      rowMajor: v.optional(
        v.pipe(
          v.object({ alpha: v.number(), interval: AlphaInterval, blockSize: v.number() }),
          v.description(
            'The same noise rows through the row-major pooled estimator of /docs/theory#pooled-estimator (the `alphaRowMajor` fields of the training histories), for comparison; biased on softmax gradients (see src/probe/gradientNoise.ts).',
          ),
        ),
      ),
    }),
  ),
  curvature: v.optional(
    v.object({
      eigenvalues: v.pipe(
        v.array(v.number()),
        v.description('Top-k Hessian eigenvalues (Lanczos Ritz values), descending.'),
      ),
      lambdaMin: num('Smallest Ritz value: the most negative eigenvalue found (an upper bound of λ_min).'),
      trace: num('Hutchinson estimate of tr(H).'),
      traceStandardError: num('Its standard error.'),
      method: v.pipe(
        v.picklist(['exact', 'finite-difference']),
        v.description(
          'How the Hessian-vector products were made: "exact" through the model graph\'s hvp_<name> outputs (R-operator), "finite-difference" from two gradients (models without those outputs). See /docs/theory#exact-hessian-vector-products.',
        ),
      ),
      hessianVectorProducts: num('Hessian-vector products made.'),
      step: v.optional(num('Finite-difference step h = u^(1/3)·max(1, ‖θ‖); only when method is "finite-difference".')),
    }),
  ),
  sharpness: v.optional(v.object({ radius: v.number(), value: num('Largest loss rise found within the radius.') })),
  slice: v.optional(
    v.object({ direction: v.literal('top-eigenvector'), t: v.array(v.number()), loss: v.array(v.number()) }),
  ),
  escape: v.optional(
    v.object({
      ...EscapeTimeResponse.entries,
      inputs: v.pipe(
        v.record(v.string(), v.unknown()),
        v.description('The /v1/escape-time request built from the measurements.'),
      ),
      noiseAlpha: v.pipe(
        v.object({
          method: v.literal('log-moment'),
          measured: v.number(),
          used: v.number(),
          consistent: v.boolean(),
        }),
        v.description(
          'The α the prediction used: the log-moment α̂ of the noise (measured) moved into [1.01, 1.99] (used), and the α-stable verdict of the noise diagnostics; when it is false the prediction is a model extrapolation (see warnings).',
        ),
      ),
    }),
  ),
  warnings: Warnings,
})

/** The answer of a probe (docs/api.md#trained-minima). */
export type ProbeOutput = v.InferOutput<typeof ProbeResponse>

/** Body of `POST /v1/compare`: the probe options and exactly two bundled model ids. */
export const CompareRequest = v.strictObject({
  ...ProbeOptions.entries,
  models: v.pipe(
    v.array(v.string()),
    v.length(2, 'give exactly two model ids: one trained with SGD and one with Adam'),
    v.description('Two model ids: one trained with SGD and one with Adam.'),
  ),
})

/** One row of the compare table: one optimizer's dynamics at one minimum, with its predicted escape. */
export const CompareRow = v.object({
  minimum: v.string(),
  optimizer: v.picklist(['sgd', 'adam']),
  alpha: v.number(),
  lr: v.number(),
  radonMeasure: v.number(),
  meanEscapeIterations: v.number(),
  regime: v.pipe(
    v.picklist(['asymptotic', 'single-step']),
    v.description('"single-step": this optimizer leaves this minimum within one step (/docs/theory#single-step).'),
  ),
})

/** Answer of `POST /v1/compare`: both probes and the table of predicted escapes. */
export const CompareResponse = v.object({
  probes: v.record(v.string(), ProbeResponse),
  table: v.array(CompareRow),
  warnings: Warnings,
})
