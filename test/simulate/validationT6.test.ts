// docs/theory.md#validation-2d: 2-D quadratic basin H = diag(10, 1), h = 0.5, σ = (√10/2, 1/2), η = 0.01; SGD and Adam
// (q_i = σ_i/σ̄, σ̄ the α-power mean), axis and isotropic noise. The table's Monte-Carlo columns (4000 chains,
// independent code; their s.e. is taken as K/√4000, the exponential law having CV ≈ 1) are reproduced within
// 4 combined standard errors. The theory columns (K asym) are checked to the table's printed precision. 600 chains
// per run keep the whole file at ≈ 10^7 draws.
import { describe, expect, it } from 'vitest'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { SimulateRequest } from '../../src/schemas/simulate.ts'
import { simulate as simulateCore } from '../../src/simulate/simulate.ts'

/** Parse + compute, as the HTTP routes do. */
const simulate = parseAndCompute(SimulateRequest, simulateCore)

const rows = [
  { alpha: 1.2, model: 'axis', sgd: [61.6, 49.9], adam: [83.7, 69.0] },
  { alpha: 1.2, model: 'isotropic', sgd: [64.6, 54.9], adam: [94.6, 81.7] },
  { alpha: 1.5, model: 'axis', sgd: [217.3, 180.7], adam: [323.2, 276.8] },
  { alpha: 1.5, model: 'isotropic', sgd: [221.4, 187.0], adam: [344.3, 303.9] },
  { alpha: 1.8, model: 'axis', sgd: [1180.4, 1018.6], adam: [1891.9, 1721.7] },
  { alpha: 1.8, model: 'isotropic', sgd: [1186.3, 1049.4], adam: [1931.7, 1751.7] },
] as const

const CHAINS = 600

describe('T6 (2-D quadratic, SGD vs Adam): Monte-Carlo columns', () => {
  for (const r of rows) {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const [asym, mc] = r[optimizer]
      it(`α = ${r.alpha}, ${r.model}, ${optimizer}: K = ${mc} (asym ${asym})`, () => {
        const res = simulate({
          optimizer,
          alpha: r.alpha,
          lr: 0.01,
          basin: { kind: 'quadratic', curvatures: [10, 1], height: 0.5 },
          noise: { scale: [Math.sqrt(10) / 2, 0.5], model: r.model },
          chains: CHAINS,
          seed: 6,
        })
        expect(res.ok).toBe(true)
        if (!res.ok) return
        const out = res.value
        const combined = Math.hypot(out.standardError, mc / Math.sqrt(4000))
        expect(Math.abs(out.meanEscapeIterations - mc)).toBeLessThan(4 * combined)
        expect(out.theory!.meanEscapeIterations).toBeCloseTo(asym, 0)
      })
    }
  }
})
