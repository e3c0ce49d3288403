import { describe, expect, it } from 'vitest'
import { regimeWarnings } from '../../src/escape/regimeWarnings.ts'

const base = { name: 'sgd', alpha: 1.5, lr: 1e-4, epsilon: 0.05, oneStepProbability: 1e-4 }

describe('regimeWarnings (thresholds of docs/theory.md#validation)', () => {
  it('is silent in the asymptotic regime and names each problem with the optimizer prefix', () => {
    expect(regimeWarnings(base)).toEqual([])
    expect(regimeWarnings({ ...base, epsilon: 0.1 })).toEqual([])
    expect(regimeWarnings({ ...base, epsilon: 0.1001 })[0]).toMatch(/^sgd: ε = .* 0\.100 is not small/)
    expect(regimeWarnings({ ...base, alpha: 1.09 })[0]).toMatch(/close to 1/)
    expect(regimeWarnings({ ...base, alpha: 1.91, name: 'adam' })[0]).toMatch(/^adam: α = 1\.91 is close to 2/)
    expect(regimeWarnings({ ...base, oneStepProbability: 0.05 })[0]).toMatch(
      /probability ≈ 0\.0500; escape takes only ~20\.0 iterations/,
    )
  })

  it('flags unstable steps (η κ ≥ 2) and basins narrower than 4 stationary AR(1) scales, per axis', () => {
    // Axis 0: η κ = 2 (unstable). Axis 1: s = η g/(1 − (1 − ηκ)^α)^(1/α) with η = 0.01, κ = 1, g = 1, α = 1.5 is 0.165;
    // half-width 0.5 < 4s. Axis 2: half-width 10 is wide.
    const w = regimeWarnings({
      ...base,
      lr: 0.01,
      axes: { curvature: [200, 1, 1], noise: [1, 1, 1], halfWidth: [1, 0.5, 10] },
    })
    expect(w).toHaveLength(2)
    expect(w[0]).toMatch(/lr × curvature ≥ 2 along axis 0:/)
    expect(w[1]).toMatch(/narrower than 4 stationary fluctuation scales along axis 1;/)
    const s = (0.01 * 1) / (1 - 0.99 ** 1.5) ** (1 / 1.5)
    expect(
      regimeWarnings({ ...base, lr: 0.01, axes: { curvature: [1], noise: [1], halfWidth: [4 * s * 1.0001] } }),
    ).toEqual([])
    expect(
      regimeWarnings({ ...base, lr: 0.01, axes: { curvature: [1], noise: [1], halfWidth: [4 * s * 0.9999] } }),
    ).toHaveLength(1)
    const many = regimeWarnings({
      ...base,
      lr: 0.01,
      axes: { curvature: new Array(20).fill(300), noise: new Array(20).fill(1), halfWidth: new Array(20).fill(1) },
    })
    expect(many[0]).toMatch(/axis 0, 1, 2, 3, 4, 5, 6, 7, … \(20 axes\)/)
  })
})
