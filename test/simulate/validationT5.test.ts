// docs/theory.md#validation-1d: 1-D escape of discrete SGD θ ← θ − ηθ + ησζ from (−a, b), c = c_α. The table's Monte-Carlo
// column (4000 chains, independent code) is reproduced within 4 combined standard errors,
// |K_ours − K_table| < 4·√(se_ours² + se_table²), and P(right) within 4 combined binomial s.e. (the table's
// frequency s.e. taken as √(p(1−p)/4000)). The theory column (η^(−α)/ν_L(W), from the escape-time calculator) is
// checked to the table's printed precision. Chains per row are chosen to keep each run at ≤ ~5·10^6 draws.
import { describe, expect, it } from 'vitest'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { SimulateRequest } from '../../src/schemas/simulate.ts'
import { simulate as simulateCore } from '../../src/simulate/simulate.ts'

/** Parse + compute, as the HTTP routes do. */
const simulate = parseAndCompute(SimulateRequest, simulateCore)

const rows = [
  { alpha: 1.2, sigma: 1, a: 1, b: 2, eta: 0.01, asym: 629.6, mc: 533.0, se: 8.2, right: 0.291, chains: 4000 },
  { alpha: 1.5, sigma: 1, a: 1, b: 2, eta: 0.01, asym: 3703.8, mc: 3248.9, se: 50.7, right: 0.237, chains: 1200 },
  { alpha: 1.8, sigma: 1, a: 1, b: 2, eta: 0.02, asym: 9695.0, mc: 8605.8, se: 136.2, right: 0.194, chains: 500 },
  { alpha: 1.5, sigma: 0.5, a: 1, b: 1, eta: 0.05, asym: 634.1, mc: 560.8, se: 8.8, right: 0.497, chains: 4000 },
  { alpha: 1.5, sigma: 1, a: 0.5, b: 0.5, eta: 0.01, asym: 886.2, mc: 542.9, se: 8.2, right: 0.49, chains: 4000 },
]

describe('T5 (1-D escape): Monte-Carlo column', () => {
  for (const r of rows) {
    it(`α = ${r.alpha}, σ = ${r.sigma}, (−${r.a}, ${r.b}), η = ${r.eta}: K = ${r.mc} ± ${r.se}`, () => {
      const res = simulate({
        optimizer: 'sgd',
        alpha: r.alpha,
        lr: r.eta,
        basin: { kind: 'interval', left: r.a, right: r.b },
        noise: { scale: r.sigma },
        chains: r.chains,
        maxIterations: 1_000_000,
        seed: 2020,
      })
      expect(res.ok).toBe(true)
      if (!res.ok) return
      const out = res.value
      const combined = Math.hypot(out.standardError, r.se)
      expect(Math.abs(out.meanEscapeIterations - r.mc)).toBeLessThan(4 * combined)
      const right = out.exitProbabilities!.find((e) => e.direction === 'right')!
      expect(Math.abs(right.probability - r.right)).toBeLessThan(
        4 * Math.hypot(right.standardError, Math.sqrt((r.right * (1 - r.right)) / 4000)),
      )
      expect(out.theory!.meanEscapeIterations).toBeCloseTo(r.asym, 0)
      expect(out.ratioToTheory).toBeCloseTo(out.meanEscapeIterations / r.asym, 3)
    })
  }
})
