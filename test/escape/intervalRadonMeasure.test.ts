import { describe, expect, it } from 'vitest'
import { axisRadonMeasure } from '../../src/escape/axisRadonMeasure.ts'
import { intervalRadonMeasure } from '../../src/escape/intervalRadonMeasure.ts'
import { leadingOrder } from '../../src/escape/leadingOrder.ts'
import { oneJumpProbability } from '../../src/escape/oneJumpProbability.ts'
import { levyDensityConstant } from '../../src/stable/constants.ts'
import fixture from '../fixtures/escapeVectors.json' with { type: 'json' }

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)

describe('interval and axis exit measures, leading order, one-jump probability (docs/theory.md#normalisation, docs/theory.md#one-jump-proxy)', () => {
  it('T5 rows: m(W), P(right), the leading-order chain and the one-jump value (mpmath oracle) to 1e-9', () => {
    for (const r of fixture.t5) {
      const m = intervalRadonMeasure(r.left, r.right, r.sigma, r.alpha)
      expect(rel(m.radonMeasure, r.radonMeasure)).toBeLessThan(1e-14)
      expect(rel(m.right, r.pRight)).toBeLessThan(1e-14)
      expect(m.left + m.right).toBeCloseTo(1, 15)
      const c = levyDensityConstant(r.alpha)
      const lo = leadingOrder(r.alpha, r.lr, m.radonMeasure, c)
      for (const k of ['epsilon', 'theta', 'levyMass', 'rate', 'meanEscapeTime', 'meanEscapeIterations'] as const)
        expect(rel(lo[k], r[k])).toBeLessThan(1e-13)
      expect(rel(1 / oneJumpProbability(r.left, r.right, r.sigma, r.lr, r.alpha, c), r.oneJumpIterations)).toBeLessThan(
        1e-9,
      )
      expect(
        rel(1 / oneJumpProbability(r.left, r.right, r.sigma, r.lr, r.alpha, 1), r.unit.oneJumpIterations),
      ).toBeLessThan(1e-9)
    }
  })

  it('wall ratio alone fixes the exit probabilities, even when the masses underflow', () => {
    const m = intervalRadonMeasure(1, 2, 1e-250, 1.5)
    expect(m.radonMeasure).toBe(0)
    expect(rel(m.right, 2 ** -1.5 / (1 + 2 ** -1.5))).toBeLessThan(1e-15)
  })

  it('axis model: m(W) = Σ (A_ii/2h)^(α/2) and probabilities proportional to the terms', () => {
    const r = axisRadonMeasure([25, 0.25], 0.5, 1.5)
    expect(rel(r.radonMeasure, 25 ** 0.75 + 0.25 ** 0.75)).toBeLessThan(1e-15)
    expect(rel(r.probabilities[0], 25 ** 0.75 / (25 ** 0.75 + 0.25 ** 0.75))).toBeLessThan(1e-15)
    expect(axisRadonMeasure([1, 0], 1, 1.5).radonMeasure).toBeNaN()
    expect(intervalRadonMeasure(0, 1, 1, 1.5).radonMeasure).toBeNaN()
    expect(oneJumpProbability(1, 1, 1, 0, 1.5, 0.3)).toBeNaN()
  })
})
