/**
 * Lists every number in a JSON-like value (nested objects and arrays) that is not finite, with its
 * dotted path (`basin.hessian.1.0`), as `FieldIssue`s. Used on requests (valibot's number() admits
 * ±Infinity) and on responses (api.md: every number in a response is finite). Stops after `limit` hits.
 */
import type { FieldIssue } from '../result.ts'

export function nonFiniteIssues(value: unknown, limit = 20): FieldIssue[] {
  const out: FieldIssue[] = []
  const walk = (x: unknown, path: string): void => {
    if (out.length >= limit) return
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) out.push({ path, message: 'must be a finite number' })
      return
    }
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length && out.length < limit; i++) walk(x[i], path === '' ? `${i}` : `${path}.${i}`)
      return
    }
    if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) walk(v, path === '' ? k : `${path}.${k}`)
    }
  }
  walk(value, '')
  return out
}
