/**
 * RFC 9457 problem details, the body of every error response (docs/api.md#errors):
 * `{type, title, status, detail, errors: [{path, message}]}` with `Content-Type: application/problem+json`, plus
 * `work` (counts of the work done) on a 422 from a work budget.
 */
import * as v from 'valibot'

const FieldIssueSchema = v.object({
  path: v.pipe(
    v.string(),
    v.description('Dotted path of the offending field, e.g. `optimizers.sgd.alpha`; empty for the whole body.'),
  ),
  message: v.pipe(v.string(), v.description('What is wrong and how to fix it.')),
})

/** RFC 9457 problem details, the body of every error response, with field issues (docs/api.md#errors). */
export const Problem = v.pipe(
  v.object({
    type: v.pipe(v.string(), v.description('URI reference that identifies the problem type (documented on /docs).')),
    title: v.pipe(v.string(), v.description('Short summary of the problem type.')),
    status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
    detail: v.pipe(v.string(), v.description('What happened with this request and what to change.')),
    errors: v.array(FieldIssueSchema),
    work: v.optional(
      v.pipe(
        v.object({
          iterations: v.number(),
          noiseDraws: v.number(),
          hessianMultiplyAdds: v.number(),
          pilotIterations: v.number(),
          requestedIterations: v.number(),
        }),
        v.description("A 422 from the simulator's work rule: the work done and the limits (docs/api.md)."),
      ),
    ),
  }),
  v.metadata({ ref: 'Problem' }),
)

/** An RFC 9457 problem as sent (docs/api.md#errors). */
export type ProblemBody = v.InferOutput<typeof Problem>
