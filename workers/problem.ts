/**
 * RFC 9457 problem details (docs/api.md#errors). Every error answer of the Worker is built here:
 * `Content-Type: application/problem+json`, body `{type, title, status, detail, errors: [{path, message}]}`.
 * The `type` URIs point at the problems section of the `/docs` page.
 */
import type { Context } from 'hono'
import { invalidDetail } from '../src/parse/index.ts'
import type { Failure, FieldIssue, WorkCounts } from '../src/result.ts'
import type { ProblemBody } from '../src/schemas/index.ts'

/** Status → [slug of the problem type, title]. */
export const PROBLEM_TYPES: Record<number, readonly [string, string]> = {
  400: ['invalid-input', 'Invalid input'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unanswerable', 'Unanswerable input'],
  500: ['internal-error', 'Internal error'],
}

export type ProblemStatus = 400 | 404 | 405 | 413 | 415 | 422 | 500

/** The `type` URI of a status: `/docs#problem-<slug>`. */
export const problemType = (status: number): string => `/docs#problem-${(PROBLEM_TYPES[status] ?? ['error'])[0]}`

/** The problem body (exposed for tests and the docs page). */
export function problemBody(
  status: ProblemStatus,
  detail: string,
  errors: FieldIssue[] = [],
  work?: WorkCounts,
): ProblemBody {
  return {
    type: problemType(status),
    title: (PROBLEM_TYPES[status] ?? ['', 'Error'])[1],
    status,
    detail,
    errors: errors.map((e) => ({ path: e.path, message: e.message })),
    ...(work ? { work } : {}),
  }
}

/**
 * A problem response, titled with the standard title of its status. Extra headers (for example `Allow` on
 * a 405) may be passed.
 */
export function problem(
  c: Context,
  status: ProblemStatus,
  detail: string,
  errors: FieldIssue[] = [],
  headers: Record<string, string> = {},
  work?: WorkCounts,
): Response {
  c.header('Cache-Control', 'no-store')
  return new Response(JSON.stringify(problemBody(status, detail, errors, work)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

/** A core `Failure` as a problem: `invalid` → 400, `unanswerable` → 422 (src/result.ts). */
export function failureToProblem(c: Context, failure: Failure): Response {
  return failure.kind === 'invalid'
    ? problem(c, 400, failure.detail, failure.issues)
    : problem(c, 422, failure.detail, failure.issues, {}, failure.work)
}

/** The 400 problem for input that failed validation, one `errors` entry per field. */
export function validationProblem(c: Context, issues: FieldIssue[]): Response {
  return problem(c, 400, invalidDetail(issues), issues)
}
