/**
 * Median of |v_k| over values[start..end) (the robust scale statistic of spec/theory.md §1.1 and §5.4),
 * with the usual convention for an even count: the mean of the two middle order statistics (as numpy's
 * median). Exact (a selection, no approximation). Hoare quickselect on a copy with median-of-three
 * pivots: O(n) expected, never modifies the input. NaN for an empty range.
 */
export function medianAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start
  if (!(n > 0)) return NaN
  const a = new Float64Array(n)
  for (let k = 0; k < n; k++) a[k] = Math.abs(values[start + k])
  const hi = select(a, n >> 1)
  if (n % 2 === 1) return hi
  // After selecting index n/2, every element left of it is ≤ a[n/2]: the lower middle is their maximum.
  let lo = -Infinity
  for (let k = 0; k < n >> 1; k++) if (a[k] > lo) lo = a[k]
  return (lo + hi) / 2
}

/** Puts the k-th smallest element at index k, smaller-or-equal ones left of it, larger-or-equal right. */
function select(a: Float64Array, k: number): number {
  let left = 0
  let right = a.length - 1
  while (right > left) {
    const mid = (left + right) >> 1
    // median of three as pivot
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
