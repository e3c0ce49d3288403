import { describe, expect, it } from 'vitest'
import { sphereMoment, sphereMomentIntegral } from '../../src/escape/sphereMoment.ts'
import { createRng, normal } from '../../src/random/index.ts'
import fixture from '../fixtures/escapeVectors.json' with { type: 'json' }

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('sphereMoment: exact sphere average E_u[(uᵀAu)^p] (docs/theory.md#sphere-average)', () => {
  it('matches scipy quadrature over the circle (d = 2) and the sphere (d = 3) to 1e-9 relative', () => {
    expect(fixture.sphere.length).toBeGreaterThan(30)
    for (const c of fixture.sphere) {
      expect(rel(sphereMoment(c.eigenvalues, c.p), c.value), JSON.stringify(c)).toBeLessThan(1e-9)
      // The integral itself, without the closed-form shortcut for equal eigenvalues.
      expect(rel(sphereMomentIntegral(c.eigenvalues, c.p).value, c.value)).toBeLessThan(1e-9)
    }
  })

  it('matches mpmath quadrature in extreme d = 2 cases (condition number to 1e200, p near 1/2 and 1) to 1e-12', () => {
    expect(fixture.sphereExtreme.length).toBe(12)
    for (const c of fixture.sphereExtreme) {
      expect(rel(sphereMomentIntegral(c.eigenvalues, c.p).value, c.value), JSON.stringify(c)).toBeLessThan(1e-12)
    }
  })

  it('reproduces a^p for A = aI and μ^p for d = 1 through the integral (closed form, 1e-12)', () => {
    for (const p of [0.5000001, 0.6, 0.75, 0.9, 0.999]) {
      expect(rel(sphereMomentIntegral([3], p).value, 3 ** p)).toBeLessThan(1e-12)
      expect(rel(sphereMomentIntegral([2, 2, 2, 2, 2], p).value, 2 ** p)).toBeLessThan(1e-12)
      expect(rel(sphereMomentIntegral(new Array(256).fill(0.37), p).value, 0.37 ** p)).toBeLessThan(1e-12)
      expect(rel(sphereMomentIntegral([1e-200], p).value, 1e-200 ** p)).toBeLessThan(1e-12)
    }
  })

  it('tends to tr(A)/d as p → 1 (α → 2), within the bound |E_p − E_1| ≤ (1−p)·max|ln μ|·E_1·(1+δ)', () => {
    const cases = [[0.5, 1, 4], [1e-3, 1, 10, 30], Array.from({ length: 64 }, (_, i) => 0.1 + i * 0.05)]
    for (const mu of cases) {
      const e1 = mu.reduce((s, x) => s + x, 0) / mu.length
      expect(sphereMoment(mu, 1)).toBe(e1)
      const lmax = Math.max(...mu.map((x) => Math.abs(Math.log(x))))
      for (const delta of [1e-3, 1e-5, 1e-7]) {
        const ep = sphereMoment(mu, 1 - delta)
        expect(Math.abs(ep - e1)).toBeLessThanOrEqual(delta * lmax * e1 * (1 + 2 * delta * lmax))
      }
    }
    // The first-order term is not zero: the bound is not trivially met by returning tr(A)/d.
    expect(sphereMoment([0.5, 1, 4], 0.999)).not.toBeCloseTo(sphereMoment([0.5, 1, 4], 1), 6)
  })

  it('agrees with Monte-Carlo on the sphere within 4 standard errors in d = 3 … 50', () => {
    const rng = createRng(20201005)
    for (const d of [3, 4, 7, 10, 20, 35, 50]) {
      const mu = Array.from({ length: d }, () => Math.exp(Math.log(1e-2) + rng.uniform() * Math.log(1e4)))
      for (const p of [0.55, 0.75, 0.95]) {
        const exact = sphereMoment(mu, p)
        const n = 20000
        let s = 0
        let s2 = 0
        const g = new Float64Array(d)
        for (let k = 0; k < n; k++) {
          let norm = 0
          let quad = 0
          for (let i = 0; i < d; i++) {
            g[i] = normal(rng)
            norm += g[i] * g[i]
            quad += mu[i] * g[i] * g[i]
          }
          const x = (quad / norm) ** p
          s += x
          s2 += x * x
        }
        const mean = s / n
        const se = Math.sqrt((s2 / n - mean * mean) / n)
        expect(Math.abs(exact - mean), `d=${d} p=${p}`).toBeLessThan(4 * se)
      }
    }
  })

  it('returns NaN outside the domain', () => {
    expect(sphereMoment([1, 2], 0)).toBeNaN()
    expect(sphereMoment([1, 2], 1.2)).toBeNaN()
    expect(sphereMoment([-1, 2], 0.5)).toBeNaN()
    expect(sphereMoment([0, 0], 0.5)).toBeNaN()
    expect(sphereMoment([], 0.5)).toBeNaN()
    expect(sphereMoment([1, Infinity], 0.5)).toBeNaN()
  })
})
