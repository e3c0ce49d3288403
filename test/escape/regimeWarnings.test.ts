/**
 * regimeWarnings: each threshold of docs/theory.md#regime-warnings on both sides, the structured form of every
 * warning (code, severity, optimizer, see) and the single-step regime (mean < 1 iteration or one-step exit
 * probability ≥ ½).
 */
import { describe, expect, it } from 'vitest'
import { isSingleStep, regimeWarnings } from '../../src/escape/regimeWarnings.ts'

const base = {
  name: 'sgd' as const,
  alpha: 1.5,
  lr: 1e-4,
  epsilon: 0.05,
  meanEscapeIterations: 1e4,
  oneStepProbability: 1e-4,
}
const codes = (w: ReturnType<typeof regimeWarnings>) => w.map((x) => x.code)

describe('regimeWarnings (thresholds of docs/theory.md#regime-warnings)', () => {
  it('is silent in the asymptotic regime and names each problem with its code, severity, optimizer and section', () => {
    expect(regimeWarnings(base)).toEqual([])
    expect(regimeWarnings({ ...base, epsilon: 0.1 })).toEqual([])
    const [eps] = regimeWarnings({ ...base, epsilon: 0.1001 })
    expect(eps).toEqual({
      code: 'epsilon-not-small',
      severity: 'caution',
      optimizer: 'sgd',
      message: expect.stringMatching(/^ε = .* 0\.100 is not small/),
      see: '/docs/theory#warning-epsilon',
    })
    expect(regimeWarnings({ ...base, alpha: 1.09 })[0]).toMatchObject({
      code: 'alpha-near-one',
      see: '/docs/theory#warning-alpha-near-1',
    })
    expect(regimeWarnings({ ...base, alpha: 1.1 })).toEqual([])
    expect(regimeWarnings({ ...base, alpha: 1.91, name: 'adam' })[0]).toMatchObject({
      code: 'alpha-near-two',
      optimizer: 'adam',
      message: expect.stringMatching(/^α = 1\.91 is close to 2/),
    })
    expect(regimeWarnings({ ...base, oneStepProbability: 0.05 })[0]).toMatchObject({
      code: 'one-step-escape',
      severity: 'caution',
      message: expect.stringMatching(/probability ≈ 0\.0500; escape takes only ~20\.0 iterations/),
    })
    expect(regimeWarnings({ ...base, oneStepProbability: 0.01 })).toEqual([])
  })

  it('marks the single-step regime when one step leaves with probability ≥ ½ or the mean is under one iteration', () => {
    expect(isSingleStep(1, 0.4999)).toBe(false)
    expect(isSingleStep(1, 0.5)).toBe(true)
    expect(isSingleStep(0.9999, 0)).toBe(true)
    expect(codes(regimeWarnings({ ...base, oneStepProbability: 0.4999, meanEscapeIterations: 2.5 }))).toEqual([
      'one-step-escape',
    ])
    const [half] = regimeWarnings({ ...base, oneStepProbability: 0.5, meanEscapeIterations: 2.5 })
    expect(half).toEqual({
      code: 'single-step',
      severity: 'invalid',
      optimizer: 'sgd',
      message: expect.stringMatching(/left within one step .*probability ≈ 0\.500/),
      see: '/docs/theory#single-step',
    })
    // A leading-order mean below one iteration, whatever the one-step value
    expect(codes(regimeWarnings({ ...base, meanEscapeIterations: 1.57e-5, oneStepProbability: 1e-3 }))).toEqual([
      'single-step',
    ])
  })

  it('flags unstable steps (η κ ≥ 2) and basins narrower than 4 stationary AR(1) scales, per axis', () => {
    // Axis 0: η κ = 2 (unstable). Axis 1: s = η g/(1 − (1 − ηκ)^α)^(1/α) with η = 0.01, κ = 1, g = 1, α = 1.5 is 0.165;
    // half-width 0.5 < 4s. Axis 2: half-width 10 is wide.
    const w = regimeWarnings({
      ...base,
      lr: 0.01,
      axes: { curvature: [200, 1, 1], noise: [1, 1, 1], halfWidth: [1, 0.5, 10] },
    })
    expect(codes(w)).toEqual(['unstable-iteration', 'narrow-basin'])
    expect(w[0]).toMatchObject({ severity: 'invalid', see: '/docs/theory#warning-unstable-axis' })
    expect(w[0].message).toMatch(/lr × curvature ≥ 2 along axis 0:/)
    expect(w[1].message).toMatch(/narrower than 4 stationary fluctuation scales along axis 1;/)
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
    expect(many[0].message).toMatch(/axis 0, 1, 2, 3, 4, 5, 6, 7, … \(20 axes\)/)
  })
})
