/**
 * The one parse step of every request (docs/api.md#errors), shared by the HTTP routes, the widget and any
 * caller holding unknown data: a JSON-like value becomes the typed input of a core function, or an `invalid`
 * Failure with one `FieldIssue` per bad field and its dotted path.
 * 1. The boundary guard (`findNonFinite`): a non-finite number, a null or nesting deeper than `MAX_DEPTH`
 *    is refused first (valibot's `number()` admits ±Infinity, and `null` is never a value of this API).
 * 2. The valibot schema, strict: unknown keys are refused with "did you mean" (`issueMessage`).
 * 3. Every issue in plain words (`issuesToFieldIssues`).
 * Core functions take the parsed output and check only what depends on the data together.
 */
import type { GenericSchema, InferOutput } from 'valibot'
import { safeParse } from 'valibot'
import { type FieldIssue, invalid, type Result, success } from '../result.ts'
import { findNonFinite } from './findNonFinite.ts'
import { issuesToFieldIssues } from './issuesToFieldIssues.ts'

/** Deepest nesting accepted in a request (no endpoint needs more than 4). */
const MAX_DEPTH = 32

/** The `detail` of an invalid request: the field and its message, or the count. */
export function invalidDetail(issues: FieldIssue[]): string {
  if (issues.length !== 1) return `The request has ${issues.length} invalid fields; see \`errors\`.`
  const first = issues[0]
  return `The request has an invalid field${first.path ? ` \`${first.path}\`` : ''}: ${first.message}`
}

/** The boundary issues of a value: the first non-finite number, null or too-deep nesting. */
function boundaryIssues(value: unknown): FieldIssue[] {
  const hit = findNonFinite(value, MAX_DEPTH)
  if (!hit) return []
  const message =
    hit.kind === 'too-deep'
      ? `nested more than ${MAX_DEPTH} levels deep`
      : hit.kind === 'null'
        ? 'must not be null; leave the field out to use its default'
        : 'must be a finite number'
  return [{ path: hit.path, message }]
}

/**
 * Parses `value` with `schema`. `prefix` is prepended to the dotted paths (for a part of a larger request,
 * such as the `options` part of a multipart upload).
 */
export function parseInput<S extends GenericSchema>(schema: S, value: unknown, prefix = ''): Result<InferOutput<S>> {
  const boundary = boundaryIssues(value).map((i) => ({
    path: [prefix, i.path].filter(Boolean).join('.'),
    message: i.message,
  }))
  if (boundary.length > 0) return invalid(invalidDetail(boundary), boundary)
  const parsed = safeParse(schema, value, { abortPipeEarly: true })
  if (parsed.success) return success(parsed.output)
  const issues = issuesToFieldIssues(parsed.issues, prefix, schema)
  return invalid(invalidDetail(issues), issues)
}

/**
 * Parse, then compute: `parseAndCompute(EscapeTimeRequest, escapeTime)(body)` for callers that hold
 * unknown data (scripts, tests, a client's own JSON).
 */
export const parseAndCompute =
  <S extends GenericSchema, T>(schema: S, compute: (input: InferOutput<S>) => Result<T>) =>
  (value: unknown): Result<T> => {
    const parsed = parseInput(schema, value)
    return parsed.ok ? compute(parsed.value) : parsed
  }
