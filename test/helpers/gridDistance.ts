/**
 * Kolmogorov–Smirnov distance on a grid, the shared check of the samplers' tests: max over grid points
 * x_j of |F_n(x_j) − F(x_j)|, F_n the empirical cdf of `xs` (fraction of draws ≤ x_j, by binary search
 * in the sorted draws) and `cdf[j]` = F(x_j) from the oracle. The grid maximum is at most the KS
 * supremum, so comparing it with `ksCritical(n)` keeps the test's level at or below ≈ 0.001.
 */
export function gridDistance(xs: Float64Array, grid: readonly number[], cdf: readonly number[]): number {
  const sorted = Float64Array.from(xs).sort()
  let worst = 0
  grid.forEach((x, j) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] <= x) lo = mid + 1
      else hi = mid
    }
    worst = Math.max(worst, Math.abs(lo / sorted.length - cdf[j]))
  })
  return worst
}

/** Asymptotic Kolmogorov critical value at level ≈ 0.001 for n draws: P(sup|F_n − F| > 1.95/√n) ≈ 0.001. */
export function ksCritical(n: number): number {
  return 1.95 / Math.sqrt(n)
}
