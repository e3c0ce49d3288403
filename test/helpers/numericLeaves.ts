/**
 * Every number in a value (objects, arrays and typed arrays walked to the leaves) with its dotted path,
 * and the leaves that are neither numbers, strings nor booleans (null, undefined, functions). Tests use it
 * instead of scanning `JSON.stringify` output, which writes NaN and ±Infinity as `null` and so hides them.
 */
export interface Leaves {
  numbers: { path: string; value: number }[]
  /** Paths of leaves that are not a number, string or boolean. */
  other: string[]
}

export function numericLeaves(value: unknown): Leaves {
  const out: Leaves = { numbers: [], other: [] }
  const visit = (v: unknown, path: string): void => {
    if (typeof v === 'number') out.numbers.push({ path, value: v })
    else if (typeof v === 'string' || typeof v === 'boolean') return
    else if (Array.isArray(v) || ArrayBuffer.isView(v))
      Array.from(v as ArrayLike<unknown>).forEach((x, i) => visit(x, path ? `${path}.${i}` : String(i)))
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) visit(x, path ? `${path}.${k}` : k)
    else out.other.push(path)
  }
  visit(value, '')
  return out
}

/** Dotted paths of the non-finite numbers in `value`. */
export const nonFinitePaths = (value: unknown): string[] =>
  numericLeaves(value)
    .numbers.filter((n) => !Number.isFinite(n.value))
    .map((n) => n.path)
