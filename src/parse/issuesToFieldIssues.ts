/**
 * The one converter of valibot issues into the core's `FieldIssue`s (src/result.ts), used by `parseInput`
 * for every caller (HTTP, widget, scripts).
 */
import type { BaseIssue, GenericSchema } from 'valibot'
import { getDotPath, safeParse } from 'valibot'
import type { FieldIssue } from '../result.ts'
import { issueMessage, nodeAt } from './issueMessage.ts'
import type { SchemaNode } from './schemaNode.ts'

/**
 * valibot issues as field issues with dotted paths. A union whose options all failed is replaced by the
 * issues of its closest option (the one with the fewest issues when run alone), so the caller sees which
 * nested field is wrong in the form it was evidently sending. Each message says
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
    const relativeBase =
      prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path === prefix ? '' : path
    if (nested && nested.length > 0 && depth < 4 && !typeOnly && issue.type === 'union' && schema) {
      // The closest form: re-run each option alone and report the issues of the one that fails least.
      const node = nodeAt(schema as SchemaNode, relativeBase)
      const options = node?.type === 'union' && Array.isArray(node.options) ? node.options : []
      let best: readonly BaseIssue<unknown>[] | undefined
      for (const option of options) {
        if (typeof option !== 'object' || option === null) continue
        const r = safeParse(option as unknown as GenericSchema, issue.input, { abortPipeEarly: true })
        if (!r.success && (!best || r.issues.length < best.length)) best = r.issues
      }
      if (best) {
        for (const sub of best) visit(sub, path, depth + 1)
        return
      }
    }
    if (nested && nested.length > 0 && depth < 4 && !typeOnly && (issue.type === 'union' || issue.type === 'variant')) {
      for (const sub of nested) visit(sub, path, depth + 1)
      return
    }
    add(path, issueMessage(issue, relativeBase, schema as SchemaNode | undefined))
  }
  for (const issue of issues) visit(issue, prefix, 0)
  return out
}
