import { describe, expect, it } from 'vitest'
import { linearScale, linearTicks, logScale, logTicks } from '../../src/widget/scales.ts'

describe('linearScale', () => {
  it('maps the domain ends to the range ends and midpoints to midpoints (closed form)', () => {
    const s = linearScale([2, 6], [10, 110])
    expect(s(2)).toBe(10)
    expect(s(6)).toBe(110)
    expect(s(4)).toBe(60)
    expect(s(7)).toBe(135) // extrapolates
  })
  it('inverted pixel range (y axes grow downwards)', () => {
    const s = linearScale([0, 1], [200, 0])
    expect(s(0.25)).toBe(150)
  })
  it('never throws on a degenerate or non-finite domain', () => {
    const s = linearScale([3, 3], [0, 100])
    expect(s(3)).toBe(50)
    const t = linearScale([Number.NaN, Number.POSITIVE_INFINITY], [0, 100])
    expect(t.domain).toEqual([0, 1])
  })
})

describe('logScale', () => {
  it('puts every decade the same distance apart (log10 closed form)', () => {
    const s = logScale([1e-4, 1], [0, 400])
    expect(s(1e-4)).toBeCloseTo(0, 12)
    expect(s(1e-3)).toBeCloseTo(100, 12)
    expect(s(1e-2)).toBeCloseTo(200, 12)
    expect(s(1)).toBeCloseTo(400, 12)
    expect(s(Math.sqrt(10) * 1e-3)).toBeCloseTo(150, 12)
  })
  it('maps non-positive values to NaN (a gap in the line)', () => {
    const s = logScale([1, 100], [0, 1])
    expect(s(0)).toBeNaN()
    expect(s(-1)).toBeNaN()
  })
})

describe('ticks', () => {
  it('linear ticks step by 1, 2 or 5 times a power of ten', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(linearTicks(-10, 10, 4)).toEqual([-10, -5, 0, 5, 10])
    expect(linearTicks(0, 7, 7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(linearTicks(1, 1, 5)).toEqual([])
  })
  it('log ticks are the powers of ten inside the domain, thinned to about `count`', () => {
    expect(logTicks(1e-4, 1, 5)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1])
    expect(logTicks(1e-4, 1, 3)).toEqual([1e-4, 1e-2, 1])
    expect(logTicks(0.5, 200, 5)).toEqual([1, 10, 100])
    expect(logTicks(0, 10, 5)).toEqual([])
  })
})
