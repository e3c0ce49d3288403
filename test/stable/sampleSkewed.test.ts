// Totally skewed α-stable sampler (src/stable/sampleSkewed.ts) against scipy levy_stable(a, 1, scale) cdf
// (fixture test/fixtures/simulateSamplers.json from scripts/fixtures/simulateSamplers.py), against the closed-form
// Laplace transform exp(−t^a) of the mixing law, and deterministically against Kanter's (1975) representation.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/random/rng.ts'
import { sampleSkewed, skewedCms } from '../../src/stable/sampleSkewed.ts'
import fixture from '../fixtures/simulateSamplers.json' with { type: 'json' }
import { gridDistance, ksCritical } from '../helpers/gridDistance.ts'

const N = 100_000
const KS_CRIT = ksCritical(N)

describe('skewedCms (deterministic)', () => {
  // Kanter (1975): X = sin(aπU)/sin(πU)^(1/a) · (sin((1−a)πU)/W)^((1−a)/a) has E e^(−tX) = exp(−t^a); it is the
  // CMS formula with σ = cos(πa/2)^(1/a) after V = π(U − ½).
  const kanter = (a: number, u: number, w: number) =>
    (Math.sin(a * Math.PI * u) / Math.sin(Math.PI * u) ** (1 / a)) *
    (Math.sin((1 - a) * Math.PI * u) / w) ** ((1 - a) / a)
  for (const a of [0.3, 0.5, 0.6, 0.75, 0.9]) {
    it(`matches Kanter's representation at a = ${a} to 1e-12 relative`, () => {
      for (const [u1, u2] of [
        [0.1, 0.5],
        [0.75, 0.2],
        [0.999, 0.3],
        [0.3, 0.01],
        [1e-9, 0.7],
        [0.5, 0.999999],
      ]) {
        const x = skewedCms(a, u1, u2) * Math.cos((Math.PI * a) / 2) ** (1 / a)
        const k = kanter(a, u1, -Math.log(u2))
        expect(x).toBeGreaterThan(0)
        expect(Math.abs(x / k - 1)).toBeLessThan(1e-12)
      }
    })
  }
  it('is NaN outside its domain', () => {
    expect(skewedCms(1, 0.3, 0.3)).toBeNaN()
    expect(skewedCms(2, 0.3, 0.3)).toBeNaN()
    expect(skewedCms(0, 0.3, 0.3)).toBeNaN()
    expect(skewedCms(0.5, 0, 0.3)).toBeNaN()
    expect(skewedCms(0.5, 0.3, 1)).toBeNaN()
  })
})

describe('sampleSkewed against scipy levy_stable(a, 1, scale=cos(πa/2)^(1/a))', () => {
  for (const row of fixture.skewed) {
    it(`a = ${row.a}: KS distance on the grid < 1.95/√n`, () => {
      const xs = sampleSkewed(row.a, row.scale, N, createRng(11 + Math.round(row.a * 100)))
      expect(gridDistance(xs, row.x, row.cdf)).toBeLessThan(KS_CRIT)
    })
    it(`a = ${row.a}: empirical Laplace transform equals exp(−t^a) within 4 s.e.`, () => {
      const xs = sampleSkewed(row.a, row.scale, N, createRng(23 + Math.round(row.a * 100)))
      for (const t of [0.1, 1, 10]) {
        let s = 0
        let s2 = 0
        for (const x of xs) {
          const e = Math.exp(-t * x)
          s += e
          s2 += e * e
        }
        const mean = s / N
        const se = Math.sqrt((s2 / N - mean * mean) / N)
        expect(Math.abs(mean - Math.exp(-(t ** row.a)))).toBeLessThan(4 * se)
      }
    })
  }
  it('a wrong scale is detected (the test can fail)', () => {
    const row = fixture.skewed[2]
    const xs = sampleSkewed(row.a, row.scale * 1.05, N, createRng(5))
    expect(gridDistance(xs, row.x, row.cdf)).toBeGreaterThan(KS_CRIT)
  })
  it('returns NaNs for a bad scale and an empty array for a bad n', () => {
    expect(Array.from(sampleSkewed(0.6, -1, 3, createRng(1)))).toEqual([Number.NaN, Number.NaN, Number.NaN])
    expect(sampleSkewed(0.6, 1, 2.5, createRng(1)).length).toBe(0)
  })
})
