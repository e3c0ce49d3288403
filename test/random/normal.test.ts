import { describe, expect, it } from 'vitest'
import { normal } from '../../src/random/normal.ts'
import { createRng } from '../../src/random/rng.ts'

describe('normal (Box–Muller)', () => {
  it('has mean 0, variance 1 and kurtosis 3 within 5 standard errors over 4·10^5 draws', () => {
    const r = createRng(99)
    const n = 400_000
    let s = 0
    let s2 = 0
    let s4 = 0
    for (let i = 0; i < n; i++) {
      const z = normal(r)
      s += z
      s2 += z * z
      s4 += z ** 4
    }
    const mean = s / n
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n))
    // var(Z²) = 2, var(Z⁴) = 105 − 9 = 96
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n))
    expect(Math.abs(s4 / n - 3)).toBeLessThan(5 * Math.sqrt(96 / n))
  })
  it('has P(Z > 1.959963984540054) = 0.025 within 5 standard errors', () => {
    const r = createRng(5)
    const n = 200_000
    let c = 0
    for (let i = 0; i < n; i++) if (normal(r) > 1.959963984540054) c++
    expect(Math.abs(c / n - 0.025)).toBeLessThan(5 * Math.sqrt((0.025 * 0.975) / n))
  })
  it('is deterministic per seed and uses exactly two uniforms per draw', () => {
    const a = createRng(11)
    const b = createRng(11)
    for (let i = 0; i < 20; i++) expect(normal(a)).toBe(normal(b))
    const c = createRng(11)
    normal(c)
    const d = createRng(11)
    d.uniform()
    d.uniform()
    expect(c.nextUint32()).toBe(d.nextUint32())
  })
})
