/**
 * Lists every number in a JSON-like value (nested objects and arrays) that is not finite, with its
 * dotted path (`basin.hessian.1.0`), as `FieldIssue`s. Used on requests (valibot's number() admits
 * ±Infinity) and on responses (docs/api.md: every number in a response is finite). Stops after `limit` hits.
 * Paths are only built for the hits, so a 256 × 256 Hessian costs one pass over its numbers.
 */
import type { FieldIssue } from '../result.ts'

export function nonFiniteIssues(value: unknown, limit = 20): FieldIssue[] {
  const out: FieldIssue[] = []
  const keys: (string | number)[] = []
  const walk = (x: unknown): void => {
    if (out.length >= limit) return
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) out.push({ path: keys.join('.'), message: 'must be a finite number' })
      return
    }
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length && out.length < limit; i++) {
        const e = x[i]
        if (typeof e === 'number') {
          if (Number.isFinite(e)) continue
          keys.push(i)
          out.push({ path: keys.join('.'), message: 'must be a finite number' })
          keys.pop()
          continue
        }
        keys.push(i)
        walk(e)
        keys.pop()
      }
      return
    }
    if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>
      for (const k in o) {
        if (!Object.hasOwn(o, k)) continue
        const v = o[k]
        if (typeof v === 'number' && Number.isFinite(v)) continue
        keys.push(k)
        walk(v)
        keys.pop()
      }
    }
  }
  walk(value)
  return out
}
