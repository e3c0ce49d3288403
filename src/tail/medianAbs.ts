/**
 * Median of |v_k| over values[start..end) (the robust scale statistic of spec/theory.md §1.1 and §5.4),
 * with the usual convention for an even count: the mean of the two middle order statistics (as numpy's
 * median). Exact (a selection, no approximation). Hoare quickselect with median-of-three pivots: O(n)
 * expected. `medianAbs` works on a copy and never modifies its input; `medianInPlace` reorders a
 * segment of a buffer that already holds |v| (used per column by the pooled estimator). NaN for an
 * empty range.
 */
export function medianAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start
  if (!(n > 0)) return NaN
  // Reuse one work buffer for up to 2^20 values: allocating (and page-faulting) a fresh multi-megabyte
  // array per call costs more than the selection itself.
  if (n > scratch.length) scratch = n <= SCRATCH_LIMIT ? new Float64Array(Math.max(n, 2 * scratch.length)) : new Float64Array(n)
  const a = scratch
  for (let k = 0; k < n; k++) a[k] = Math.abs(values[start + k])
  const median = medianInPlace(a, 0, n)
  if (a.length > SCRATCH_LIMIT) scratch = new Float64Array(1024)
  return median
}

const SCRATCH_LIMIT = 1 << 20
let scratch = new Float64Array(1024)

/** Median of buffer[start..end), reordering that segment. NaN for an empty range. */
export function medianInPlace(a: Float64Array, start: number, end: number): number {
  const n = end - start
  if (!(n > 0)) return NaN
  const mid = start + (n >> 1)
  const hi = select(a, start, end - 1, mid)
  if (n % 2 === 1) return hi
  // After selecting index mid, every element left of it is ≤ a[mid]: the lower middle is their maximum.
  let lo = -Infinity
  for (let k = start; k < mid; k++) if (a[k] > lo) lo = a[k]
  return (lo + hi) / 2
}

/** Puts the k-th element (left ≤ k ≤ right) in order: smaller-or-equal ones left of it, larger-or-equal right. */
function select(a: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    const mid = (left + right) >> 1
    // median of three as pivot (also a sentinel for the scans below)
    if (a[mid] < a[left]) swap(a, mid, left)
    if (a[right] < a[left]) swap(a, right, left)
    if (a[right] < a[mid]) swap(a, right, mid)
    const pivot = a[mid]
    let i = left
    let j = right
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        swap(a, i, j)
        i++
        j--
      }
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else break
  }
  return a[k]
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]
  a[i] = a[j]
  a[j] = t
}
