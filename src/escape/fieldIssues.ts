/**
 * Converts valibot issues into the core's `FieldIssue`s (src/result.ts): one entry per issue, with
 * the dotted path of the offending field (`optimizers.sgd.alpha`, `basin.hessian.2.0`) and valibot's
 * message ('' for the root).
 */
import * as v from 'valibot'
import type { FieldIssue } from '../result.ts'

export function fieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }))
}
