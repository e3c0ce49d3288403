/**
 * RFC 9457 problem details (docs/api.md#errors). Every error answer of the Worker is built here:
 * `Content-Type: application/problem+json`, body `{type, title, status, detail, errors: [{path, message}]}`.
 * The `type` URIs point at the problems section of the `/docs` page.
 */
import type { Context } from 'hono'
import type { BaseIssue } from 'valibot'
import { getDotPath } from 'valibot'
import type { Failure, FieldIssue } from '../src/result.ts'
import type { ProblemBody } from '../src/schemas/problem.ts'
import { issueMessage } from './http/issueMessage.ts'
import type { SchemaNode } from './http/schemaNode.ts'

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
  title: string | undefined,
  detail: string,
  errors: FieldIssue[] = [],
): ProblemBody {
  return {
    type: problemType(status),
    title: title ?? (PROBLEM_TYPES[status] ?? ['', 'Error'])[1],
    status,
    detail,
    errors: errors.map((e) => ({ path: e.path, message: e.message })),
  }
}

/**
 * A problem response. `title` defaults to the standard title of the status when undefined.
 * Extra headers (for example `Allow` on a 405) may be passed.
 */
export function problem(
  c: Context,
  status: ProblemStatus,
  title: string | undefined,
  detail: string,
  errors: FieldIssue[] = [],
  headers: Record<string, string> = {},
): Response {
  c.header('Cache-Control', 'no-store')
  return new Response(JSON.stringify(problemBody(status, title, detail, errors)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

/** A core `Failure` as a problem: `invalid` → 400, `unanswerable` → 422 (src/result.ts). */
export function failureToProblem(c: Context, failure: Failure): Response {
  return failure.kind === 'invalid'
    ? problem(c, 400, undefined, failure.detail, failure.issues)
    : problem(c, 422, undefined, failure.detail, failure.issues)
}

/**
 * valibot issues as field issues with dotted paths. A union whose options all failed is replaced by the
 * issues of its options (deduplicated), so the caller sees which nested field is wrong. Each message says
 * the broken constraint, the received value and, from `schema` (the validated schema, paths relative to
 * `prefix`), the field's description (`issueMessage`).
 */
export function issuesToFieldIssues(
  issues: readonly BaseIssue<unknown>[],
  prefix = '',
  schema?: unknown,
): FieldIssue[] {
  const out: FieldIssue[] = []
  const seen = new Set<string>()
  const add = (path: string, message: string): void => {
    const key = `${path}\u0000${message}`
    if (seen.has(key) || out.length >= 50) return
    seen.add(key)
    out.push({ path, message })
  }
  // Issues nested in a union carry paths relative to the union's own position.
  const visit = (issue: BaseIssue<unknown>, base: string, depth: number): void => {
    const path = [base, getDotPath(issue) ?? ''].filter(Boolean).join('.')
    const nested = issue.issues as readonly BaseIssue<unknown>[] | undefined
    // A union refused by the type of every option is one issue ("must be a number or an array"); otherwise
    // the issues of its options name the nested field that is wrong.
    const typeOnly = issue.type === 'union' && nested?.every((sub) => sub.kind === 'schema' && !getDotPath(sub))
    if (nested && nested.length > 0 && depth < 4 && !typeOnly && (issue.type === 'union' || issue.type === 'variant')) {
      for (const sub of nested) visit(sub, path, depth + 1)
      return
    }
    const relative =
      prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path === prefix ? '' : path
    add(path, issueMessage(issue, relative, schema as SchemaNode | undefined))
  }
  for (const issue of issues) visit(issue, prefix, 0)
  return out
}

/** The 400 problem for failed schema validation. */
export function validationProblem(c: Context, issues: FieldIssue[]): Response {
  const n = issues.length
  const first = issues[0]
  const detail =
    n === 1
      ? `The request has an invalid field${first.path ? ` \`${first.path}\`` : ''}: ${first.message}`
      : `The request has ${n} invalid fields; see \`errors\`.`
  return problem(c, 400, undefined, detail, issues)
}
