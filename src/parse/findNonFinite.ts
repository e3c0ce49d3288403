/**
 * Finds the first value in a JSON-like tree that must not cross the API boundary: a non-finite number
 * (NaN, ±Infinity — `JSON.parse('1e999')` gives Infinity), a `null`/`undefined`, or nesting deeper
 * than `maxDepth`. Iterative, so deeply nested input cannot overflow the stack; scalars inside arrays and
 * objects are checked in place and the dotted path is built only for the offending value (10^4 numbers
 * take well under a millisecond).
 */
export interface NonFiniteHit {
  /** Dotted path of the value (`''` for the root). */
  path: string
  kind: 'non-finite' | 'null' | 'too-deep'
}

interface Frame {
  value: object
  parent: Frame | undefined
  key: string | number
  depth: number
}

const pathOf = (frame: Frame | undefined, key?: string | number): string => {
  const parts: (string | number)[] = key === undefined ? [] : [key]
  for (let f = frame; f && f.parent !== undefined; f = f.parent) parts.push(f.key)
  return parts.reverse().join('.')
}

/**
 * The first value in a JSON-like tree that must not cross the API boundary — a non-finite number, a null or
 * undefined (unless `allowNull`), or nesting deeper than `maxDepth` — with its dotted path, or undefined when the
 * tree is clean (docs/api.md#errors). Iterative: deep input cannot overflow the stack.
 */
export function findNonFinite(root: unknown, maxDepth = 32, allowNull = false): NonFiniteHit | undefined {
  const scalar = (x: unknown): NonFiniteHit['kind'] | undefined => {
    if (typeof x === 'number') return Number.isFinite(x) ? undefined : 'non-finite'
    if (x === null || x === undefined) return allowNull ? undefined : 'null'
    return undefined
  }
  if (root === null || typeof root !== 'object') {
    const kind = scalar(root)
    return kind ? { path: '', kind } : undefined
  }
  const stack: Frame[] = [{ value: root, parent: undefined, key: '', depth: 0 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if (frame.depth >= maxDepth) return { path: pathOf(frame), kind: 'too-deep' }
    const visit = (x: unknown, key: string | number): NonFiniteHit | undefined => {
      if (x !== null && typeof x === 'object') {
        stack.push({ value: x, parent: frame, key, depth: frame.depth + 1 })
        return undefined
      }
      const kind = scalar(x)
      return kind ? { path: pathOf(frame, key), kind } : undefined
    }
    const value = frame.value
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const x = value[i]
        if (typeof x === 'number' && x - x === 0) continue
        const hit = visit(x, i)
        if (hit) return hit
      }
    } else {
      for (const key of Object.keys(value)) {
        const hit = visit((value as Record<string, unknown>)[key], key)
        if (hit) return hit
      }
    }
  }
  return undefined
}
