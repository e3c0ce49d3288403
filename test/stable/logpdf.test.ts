/**
 * logpdf against independent oracles: the closed forms at α = 2 (normal N(0, 2σ²)) and α = 1 (Cauchy), the
 * log of the density where it is a normal double, and the two-term tail expansion far out where the density
 * underflows (f(z) = c_α z^(−1−α)(1 − Γ(2α+1)cos(πα/2)/Γ(α+1) z^(−α) + O(z^(−2α))), c_α = Γ(1+α)sin(πα/2)/π).
 */
import gamma from '@stdlib/math-base-special-gamma'
import { describe, expect, it } from 'vitest'
import { LOGPDF_SERIES_BELOW, logpdf } from '../../src/stable/logpdf.ts'
import { pdf } from '../../src/stable/pdf.ts'

const LOG_2_SQRT_PI = Math.log(2 * Math.sqrt(Math.PI))

/** Two-term tail expansion of log f(z; α, 1), exact to O(z^(−2α)). */
const tailLog = (z: number, alpha: number) => {
  const c = (gamma(1 + alpha) * Math.sin((Math.PI * alpha) / 2)) / Math.PI
  const r2 = (-gamma(2 * alpha + 1) * Math.cos((Math.PI * alpha) / 2)) / gamma(alpha + 1)
  return Math.log(c) - (1 + alpha) * Math.log(z) + Math.log1p(r2 * z ** -alpha)
}

describe('logpdf', () => {
  it('α = 2 is the normal log-density −z²/4 − log(2√π) − log σ, also where the density underflows', () => {
    for (const [x, s] of [
      [0, 1],
      [3, 1],
      [100, 1],
      [1e6, 2],
      [-1e100, 1e90],
    ]) {
      const z = x / s
      expect(logpdf(x, 2, s)).toBeCloseTo(-(z * z) / 4 - LOG_2_SQRT_PI - Math.log(s), 9)
    }
    expect(pdf(100, 2)).toBe(0)
    expect(logpdf(100, 2)).toBeCloseTo(-2500 - LOG_2_SQRT_PI, 9)
  })

  it('α = 1 is the Cauchy log-density, to 1e−12 absolute, out to x = 1e300', () => {
    for (const x of [0, 0.5, 3, 1e5, 1e150, 1e200, 1e300]) {
      const want = -Math.log(Math.PI) - (x > 1e100 ? 2 * Math.log(x) : Math.log1p(x * x))
      expect(Math.abs(logpdf(x, 1) - want)).toBeLessThan(1e-12 * Math.max(1, Math.abs(want)))
      expect(logpdf(-x, 1)).toBe(logpdf(x, 1))
    }
    expect(pdf(1e200, 1)).toBe(0)
  })

  it('equals log(pdf) where the density is a normal double', () => {
    for (const alpha of [0.5, 0.9, 1.3, 1.5, 1.8, 1.99]) {
      for (const x of [0, 0.3, 1, 4, 30, 1e4]) {
        const f = pdf(x, alpha, 2)
        expect(f).toBeGreaterThan(LOGPDF_SERIES_BELOW)
        expect(Math.abs(logpdf(x, alpha, 2) - Math.log(f))).toBeLessThan(1e-12 * Math.max(1, Math.abs(Math.log(f))))
      }
    }
  })

  it('far out, where the density underflows, matches the two-term tail expansion', () => {
    for (const alpha of [0.5, 1.2, 1.5, 1.9]) {
      for (const z of [1e200, 1e280, 1e300]) {
        expect(Math.abs(logpdf(z, alpha) - tailLog(z, alpha))).toBeLessThan(1e-12 * Math.abs(tailLog(z, alpha)))
      }
    }
    // scaled: log f(x; α, σ) = log f(x/σ; α, 1) − log σ with x/σ = 1e310 beyond the double range: log z = log x − log σ
    expect(Math.abs(logpdf(1e300, 1.5, 1e-10) - (tailLog(1e300, 1.5) - 1.5 * Math.log(1e10)))).toBeLessThan(1e-9)
  })

  it('is continuous where it switches from log(pdf) to the series', () => {
    // α = 1.5: f(z) ≈ c z^(−2.5) crosses 1e−280 near z ≈ 1e112; the two sides agree to rounding.
    const alpha = 1.5
    let lo = 1e100
    let hi = 1e120
    for (let k = 0; k < 200; k++) {
      const mid = Math.sqrt(lo * hi)
      if (pdf(mid, alpha) >= LOGPDF_SERIES_BELOW) lo = mid
      else hi = mid
    }
    expect(Math.abs(logpdf(lo, alpha) - logpdf(hi, alpha))).toBeLessThan(1e-9)
    expect(Math.abs(logpdf(hi, alpha) - tailLog(hi, alpha))).toBeLessThan(1e-12 * Math.abs(tailLog(hi, alpha)))
  })

  it('is NaN outside its domain', () => {
    expect(logpdf(1, 0)).toBeNaN()
    expect(logpdf(1, 2.5)).toBeNaN()
    expect(logpdf(1, 1.5, 0)).toBeNaN()
    expect(logpdf(Infinity, 1.5)).toBeNaN()
  })
})
