import { describe, expect, it } from 'vitest'
import { logMomentFromBlocks } from '../../src/tail/logMomentFromBlocks.ts'

// Closed-form check of the t interval: D = (0.4, 0.5, 0.6, 0.7): mean 0.55, s = sqrt(1/60), se = s/2,
// t_{3, 0.975} = 3.1824463052837078 (scipy.stats.t.ppf(0.975, 3)).
const T3 = 3.1824463052837078

describe('logMomentFromBlocks (t interval on the block statistics, docs/theory.md#log-moment-estimator)', () => {
  it('mean, standard error and the t interval for 1/α, mapped to α', () => {
    const e = logMomentFromBlocks(new Float64Array([0.4, 0.5, 0.6, 0.7]), 0.95, 10, 40, 3)
    const se = Math.sqrt(1 / 60) / 2
    expect(e.inverseAlpha).toBeCloseTo(0.55, 15)
    expect(e.standardError).toBeCloseTo(se, 15)
    expect(e.inverseInterval.lower).toBeCloseTo(0.55 - T3 * se, 12)
    expect(e.inverseInterval.upper).toBeCloseTo(0.55 + T3 * se, 12)
    expect(e.interval.lower).toBeCloseTo(1 / (0.55 + T3 * se), 12)
    // 0.55 − 3.18·0.0645 = 0.345 > 0, 1/0.345 = 2.9 > 2: clipped
    expect(e.interval.upper).toBe(2)
    expect(e.alpha).toBeCloseTo(1 / 0.55, 14)
    expect([e.blockSize, e.blocks, e.used, e.dropped, e.interval.confidence]).toEqual([10, 4, 40, 3, 0.95])
  })
  it('an interval for 1/α reaching 0 gives the upper α bound 2; a mean ≤ 0 gives NaN', () => {
    const wide = logMomentFromBlocks(new Float64Array([0.1, 1.9, -0.8, 0.2]), 0.95, 2, 8, 0)
    expect(wide.inverseInterval.lower).toBeLessThan(0)
    expect(wide.interval.upper).toBe(2)
    expect(wide.interval.lower).toBeCloseTo(1 / wide.inverseInterval.upper, 14)
    const neg = logMomentFromBlocks(new Float64Array([-0.1, 0.05, -0.2]), 0.95, 2, 6, 0)
    expect(neg.alpha).toBeNaN()
    expect(neg.interval.lower).toBeNaN()
    expect(neg.interval.upper).toBeNaN()
  })
  it('raw α above 2 is clipped (rawAlpha keeps it)', () => {
    const e = logMomentFromBlocks(new Float64Array([0.4, 0.41, 0.39, 0.4]), 0.9, 5, 20, 0)
    expect(e.rawAlpha).toBeCloseTo(2.5, 12)
    expect(e.alpha).toBe(2)
    expect(e.interval.upper).toBe(2)
    expect(e.interval.lower).toBe(2)
  })
  it('is total: fewer than 2 blocks or a confidence outside (0, 1) give NaN', () => {
    expect(logMomentFromBlocks(new Float64Array([0.5]), 0.95, 2, 2, 0).inverseAlpha).toBeNaN()
    expect(logMomentFromBlocks(new Float64Array([0.5, 0.6]), 0, 2, 4, 0).inverseAlpha).toBeNaN()
    expect(logMomentFromBlocks(new Float64Array([0.5, 0.6]), NaN, 2, 4, 0).inverseAlpha).toBeNaN()
  })

  it('the refused estimate keeps the layout and the confidence and sets every number, the intervals too, to NaN', () => {
    expect(logMomentFromBlocks(new Float64Array([0.5]), 0.9, 3, 3, 1)).toEqual({
      inverseAlpha: NaN,
      alpha: NaN,
      rawAlpha: NaN,
      standardError: NaN,
      blockSize: 3,
      blocks: 1,
      used: 3,
      dropped: 1,
      interval: { lower: NaN, upper: NaN, confidence: 0.9 },
      inverseInterval: { lower: NaN, upper: NaN },
    })
  })
})
