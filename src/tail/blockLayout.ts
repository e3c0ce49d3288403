/** How samples are grouped for the log-moment estimator: K1, K2, used and dropped (docs/theory.md#block-layout). */
export interface BlockLayout {
  /** K1, the number of samples summed into each block. */
  blockSize: number
  /** K2, the number of blocks. */
  blocks: number
  /** K1·K2, the number of samples the estimator uses (the first ones). */
  used: number
  /** N − K1·K2 trailing samples left out. */
  dropped: number
}

/**
 * Block layout K = K1·K2 (+ dropped) of the log-moment estimator (docs/theory.md#log-moment-estimator,
 * `/v1/tail-index` "blockSize").
 *
 * Default K1: the largest divisor of N that is ≤ √N (the reference code's choice, docs/theory.md#pooled-estimator) when it is at
 * least max(2, ⌊√N⌋/2); otherwise (N prime or with only small divisors, where that rule would give
 * K1 = 1 or tiny blocks) K1 = ⌊√N⌋ and the N mod K1 trailing samples are dropped. A given K1 is used as
 * is, again dropping the N mod K1 trailing samples. K2 = ⌊N/K1⌋ must be ≥ 2 so that the interval has a
 * spread to work with; layouts that cannot satisfy K1 ≥ 2 and K2 ≥ 2 come back with blockSize NaN.
 */
export function blockLayout(n: number, blockSize?: number): BlockLayout {
  const bad: BlockLayout = { blockSize: NaN, blocks: NaN, used: 0, dropped: Number.isInteger(n) && n > 0 ? n : 0 }
  if (!Number.isInteger(n) || n < 4) return bad
  let k1: number
  if (blockSize === undefined) {
    const root = Math.floor(Math.sqrt(n))
    let divisor = 1
    for (let k = root; k >= 2; k--) {
      if (n % k === 0) {
        divisor = k
        break
      }
    }
    k1 = divisor >= 2 && divisor >= root / 2 ? divisor : root
  } else {
    k1 = blockSize
  }
  if (!Number.isInteger(k1) || k1 < 2) return bad
  const k2 = Math.floor(n / k1)
  if (k2 < 2) return bad
  return { blockSize: k1, blocks: k2, used: k1 * k2, dropped: n - k1 * k2 }
}
