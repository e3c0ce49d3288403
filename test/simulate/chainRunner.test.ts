/**
 * `chainRunner`, the staged run of the simulator's chains: a run cut into stages at arbitrary exposures draws the
 * same numbers in the same order as a run in one go (same statistics, bit for bit), a stage stops exactly at its
 * exposure, a finite iterate whose energy overflows is an exit, and an iterate that is not finite is not one.
 */
import { describe, expect, it } from 'vitest'
import { type ChainSetup, chainRunner, runChains } from '../../src/simulate/runChains.ts'

function setup(partial: Partial<ChainSetup> & Pick<ChainSetup, 'dimension' | 'diagonal'>): ChainSetup {
  const d = partial.dimension
  return {
    alpha: 1.5,
    isotropic: false,
    twoHeight: 1,
    driftGain: new Float64Array(d).fill(0.01),
    noiseGain: new Float64Array(d).fill(0.05),
    chains: 60,
    cap: 400,
    seed: 7,
    ...partial,
  }
}

const CASES: [string, ChainSetup][] = [
  [
    'interval (−1, 2), α = 1.3',
    setup({ alpha: 1.3, dimension: 1, diagonal: Float64Array.of(1), interval: { left: 1, right: 2 }, cap: 40 }),
  ],
  [
    'quadratic diag(10, 1), axis noise',
    setup({ dimension: 2, diagonal: Float64Array.of(10, 1), noiseGain: Float64Array.of(0.0158, 0.005) }),
  ],
  [
    'quadratic diag(10, 1, 0.3), isotropic, α = 1.7',
    setup({
      alpha: 1.7,
      dimension: 3,
      diagonal: Float64Array.of(10, 1, 0.3),
      isotropic: true,
      noiseGain: new Float64Array(3).fill(0.02),
    }),
  ],
  [
    'full Hessian [[2, 0.5], [0.5, 1]], axis noise, α = 2',
    setup({
      alpha: 2,
      dimension: 2,
      diagonal: Float64Array.of(2, 1),
      hessian: Float64Array.of(2, 0.5, 0.5, 1),
      twoHeight: 0.3,
      noiseGain: Float64Array.of(0.02, 0.01),
    }),
  ],
]

describe('chainRunner: stages reproduce one run bit for bit', () => {
  for (const [name, s] of CASES) {
    it(name, () => {
      const whole = runChains(s)
      // some chains escape and some are censored at the cap, so the stages cut both kinds
      expect(whole.escaped).toBeGreaterThan(0)
      expect(whole.escaped).toBeLessThan(s.chains)
      const runner = chainRunner(s)
      const cuts = [1, 2, 399, 400, 401, 1000, 1001, 2345, 5000, 7777]
      let last = runner.stats()
      for (const cut of cuts) {
        last = runner.advance(cut)
        if (!last.done) expect(last.totalIterations).toBe(cut)
      }
      while (!last.done) last = runner.advance(last.totalIterations + 999)
      expect(last).toEqual(whole)
      expect(last.finished).toBe(s.chains)
      expect(last.exitCounts.reduce((a, b) => a + b, 0)).toBe(last.escaped)
    })
  }

  it('a stage stops exactly at its exposure, inside a chain; the work counts what was computed', () => {
    const s = setup({ dimension: 2, diagonal: Float64Array.of(1, 1), twoHeight: 1e6, cap: 1e9, chains: 3 })
    const runner = chainRunner(s)
    const a = runner.advance(1234)
    expect(a).toMatchObject({ totalIterations: 1234, iterations: 1234, draws: 2468, escaped: 0, finished: 0 })
    expect(a.done).toBe(false)
    const b = runner.advance(1234)
    expect(b.totalIterations).toBe(1234)
  })
})

describe('chainRunner: states at the edge of double precision', () => {
  it('a finite iterate whose energy ½λθ² overflows is an exit, not a non-finite state', () => {
    // λ = 1e308 with θ = ζ (no drift left: decay = 1 − 1e-308·1e308 = 0): λθ² overflows for |ζ| > 1.34, and
    // ½λθ² ≥ h = 1 for |ζ| ≥ 1.4e-154, so every chain leaves at its first step.
    const s = setup({
      dimension: 1,
      diagonal: Float64Array.of(1e308),
      driftGain: Float64Array.of(1e-308),
      noiseGain: Float64Array.of(1),
      twoHeight: 2,
      chains: 500,
    })
    const r = runChains(s)
    expect(r).toMatchObject({ escaped: 500, totalIterations: 500, nonFinite: 0 })
  })

  it('an iterate that is not finite ends its chain uncounted (censored after its last finite iteration) and pauses the run', () => {
    for (const base of [
      setup({ dimension: 1, diagonal: Float64Array.of(1), interval: { left: 1, right: 1 } }),
      setup({ dimension: 2, diagonal: Float64Array.of(1, 1) }),
    ]) {
      // α = 1e-310: every draw overflows (the exponents 1/α are infinite)
      const runner = chainRunner({ ...base, alpha: 1e-310, chains: 5 })
      const first = runner.advance(Infinity)
      expect(first).toMatchObject({ nonFinite: 1, escaped: 0, totalIterations: 0, iterations: 1, finished: 1 })
      expect(first.done).toBe(false)
      let r = first
      while (!r.done) r = runner.advance(Infinity)
      // each chain ends at its first non-finite state; its exposure stops one iteration before
      expect(r).toMatchObject({ nonFinite: 5, escaped: 0, finished: 5 })
      expect(r.totalIterations).toBe(r.iterations - 5)
    }
  })
})
