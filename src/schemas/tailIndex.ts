/**
 * Schemas of `POST /v1/tail-index` (docs/theory.md#tail-index): 1-D samples or a minibatch × coordinate
 * matrix; at most 250,000 numbers in all. Every shape and range is checked here; what depends on the data
 * (enough samples for two blocks, blockSize against their number) by validateTailIndexInput (src/tail).
 */
import * as v from 'valibot'
import { Warnings } from './warning.ts'

/** Most numbers accepted in `samples` (docs/api.md: at most 250,000 in all). */
const MAX_TAIL_NUMBERS = 250_000

const finite = v.pipe(v.number(), v.finite())

const Samples1d = v.pipe(
  v.array(finite),
  v.maxLength(MAX_TAIL_NUMBERS, `samples holds at most ${MAX_TAIL_NUMBERS} numbers`),
)

const Samples2d = v.pipe(
  v.array(v.pipe(v.array(finite), v.minLength(1, 'a row must not be empty'))),
  v.check(
    (rows) => rows.every((r) => r.length === rows[0].length),
    (issue) => {
      const rows = issue.input as number[][]
      const i = rows.findIndex((r) => r.length !== rows[0].length)
      return `every row must have the same length: row ${i} has ${rows[i]?.length} numbers, row 0 has ${rows[0]?.length}`
    },
  ),
  v.check(
    (rows) => rows.reduce((s, r) => s + r.length, 0) <= MAX_TAIL_NUMBERS,
    `samples holds at most ${MAX_TAIL_NUMBERS} numbers in all`,
  ),
)

/**
 * Body of `POST /v1/tail-index` (docs/api.md#tail-index): samples (1-D, or rows of a 2-D array), method, block
 * size, centring, standardisation, confidence and diagnostics options.
 */
export const TailIndexRequest = v.strictObject({
  samples: v.pipe(
    v.union([Samples1d, Samples2d], 'samples must be an array of numbers or an array of equal-length rows of numbers'),
    v.description('1-D samples, or rows = minibatches × columns = coordinates.'),
  ),
  method: v.optional(
    v.pipe(
      v.picklist(['pooled', 'vector']),
      v.description(
        '2-D input only; default "pooled" (/docs/theory#pooled-estimator); "vector" = /docs/theory#log-moment-estimator on the Euclidean norms of rows.',
      ),
    ),
  ),
  standardize: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'Pooled 2-D only; default true: divide each column by its median |x| first (/docs/theory#estimator-caveats).',
      ),
    ),
  ),
  center: v.optional(v.pipe(v.boolean(), v.description('Default false: subtract the (column) mean first.'))),
  blockSize: v.optional(
    v.pipe(
      v.number(),
      v.safeInteger('blockSize must be an integer'),
      v.minValue(2, 'blockSize must be at least 2'),
      v.description('K1 of the log-moment estimator (/docs/theory#log-moment-estimator).'),
    ),
  ),
  confidence: v.optional(
    v.pipe(
      v.number(),
      v.gtValue(0, 'confidence must be in (0, 1)'),
      v.ltValue(1, 'confidence must be in (0, 1)'),
      v.description('Default 0.95.'),
    ),
  ),
  diagnostics: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'Default false. True adds `diagnostics`: four estimators with bootstrap intervals, α̂ across block sizes and an α-stable goodness-of-fit verdict. 2-D samples are pooled coordinate by coordinate (point-mass columns left out), 1-D samples used as they are.',
      ),
    ),
  ),
})

const finiteOut = v.pipe(v.number(), v.finite())

const DiagnosticInterval = v.object({ lower: finiteOut, upper: finiteOut, confidence: finiteOut })

/** The tail-index diagnostics (docs/theory.md#tail-index-diagnostics), shared by /v1/tail-index and the probes. */
export const TailDiagnosticsSchema = v.pipe(
  v.object({
    estimators: v.pipe(
      v.array(
        v.object({
          method: v.picklist(['log-moment', 'mcculloch', 'cf-regression', 'hill']),
          alpha: finiteOut,
          interval: v.pipe(
            DiagnosticInterval,
            v.description('Percentile bootstrap interval resampling whole minibatches (block rows for log-moment).'),
          ),
        }),
      ),
      v.description(
        'α̂ by the log-moment estimator (main block size), McCulloch 1986 quantiles, characteristic-function regression (Koutrouvelis 1980) and Hill 1975 on |x| with the KS-minimising threshold (Hill > 2: finite-variance tails; not part of the verdict). An estimator is left out, with a warning, when there are too few values for it.',
      ),
    ),
    blockSizes: v.pipe(
      v.array(v.object({ blockSize: finiteOut, alpha: finiteOut })),
      v.description('Log-moment α̂ at K1 = 2, 4, 8, … and the main K1: for α-stable data it does not depend on K1.'),
    ),
    goodnessOfFit: v.object({
      ksDistance: v.pipe(
        finiteOut,
        v.description('KS distance of the (pooled, standardised) data to the SαS fitted by McCulloch.'),
      ),
      ksReference: v.pipe(
        finiteOut,
        v.description(
          'Mean KS distance of simulated SαS data of the same shape, standardised and fitted the same way.',
        ),
      ),
      consistent: v.pipe(
        v.boolean(),
        v.description('False when any reason fired: the data are not described by one α-stable law.'),
      ),
      reasons: v.pipe(
        v.array(v.string()),
        v.description('The checks that failed (estimator spread, drift of 1/α̂ with K1, KS distance, point masses).'),
      ),
    }),
  }),
  v.description(
    'Estimators, block-size curve and α-stable goodness-of-fit verdict; thresholds calibrated in docs/tail-diagnostics.md (/docs/theory#tail-index-diagnostics).',
  ),
)

/**
 * Answer of `POST /v1/tail-index` (docs/api.md#tail-index): α̂, 1/α̂, the interval, the SαS scale, the block
 * layout, warnings and optional diagnostics (docs/theory.md#tail-index).
 */
export const TailIndexResponse = v.object({
  alpha: finiteOut,
  inverseAlpha: finiteOut,
  blockSize: finiteOut,
  blocks: finiteOut,
  used: finiteOut,
  method: v.picklist(['scalar', 'pooled', 'vector']),
  interval: v.object({ lower: finiteOut, upper: finiteOut, confidence: finiteOut }),
  heavyTailed: v.boolean(),
  scale: v.optional(finiteOut),
  diagnostics: v.optional(TailDiagnosticsSchema),
  warnings: Warnings,
})

/** A tail-index request after parsing (the input of `estimateTailIndex`). */
export type TailIndexParsed = v.InferOutput<typeof TailIndexRequest>
