import { describe, expect, it } from 'vitest'
import { formatNumber, formatTick, superscript } from '../../src/widget/formatNumber.ts'

describe('formatNumber', () => {
  it('plain notation with significant figures and no trailing zeros in [1e-3, 1e6)', () => {
    expect(formatNumber(217.3411)).toBe('217.3')
    expect(formatNumber(126853.9)).toBe('126\u202f900')
    expect(formatNumber(12345.6, 6)).toBe('12\u202f345.6')
    expect(formatNumber(1234.5, 6)).toBe('1234.5')
    expect(formatNumber(1.5)).toBe('1.5')
    expect(formatNumber(2)).toBe('2')
    expect(formatNumber(0.0012346)).toBe('0.001235')
    expect(formatNumber(-3.25)).toBe('−3.25')
  })
  it('scientific with a superscript exponent outside that range', () => {
    expect(formatNumber(1.234567e7)).toBe('1.235 × 10⁷')
    expect(formatNumber(1e6)).toBe('1 × 10⁶')
    expect(formatNumber(2.5e-5, 3)).toBe('2.5 × 10⁻⁵')
  })
  it('writes non-finite values as a dash', () => {
    expect(formatNumber(Number.NaN)).toBe('—')
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—')
    expect(formatNumber(0)).toBe('0')
  })
})

describe('formatTick', () => {
  it('powers of ten', () => {
    expect(formatTick(1e-4)).toBe('10⁻⁴')
    expect(formatTick(0.01)).toBe('0.01')
    expect(formatTick(1000)).toBe('1000')
    expect(formatTick(1e5)).toBe('10⁵')
  })
  it('other values', () => {
    expect(formatTick(-5)).toBe('−5')
    expect(formatTick(0.2)).toBe('0.2')
    expect(superscript(-12)).toBe('⁻¹²')
  })
})
