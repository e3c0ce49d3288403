const RADIX_MIN = 4096
const SCRATCH_LIMIT = 1 << 20
const BUCKETS = 1 << 15
// Index of the high 32-bit word of a double in a Uint32 view (1 on little-endian machines).
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0

let scratch = new Float64Array(1024)
let gathered = new Float64Array(1024)
const counts = new Uint32Array(BUCKETS)

/**
 * Median of |v_k| over values[start..end) (the robust scale statistic of docs/theory.md#median-scale, docs/theory.md#estimator-caveats),
 * with the usual convention for an even count: the mean of the two middle order statistics (as numpy's
 * median). Exact (a selection, no approximation); never modifies its input. NaN for an empty range.
 *
 * For n ≥ 4096 values a radix pre-selection is used: non-negative doubles are ordered like their bit
 * patterns, so the top 16 bits of |v| (exponent and 4 mantissa bits) split the values into 32,768 ordered
 * buckets; one counting pass finds the bucket holding the middle rank, a second pass gathers that bucket,
 * and quickselect finishes inside it (typically a few percent of the values). Smaller inputs, and
 * `medianInPlace` (which reorders a segment of a buffer that already holds |v|), use Hoare quickselect
 * with median-of-three pivots directly: O(n) expected.
 */
export function medianAbs(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start
  if (!(n > 0)) return NaN
  // Reuse one work buffer for up to 2^20 values: allocating (and page-faulting) a fresh multi-megabyte
  // array per call costs more than the selection itself.
  if (n > scratch.length)
    scratch = n <= SCRATCH_LIMIT ? new Float64Array(Math.max(n, 2 * scratch.length)) : new Float64Array(n)
  const a = scratch
  for (let k = 0; k < n; k++) a[k] = Math.abs(values[start + k])
  const median = n >= RADIX_MIN ? radixMedian(a, n) : medianInPlace(a, 0, n)
  if (a.length > SCRATCH_LIMIT) scratch = new Float64Array(1024)
  if (gathered.length > SCRATCH_LIMIT) gathered = new Float64Array(1024)
  return median
}

/** Median of a[0..n) (all ≥ 0 or NaN) by bucket counting on the high bits, then quickselect in the bucket. */
function radixMedian(a: Float64Array, n: number): number {
  const words = new Uint32Array(a.buffer, a.byteOffset, 2 * n)
  counts.fill(0)
  for (let k = 0; k < n; k++) counts[words[2 * k + HIGH] >>> 16]++
  const hiRank = n >> 1
  let below = 0
  let bucket = 0
  while (below + counts[bucket] <= hiRank) below += counts[bucket++]
  const size = counts[bucket]
  if (size > gathered.length) gathered = new Float64Array(Math.max(size, 2 * gathered.length))
  const g = gathered
  let m = 0
  for (let k = 0; k < n; k++) if (words[2 * k + HIGH] >>> 16 === bucket) g[m++] = a[k]
  const j = hiRank - below
  const hi = select(g, 0, size - 1, j)
  if (n % 2 === 1) return hi
  // Lower middle: the largest element ranked below hiRank — in the same bucket left of j, or else the
  // largest element of the lower buckets.
  let lo = -Infinity
  if (j > 0) {
    for (let k = 0; k < j; k++) if (g[k] > lo) lo = g[k]
  } else {
    for (let k = 0; k < n; k++) if (words[2 * k + HIGH] >>> 16 < bucket && a[k] > lo) lo = a[k]
  }
  return (lo + hi) / 2
}

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
