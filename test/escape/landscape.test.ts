import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { escapeTime as escapeTimeCore } from '../../src/escape/escapeTime.ts'
import { integrate } from '../../src/escape/integrate.ts'
import { landscape as landscapeCore } from '../../src/escape/landscape.ts'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { type LandscapeOutput, LandscapeRequest, LandscapeResponse } from '../../src/schemas/landscape.ts'
import { levyDensityConstant } from '../../src/stable/constants.ts'

/** Parse + compute, as the HTTP routes do. */
const landscape = parseAndCompute(LandscapeRequest, landscapeCore)

/** Parse + compute, as the HTTP routes do. */
const escapeTime = parseAndCompute(EscapeTimeRequest, escapeTimeCore)

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const ok = (input: unknown): LandscapeOutput => {
  const r = landscape(input)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value
}

/** ∫_lo^hi c y^(−1−α) dy by quadrature in ln y (independent of the closed form). */
const bandByQuadrature = (lo: number, hi: number, alpha: number, c: number) =>
  integrate((s) => c * Math.exp(-alpha * s), Math.log(lo), Math.log(Math.min(hi, lo * 1e12)), { relTol: 1e-14 }).value

describe('landscape (docs/theory.md#landscape)', () => {
  it('two basins: the rates are the one-sided exit masses and π0/π1 = ν(W_10)/ν(W_01) = P(right) of basin (−1, 2)', () => {
    const out = ok({ walls: [0], minima: [-1, 2], noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } })
    const s = out.sgd!
    const c = levyDensityConstant(1.5)
    // From basin 0 (minimum −1): jumps > 1. From basin 1 (minimum 2): jumps < −2.
    expect(rel(s.rates[0][1], 0.01 ** 1.5 * (c / 1.5) * 1)).toBeLessThan(1e-14)
    expect(rel(s.rates[1][0], 0.01 ** 1.5 * (c / 1.5) * 2 ** -1.5)).toBeLessThan(1e-14)
    expect(s.rates[0][0]).toBe(0)
    expect(rel(s.stationary[0] / s.stationary[1], s.rates[1][0] / s.rates[0][1])).toBeLessThan(1e-14)
    expect(rel(s.stationary[0], 2 ** -1.5 / (1 + 2 ** -1.5))).toBeLessThan(1e-14)
    expect(rel(s.meanResidenceIterations[0], 1 / s.rates[0][1])).toBeLessThan(1e-15)
    expect(v.safeParse(LandscapeResponse, out).success).toBe(true)
    expect(Object.keys(out)).toEqual(['sgd', 'normalization', 'warnings'])
  })

  it('the exit rate of each basin equals 1/K of the escape-time calculator for the same interval', () => {
    const walls = [-1, 0.5, 3]
    const minima = [-2, -0.2, 1, 7]
    const out = ok({
      walls,
      minima,
      noise: { scale: 0.8 },
      normalization: 'unit',
      optimizers: { adam: { alpha: 1.7, lr: 0.002 } },
    })
    for (const i of [1, 2]) {
      const k = escapeTime({
        basin: { kind: 'interval', left: minima[i] - walls[i - 1], right: walls[i] - minima[i] },
        noise: { scale: 0.8 },
        normalization: 'unit',
        optimizers: { adam: { alpha: 1.7, lr: 0.002 } },
      })
      if (!k.ok) throw new Error('escapeTime failed')
      expect(rel(out.adam!.meanResidenceIterations[i], k.value.adam!.meanEscapeIterations)).toBeLessThan(1e-13)
    }
  })

  it('band rates match quadrature of the Lévy density, and thin far bands keep relative accuracy', () => {
    const walls = [0, 1, 1 + 1e-9, 50]
    const minima = [-3, 0.5, 1 + 5e-10, 10, 100]
    const alpha = 1.3
    const out = ok({ walls, minima, noise: { scale: 2 }, optimizers: { sgd: { alpha, lr: 0.05 } } })
    const c = levyDensityConstant(alpha)
    const pref = (0.05 * 2) ** alpha
    const sigma = 2
    // From basin 0 (x = −3) to basin 3 ((1+1e-9, 50)): jumps y with −3 + 2y in that band.
    const want03 = pref * bandByQuadrature((1 + 1e-9 + 3) / sigma, (50 + 3) / sigma, alpha, c) * sigma ** -alpha
    expect(rel(out.sgd!.rates[0][3], want03)).toBeLessThan(1e-12)
    // The 1e-9-wide basin 2 seen from basin 4 (x = 100): (c/α)((99)^(−α) − (99−1e-9)^(−α)) ≈ c·1e-9·99^(−1−α).
    const thin = out.sgd!.rates[4][2] / pref
    const w = 1 + 1e-9 - 1 // the band width as the wall values represent it
    const lo = 100 - (1 + 1e-9)
    expect(rel(thin, c * w * lo ** (-1 - alpha) * (1 - ((1 + alpha) * w) / (2 * lo)))).toBeLessThan(1e-12)
    out.sgd!.stationary.forEach((p) => expect(p).toBeGreaterThan(0))
    expect(out.sgd!.stationary.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 14)
  })

  it('prefers the wide basin regardless of where the minimum sits (no barrier heights at leading order)', () => {
    const out = ok({
      walls: [0],
      minima: [-0.3, 5],
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.6, lr: 0.01 } },
    })
    expect(out.sgd!.stationary[1]).toBeGreaterThan(0.9)
  })

  it('names the field of every problem', () => {
    const base = {
      walls: [0, 1],
      minima: [-1, 0.5, 2],
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    }
    const issues = (input: unknown) => {
      const r = landscape(input)
      expect(r.ok).toBe(false)
      return r.ok ? [] : r.issues.map((i) => i.path)
    }
    expect(issues({ ...base, minima: [-1, 2] })).toEqual(['minima'])
    expect(issues({ ...base, walls: [1, 0] })).toEqual(['walls.1'])
    expect(issues({ ...base, minima: [-1, 1.5, 2] })).toEqual(['minima.1'])
    expect(issues({ ...base, minima: [0, 0.5, 2] })).toEqual(['minima.0'])
    expect(issues({ ...base, optimizers: {} })).toEqual(['optimizers'])
    expect(issues({ ...base, noise: { scale: -1 } })).toEqual(['noise.scale'])
    expect(issues({ ...base, optimizers: { sgd: { alpha: 2.2, lr: 0.01 } } })).toEqual(['optimizers.sgd.alpha'])
    expect(issues({ ...base, walls: new Array(64).fill(0).map((_, i) => i) })).toContain('walls')
  })
})
