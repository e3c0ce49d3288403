/**
 * One row of the measured escape experiment (docs/escape-experiment.md): for one committed minimum, optimizer and
 * learning rate, the measured mean first-exit iteration of the real optimizer on the real network (censoring-aware,
 * with its 95% interval) beside every prediction the product makes from the measurements at θ*. Served as
 * `escapeExperiment` by `GET /v1/models/{id}` and committed in docs/img/escape-experiment.json.
 */
import * as v from 'valibot'

const iterations = (text: string) => v.optional(v.pipe(v.number(), v.gtValue(0), v.description(text)))

const EscapeExperimentRow = v.object({
  model: v.pipe(v.string(), v.description('Id of the committed minimum the runs started from.')),
  optimizer: v.pipe(v.picklist(['sgd', 'adam']), v.description('The optimizer run from θ*.')),
  lr: v.pipe(v.number(), v.gtValue(0), v.description('Learning rate η of the runs.')),
  runs: v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Independent runs (fresh minibatch streams).')),
  censored: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0),
    v.description('Runs that had not left when the iteration cap was reached (right-censored).'),
  ),
  exit: v.pipe(
    v.picklist(['subspace', 'loss']),
    v.description(
      '"subspace": ½ Σ_{i≤k} λ_i ⟨v_i, θ − θ*⟩² ≥ h in the top-k Hessian eigen-subspace; "loss": the training loss ' +
        'rose above L* + h.',
    ),
  ),
  measuredMeanIterations: iterations(
    'Censoring-aware maximum-likelihood mean exit iteration (iterations run / exits); absent when no run left.',
  ),
  measuredInterval: v.pipe(
    v.object({
      lower: v.pipe(v.number(), v.gtValue(0), v.description('Lower end of the exact 95% interval.')),
      upper: v.optional(
        v.pipe(
          v.number(),
          v.gtValue(0),
          v.description('Upper end of the exact 95% interval; absent (unbounded) when no run left.'),
        ),
      ),
    }),
    v.description('Exact (Garwood) 95% interval of the mean exit iteration under exponential exit times.'),
  ),
  predictedLevy: iterations('Leading-order escape time of the calculator, η^(−α)/ν_L(W); absent when it has none.'),
  simulatedLevy: iterations(
    'Simulator on the quadratic model with SαS noise of the measured α and scales; absent when no chain left.',
  ),
  simulatedGaussian: iterations(
    'The same simulation with Gaussian noise of the measured variances; absent when no chain left within the cap.',
  ),
  simulatedEmpirical: iterations(
    'The same quadratic model driven by the measured minibatch-noise vectors, resampled; absent when no chain left.',
  ),
})

/** One measured escape-experiment row, as answered. */
export type EscapeExperimentRowOutput = v.InferOutput<typeof EscapeExperimentRow>

/** Rows of the measured escape experiment of a bundled model (docs/escape-experiment.md). */
export const EscapeExperimentRows = v.pipe(
  v.array(EscapeExperimentRow),
  v.description(
    'The measured escape experiment from this minimum (docs/escape-experiment.md): one row per optimizer, learning ' +
      'rate and exit definition; empty when the model was not part of it.',
  ),
)
