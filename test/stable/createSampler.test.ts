import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { cdf, createSampler, quantile, tailConstant } from '../../src/stable/index.ts'
import { cms } from '../../src/stable/sample.ts'
import { gridDistance, ksCritical } from '../helpers/gridDistance.ts'

const ALPHAS = [0.5, 1, 1.2, 1.5, 1.8, 2]

describe('createSampler: each draw is σ·quantile(U) for the generator words', () => {
  // Oracle: quantile.ts at q = ((w1 mod 2^31)·2^32 + w2 + ½)/2^64 from the same words (replayed from the
  // same seed), sign from the top bit of w1; the stated bound per α range.
  for (const [a, bound] of [[0.35, 1e-8], ...ALPHAS.map((x) => [x, 1e-9])]) {
    it(`α = ${a}: |X − σQ(U)| ≤ ${bound}·σ·max(|Q(U)|, 1), σ = 2.5`, () => {
      const n = 20_000
      const out = new Float64Array(n)
      createSampler(a, 2.5)(createRng(11), out)
      const replay = createRng(11)
      let worst = 0
      for (let i = 0; i < n; i++) {
        const w1 = replay.nextUint32()
        const w2 = replay.nextUint32()
        const q = ((w1 & 0x7fffffff) * 2 ** 32 + w2 + 0.5) / 2 ** 64
        const z = w1 >>> 31 ? quantile(q, a) : -quantile(q, a)
        worst = Math.max(worst, Math.abs(out[i] / 2.5 - z) / Math.max(Math.abs(z), 1))
      }
      expect(worst).toBeLessThan(bound)
    })
  }
  it('draws the deep tail (q < 2^-24, the slow path) exactly: words forcing h < 2^8', () => {
    // a fake generator replaying chosen words: h = 3 (q ≈ 1.6e-19) and h = 0 (q < 2^-54, quantile itself)
    const ws = [3, 123456789, 0x80000000, 42, 200, 0xffffffff]
    let j = 0
    const rng = {
      nextUint32: () => ws[j++ % ws.length],
      uniform: () => 0.5,
      state: () => [0, 0, 0, 0] as [number, number, number, number],
    }
    const out = new Float64Array(3)
    createSampler(1.5, 1)(rng, out)
    const want = [
      -quantile((3 * 2 ** 32 + 123456789 + 0.5) / 2 ** 64, 1.5),
      quantile((42 + 0.5) / 2 ** 64, 1.5),
      -quantile((200 * 2 ** 32 + 0xffffffff + 0.5) / 2 ** 64, 1.5),
    ]
    out.forEach((x, i) => expect(Math.abs(x / want[i] - 1)).toBeLessThan(1e-9))
    expect(out[1]).toBeLessThan(-1e11) // ≈ −2e11: the far tail is reached, not cut off
  })
  it('uses the direct CMS formula below α = 0.3 (two uniforms per draw)', () => {
    const out = new Float64Array(1000)
    createSampler(0.2, 3)(createRng(5), out)
    const r = createRng(5)
    out.forEach((x) => expect(x).toBe(3 * cms(0.2, r.uniform(), r.uniform())))
  })
})

describe('createSampler: law', () => {
  for (const a of ALPHAS) {
    it(`Kolmogorov–Smirnov distance of 10^5 draws to cdf at α = ${a} is below the 0.001-level critical value`, () => {
      const n = 100_000
      const out = new Float64Array(n)
      createSampler(a, 1)(createRng(2024), out)
      // grid: 199 points spread over the law (the quantiles of j/200), F from cdf.ts
      const grid = Array.from({ length: 199 }, (_, j) => quantile((j + 1) / 200, a))
      const F = grid.map((x) => cdf(x, a))
      expect(gridDistance(out, grid, F)).toBeLessThan(ksCritical(n))
    })
  }
  it('the same KS check rejects draws of the wrong α (1.4 against the α = 1.5 cdf)', () => {
    const n = 100_000
    const out = new Float64Array(n)
    createSampler(1.4, 1)(createRng(2024), out)
    const grid = Array.from({ length: 199 }, (_, j) => quantile((j + 1) / 200, 1.5))
    expect(
      gridDistance(
        out,
        grid,
        grid.map((x) => cdf(x, 1.5)),
      ),
    ).toBeGreaterThan(ksCritical(n))
  })
  for (const a of [0.5, 1, 1.2, 1.5, 1.8]) {
    it(`tail at α = ${a}: P(|X| > x) for C_α x^(−α) = 1e-3 matches within 5 binomial standard errors`, () => {
      const n = 1_000_000
      const p = 1e-3
      const x = (tailConstant(a) / p) ** (1 / a)
      const out = new Float64Array(n)
      createSampler(a, 1)(createRng(99), out)
      let count = 0
      for (let i = 0; i < n; i++) if (Math.abs(out[i]) > x) count++
      // exact two-sided tail, which the asymptotic law approximates to ~x^(-α) relative
      const exact = 2 * (1 - cdf(x, a))
      expect(Math.abs(exact / p - 1)).toBeLessThan(0.12)
      expect(Math.abs(count - n * exact)).toBeLessThan(5 * Math.sqrt(n * exact * (1 - exact)))
    })
  }
  it('far tail at α = 1.5: the count beyond C_α x^(−α) = 1e-5 (x ≈ 1500) is within 5 binomial standard errors', () => {
    const n = 2_000_000
    const p = 1e-5
    const x = (tailConstant(1.5) / p) ** (1 / 1.5)
    const out = new Float64Array(n)
    createSampler(1.5, 1)(createRng(3), out)
    let count = 0
    for (let i = 0; i < n; i++) if (Math.abs(out[i]) > x) count++
    expect(Math.abs(count - n * p)).toBeLessThan(5 * Math.sqrt(n * p))
  })
})

describe('createSampler: determinism and totality', () => {
  it('is deterministic per seed, differs across seeds, and is linear in σ', () => {
    const s = createSampler(1.5, 1)
    const a = new Float64Array(500)
    const b = new Float64Array(500)
    const c = new Float64Array(500)
    s(createRng(7), a)
    s(createRng(7), b)
    s(createRng(8), c)
    expect(Array.from(b)).toEqual(Array.from(a))
    expect(Array.from(c)).not.toEqual(Array.from(a))
    const d = new Float64Array(500)
    createSampler(1.5, 4)(createRng(7), d)
    d.forEach((x, i) => expect(x).toBe(-(-4 * a[i])))
  })
  it('fills NaN for α ∉ (0, 2] or σ not finite and > 0', () => {
    for (const [a, s] of [
      [0, 1],
      [2.01, 1],
      [NaN, 1],
      [-1, 1],
      [1.5, 0],
      [1.5, -1],
      [1.5, Infinity],
      [1.5, NaN],
    ]) {
      const out = new Float64Array(4)
      createSampler(a, s)(createRng(1), out)
      out.forEach((x) => expect(x).toBeNaN())
    }
  })
  it('gives finite draws at every α on a grid of (0, 2]', () => {
    for (let a = 0.1; a <= 2.0001; a += 0.1) {
      const out = new Float64Array(2000)
      createSampler(Math.min(a, 2), 1)(createRng(1), out)
      out.forEach((x) => expect(Number.isFinite(x)).toBe(true))
    }
  })
})
