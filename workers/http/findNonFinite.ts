/**
 * Finds the first value in a JSON-like tree that must not cross the API boundary: a non-finite number
 * (NaN, ±Infinity — `JSON.parse('1e999')` gives Infinity), a `null`/`undefined`, or nesting deeper
 * than `maxDepth`. Iterative, so deeply nested input cannot overflow the stack.
 */
export interface NonFiniteHit {
  /** Dotted path of the value (`''` for the root). */
  path: string
  kind: 'non-finite' | 'null' | 'too-deep'
}

export function findNonFinite(root: unknown, maxDepth = 32, allowNull = false): NonFiniteHit | undefined {
  const stack: [unknown, string, number][] = [[root, '', 0]]
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { path, kind: 'non-finite' }
    } else if (value === null || value === undefined) {
      if (!allowNull) return { path, kind: 'null' }
    } else if (typeof value === 'object') {
      if (depth >= maxDepth) return { path, kind: 'too-deep' }
      const join = (k: string | number): string => (path ? `${path}.${k}` : String(k))
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], join(i), depth + 1])
      } else {
        const keys = Object.keys(value)
        for (let i = keys.length - 1; i >= 0; i--) stack.push([(value as Record<string, unknown>)[keys[i]], join(keys[i]), depth + 1])
      }
    }
  }
  return undefined
}
