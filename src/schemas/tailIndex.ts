/**
 * Schemas of `POST /v1/tail-index` (docs/api.md#tail-index, docs/theory.md#tail-index): 1-D samples or a
 * minibatch × coordinate matrix; at most 250,000 numbers in all. Defaults are applied by the estimator.
 */
import * as v from 'valibot'

/** Most numbers accepted in `samples` (docs/api.md: at most 250,000 in all). */
export const MAX_TAIL_NUMBERS = 250_000

const finite = v.pipe(v.number(), v.finite())

const Samples1d = v.pipe(
  v.array(finite),
  v.maxLength(MAX_TAIL_NUMBERS, `samples holds at most ${MAX_TAIL_NUMBERS} numbers`),
)

const Samples2d = v.pipe(
  v.array(v.array(finite)),
  v.check((rows) => rows.every((r) => r.length === rows[0].length), 'every row of samples must have the same length'),
  v.check(
    (rows) => rows.reduce((s, r) => s + r.length, 0) <= MAX_TAIL_NUMBERS,
    `samples holds at most ${MAX_TAIL_NUMBERS} numbers in all`,
  ),
)

export const TailIndexRequest = v.object({
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
})

const finiteOut = v.pipe(v.number(), v.finite())

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
  warnings: v.array(v.string()),
})

export type TailIndexInput = v.InferOutput<typeof TailIndexRequest>
