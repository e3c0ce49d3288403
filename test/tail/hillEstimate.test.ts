/**
 * hillEstimate (docs/theory.md#hill-estimator): Hill's α̂_k = k / Σ_{i≤k} ln(a_i/u) with u = a_{k+1}, the threshold
 * chosen by the smallest Kolmogorov–Smirnov distance to the fitted Pareto law (Clauset, Shalizi & Newman 2009).
 * The oracle is a direct transcription of those formulas (one logarithm of a ratio per term, the KS distance
 * from the survival function at both sides of every jump), on candidate k spaced geometrically from 20 to n/2.
 */
import { describe, expect, it } from 'vitest'
import { exponential } from '../../src/random/exponential.ts'
import { createRng } from '../../src/random/rng.ts'
import { hillEstimate, hillFromDescending } from '../../src/tail/hillEstimate.ts'

/** The candidate thresholds: 60 values k_m = min(n/2, round(20·(⌊n/2⌋/20)^(m/59))), increasing, duplicates dropped. */
function candidates(n: number): number[] {
  const kMax = Math.floor(n / 2)
  const out: number[] = []
  for (let m = 0; m < 60; m++) {
    const k = Math.min(kMax, Math.round(20 * (kMax / 20) ** (m / 59)))
    if (out.length === 0 || k > out[out.length - 1]) out.push(k)
  }
  return out
}

/** Hill with the KS rule, straight from the formulas, on the nonzero values of `a` (descending). */
function naiveHill(values: number[]): { alpha: number; k: number; threshold: number; ksDistance: number } {
  const a = values
    .map(Math.abs)
    .filter((x) => x > 0)
    .sort((x, y) => y - x)
  let best = { alpha: NaN, k: 0, threshold: NaN, ksDistance: NaN }
  if (a.length < 40) return best
  for (const k of candidates(a.length)) {
    const u = a[k]
    let s = 0
    for (let i = 0; i < k; i++) s += Math.log(a[i] / u)
    if (!(s > 0)) continue // every one of the k largest equals u: no slope to fit
    const alpha = k / s
    let d = 0
    for (let i = 0; i < k; i++) {
      const survival = (a[i] / u) ** -alpha
      d = Math.max(d, Math.abs(survival - i / k), Math.abs(survival - (i + 1) / k))
    }
    if (!(best.ksDistance <= d)) best = { alpha, k, threshold: u, ksDistance: d }
  }
  return best
}

const expectSame = (values: number[]) => {
  const got = hillEstimate(values)
  const want = naiveHill(values)
  expect(got.k).toBe(want.k)
  expect(got.threshold).toBe(want.threshold)
  expect(Math.abs(got.alpha / want.alpha - 1)).toBeLessThan(1e-10)
  expect(Math.abs(got.ksDistance - want.ksDistance)).toBeLessThan(1e-10)
  return got
}

/** Pareto(α) draws above 1: a = e^(E/α), E ~ Exp(1). */
const pareto = (n: number, alpha: number, seed: number) => {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => Math.exp(exponential(rng) / alpha))
}

describe('hillEstimate', () => {
  it('agrees with the formulas on Pareto samples of several sizes and exponents', () => {
    for (const [n, alpha, seed] of [
      [40, 1.5, 1],
      [97, 0.8, 2],
      [1000, 1.2, 3],
      [5000, 1.9, 4],
    ])
      expectSame(pareto(n, alpha, seed).map((x, i) => (i % 2 === 0 ? x : -x)))
  })

  it('on exact Pareto quantiles above u = 3 the whole upper half is the best tail, and α̂ is close to α', () => {
    // a_i = u·((i − ½)/k)^(−1/α) for the k = 100 largest, then u, then smaller values: the fit at k = n/2 = 100 has
    // KS distance about 1/(2k), below that of every shorter tail.
    const alpha = 1.3
    const k = 100
    const top = Array.from({ length: k }, (_, i) => 3 * ((i + 0.5) / k) ** (-1 / alpha))
    const rest = Array.from({ length: k }, (_, i) => 3 - (i * 2) / k)
    const got = expectSame([...top, ...rest])
    expect(got.k).toBe(k)
    expect(got.threshold).toBe(3)
    expect(Math.abs(got.alpha / alpha - 1)).toBeLessThan(0.02)
    expect(got.ksDistance).toBeLessThan(1 / k)
  })

  it('skips thresholds with all the largest values tied, where the slope is undefined', () => {
    // 60 values equal to 10 on top: every k < 60 has Σ ln(a_i/u) = 0.
    const values = [...new Array(60).fill(10), ...pareto(140, 1.5, 5).map((x) => 9 / x)]
    const got = expectSame(values)
    expect(got.k).toBeGreaterThanOrEqual(60)
    expect(Number.isFinite(got.alpha)).toBe(true)
  })

  it('ignores zeros: the estimate of a sample with zeros added is the estimate without them', () => {
    const x = pareto(300, 1.4, 6)
    const withZeros = [...x.slice(0, 150), ...new Array(500).fill(0), ...x.slice(150)]
    expect(hillEstimate(withZeros)).toEqual(hillEstimate(x))
    expectSame(withZeros)
  })

  it('needs 40 nonzero values: 39 give the NaN estimate with k = 0', () => {
    const x = pareto(40, 1.5, 7)
    expect(Number.isFinite(hillEstimate(x).alpha)).toBe(true)
    expect(hillEstimate([...x.slice(1), 0, 0, 0])).toEqual({ alpha: NaN, k: 0, threshold: NaN, ksDistance: NaN })
    expect(hillFromDescending(new Float64Array(0))).toEqual({ alpha: NaN, k: 0, threshold: NaN, ksDistance: NaN })
  })
})
