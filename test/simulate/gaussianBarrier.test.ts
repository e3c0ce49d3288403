// α = 2 (Gaussian noise): a documented behaviour test, not a claim of the calculator. The Lévy theory does not
// cover α = 2 (no theory value is returned); there escape is a Kramers (large-deviation) event whose mean time is
// exponential in barrier/noise. Oracle (scripts/fixtures/simulateGaussian.py → test/fixtures/simulateGaussian.json):
// the exact OU mean exit time from 0 out of (−a, a), with the Broadie–Glasserman–Kou continuity correction for the
// discrete-time check (barrier shifted by 0.5826 × step s.d.). Tolerances: 4 s.e. of the simulation plus 6% for
// the asymptotic continuity correction (its error at these step sizes, a/step-s.d. ≈ 6–11, is a few per cent);
// the log-slope d ln K/d(h/D) is compared with the oracle's within 0.1.
import { describe, expect, it } from 'vitest'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { SimulateRequest } from '../../src/schemas/simulate.ts'
import { simulate as simulateCore } from '../../src/simulate/simulate.ts'
import fixture from '../fixtures/simulateGaussian.json' with { type: 'json' }

/** Parse + compute, as the HTTP routes do. */
const simulate = parseAndCompute(SimulateRequest, simulateCore)

describe('α = 2: exponential-in-barrier escape (outside the Lévy theory)', () => {
  const runs = fixture.rows.map((row) => {
    const res = simulate({
      optimizer: 'sgd',
      alpha: 2,
      lr: fixture.eta,
      basin: { kind: 'interval', left: row.a, right: row.a, curvature: fixture.kappa },
      noise: { scale: fixture.sigma },
      chains: 800,
      seed: 42,
    })
    if (!res.ok) throw new Error(res.detail)
    return { row, out: res.value }
  })

  for (const { row, out } of runs) {
    it(`a = ${row.a} (h/D = ${row.barrierOverD.toFixed(2)}): K matches the corrected OU exit time ${row.corrected.toFixed(0)}`, () => {
      expect(out.theory).toBeUndefined()
      const tol = 4 * out.standardError + 0.06 * row.corrected
      expect(Math.abs(out.meanEscapeIterations - row.corrected)).toBeLessThan(tol)
    })
  }

  it('log K is linear in h/D with the Kramers slope of the oracle, not polynomial in the width', () => {
    const x = runs.map((r) => r.row.barrierOverD)
    const slope = (ys: number[]) => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length
      const my = ys.reduce((s, v) => s + v, 0) / ys.length
      let sxy = 0
      let sxx = 0
      x.forEach((v, i) => {
        sxy += (v - mx) * (ys[i] - my)
        sxx += (v - mx) ** 2
      })
      return sxy / sxx
    }
    const simSlope = slope(runs.map((r) => Math.log(r.out.meanEscapeIterations)))
    const oracleSlope = slope(runs.map((r) => Math.log(r.row.corrected)))
    expect(Math.abs(simSlope - oracleSlope)).toBeLessThan(0.1)
    // A polynomial (Lévy-type) law K ∝ a^α would give at most (0.45/0.25)^2 = 3.24 over this range.
    const growth = runs[runs.length - 1].out.meanEscapeIterations / runs[0].out.meanEscapeIterations
    expect(growth).toBeGreaterThan(15)
  })
})
