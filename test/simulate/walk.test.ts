/**
 * `Walk` against `runChains` (the simulator's chains): stepping one walk through N escapes must reproduce N
 * chains of `runChains` from the same seed bit for bit — same draws, same order, same exit rule — and the walk's
 * running mean must equal the simulator's censored estimate (Σ iterations / escapes).
 */
import { describe, expect, it } from 'vitest'
import { type ChainSetup, runChains } from '../../src/simulate/runChains.ts'
import { INSIDE, Walk } from '../../src/simulate/walk.ts'

function setup(partial: Partial<ChainSetup> & Pick<ChainSetup, 'dimension' | 'diagonal'>): ChainSetup {
  const d = partial.dimension
  return {
    alpha: 1.5,
    isotropic: false,
    twoHeight: 1,
    driftGain: new Float64Array(d).fill(0.01),
    noiseGain: new Float64Array(d).fill(0.05),
    chains: 40,
    cap: 1e9,
    seed: 7,
    ...partial,
  }
}

function walkUntil(s: ChainSetup, escapes: number) {
  const w = new Walk(s)
  while (w.escapes < escapes) w.step()
  return w
}

const CASES: [string, ChainSetup][] = [
  [
    'interval (−1, 2), κ = 1, α = 1.3',
    setup({ alpha: 1.3, dimension: 1, diagonal: Float64Array.of(1), interval: { left: 1, right: 2 } }),
  ],
  [
    'quadratic diag(10, 1), h = 0.5, axis noise',
    setup({ dimension: 2, diagonal: Float64Array.of(10, 1), noiseGain: Float64Array.of(0.0158, 0.005) }),
  ],
  [
    'quadratic diag(10, 1, 0.3), isotropic noise, α = 1.7',
    setup({
      alpha: 1.7,
      dimension: 3,
      diagonal: Float64Array.of(10, 1, 0.3),
      isotropic: true,
      noiseGain: new Float64Array(3).fill(0.02),
      seed: 11,
    }),
  ],
  [
    'quadratic diag(4, 1), isotropic Gaussian (α = 2, no mixing draw)',
    setup({ alpha: 2, dimension: 2, diagonal: Float64Array.of(4, 1), isotropic: true, twoHeight: 0.02, chains: 25 }),
  ],
]

describe('Walk reproduces runChains bit for bit', () => {
  for (const [name, s] of CASES) {
    it(name, () => {
      const expected = runChains(s)
      expect(expected.escaped).toBe(s.chains)
      const w = walkUntil(s, s.chains)
      expect(w.totalIterations).toBe(expected.totalIterations)
      expect(w.exitCounts).toEqual(expected.exitCounts)
      expect(w.meanEscapeIterations).toBe(expected.totalIterations / expected.escaped)
    })
  }

  it('restarts at θ* after an exit and reports the first point outside until the next step', () => {
    const s = CASES[0][1]
    const w = new Walk(s)
    let direction = w.step()
    while (direction === INSIDE) direction = w.step()
    const x = w.theta[0]
    expect(x <= -1 || x >= 2).toBe(true)
    expect(direction).toBe(x >= 2 ? 1 : 0)
    const before = w.current
    w.step()
    expect(w.current).toBe(1)
    expect(before).toBeGreaterThan(0)
    expect(Math.abs(w.theta[0])).toBeLessThan(Math.abs(x))
  })

  it('has no mean before the first escape', () => {
    expect(new Walk(CASES[1][1]).meanEscapeIterations).toBeNaN()
  })
})
