/**
 * RFC 9457 problem details, the body of every error response (docs/api.md#errors):
 * `{type, title, status, detail, errors: [{path, message}]}` with `Content-Type: application/problem+json`.
 */
import * as v from 'valibot'

export const FieldIssueSchema = v.object({
  path: v.pipe(
    v.string(),
    v.description('Dotted path of the offending field, e.g. `optimizers.sgd.alpha`; empty for the whole body.'),
  ),
  message: v.pipe(v.string(), v.description('What is wrong and how to fix it.')),
})

export const Problem = v.pipe(
  v.object({
    type: v.pipe(v.string(), v.description('URI reference that identifies the problem type (documented on /docs).')),
    title: v.pipe(v.string(), v.description('Short summary of the problem type.')),
    status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
    detail: v.pipe(v.string(), v.description('What happened with this request and what to change.')),
    errors: v.array(FieldIssueSchema),
  }),
  v.metadata({ ref: 'Problem' }),
)

export type ProblemBody = v.InferOutput<typeof Problem>
