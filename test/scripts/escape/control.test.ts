// The escape experiment's pipeline, end to end, on the control where the theory holds by construction (a quadratic
// objective with SαS noise of the axis model in its eigenbasis, scripts/escape/controlSystem.ts): measurement at θ*
// (noise rows, α̂, Lanczos), the quadratic model, real SGD runs with the subspace exit, the censoring-aware estimate
// and the predictions (reduced run: the first learning rate of the control, 120 runs).
//
// Checks (docs/escape-experiment.md#control):
//  - with the injected α and scales, the simulator agrees with the measured mean within 4 standard errors, and the
//    leading order is within its stated small-ε accuracy (0–15 % too long at ε ≈ 0.14), widened by 4 s.e.;
//  - with the pipeline's own measurements, simulatedLevy agrees with the measured mean within 4 standard errors, where
//    the prediction's error includes the propagated standard error of α̂ (K depends on α through η^(−α): a 0.02 error
//    in α̂ moves K by about 12 % at η = 0.003).

import { describe, expect, it } from 'vitest'
import { CONTROL, controlSystem } from '../../../scripts/escape/controlSystem.ts'
import { experimentCell } from '../../../scripts/escape/experimentCell.ts'
import { measureSystem } from '../../../scripts/escape/measureSystem.ts'
import { predictCell, quadraticModel } from '../../../scripts/escape/predictCell.ts'
import { CONTROL_SETTINGS } from '../../../scripts/escape/settings.ts'

describe('escape experiment control (reduced run: 120 runs per lr)', async () => {
  const system = controlSystem(CONTROL_SETTINGS.seed)
  const m = await measureSystem(system, CONTROL_SETTINGS.measure)
  const quad = quadraticModel(m, CONTROL_SETTINGS.height)
  const lr = CONTROL_SETTINGS.lrs[0]
  const sim = CONTROL_SETTINGS.cell.simulation
  const cell = await experimentCell('control', system, m, quad, undefined, {
    ...CONTROL_SETTINGS.cell,
    optimizer: 'sgd',
    lr,
    runs: 120,
    seed: 12,
  })
  const sub = cell.rows.find((r) => r.exit === 'subspace')!
  const measured = sub.measuredMeanIterations!
  const escaped = sub.runs - sub.censored
  const seMeasured = measured / Math.sqrt(escaped)
  const k = CONTROL_SETTINGS.measure.topK
  const truth = predictCell(
    { ...quad, alpha: CONTROL.alpha, scales: CONTROL.scales.slice(0, k) },
    'sgd',
    lr,
    undefined,
    sim,
  )
  const seAlpha = m.alpha.standardError * m.alpha.alpha ** 2
  const shifted = predictCell({ ...quad, alpha: quad.alpha + seAlpha }, 'sgd', lr, undefined, sim)

  it('measures the injected α, eigenvalues and scales', () => {
    expect(Math.abs(m.alpha.alpha - CONTROL.alpha)).toBeLessThan(4 * seAlpha)
    CONTROL.lambdas.slice(0, k).forEach((l, i) => {
      expect(m.eigenvalues[i]).toBeCloseTo(l, 8)
    })
    quad.scales.forEach((s, i) => expect(Math.abs(s / CONTROL.scales[i] - 1)).toBeLessThan(0.05))
  })

  it('most runs leave within the cap (the estimate is not driven by censoring)', () => {
    expect(sub.censored).toBeLessThan(0.1 * sub.runs)
  })

  it('with the injected law, the simulator agrees with the measured runs within 4 standard errors', () => {
    const s = truth.simulatedLevy!
    expect(Math.abs(measured - s)).toBeLessThan(4 * Math.hypot(seMeasured, s / Math.sqrt(sim.chains)))
  })

  it('with the injected law, the leading order is within its stated small-ε accuracy', () => {
    const eps = lr ** ((CONTROL.alpha - 1) / CONTROL.alpha)
    expect(eps).toBeCloseTo(0.144, 3)
    const ratio = measured / truth.predictedLevy!
    const rel = 1 / Math.sqrt(escaped)
    expect(ratio).toBeGreaterThan(0.85 - 4 * rel)
    expect(ratio).toBeLessThan(1 + 4 * rel)
  })

  it("with the pipeline's measurements, simulatedLevy agrees within 4 standard errors (α̂ error included)", () => {
    const s = sub.simulatedLevy!
    const seAlphaPart = Math.abs(shifted.simulatedLevy! - s)
    expect(Math.abs(measured - s)).toBeLessThan(4 * Math.hypot(seMeasured, s / Math.sqrt(sim.chains), seAlphaPart))
  })

  // How much too long the leading order is at these ε, as docs/theory.md#warning-epsilon states it (32 % at
  // ε = 0.22, 53 % at ε = 0.31, from the full control run of docs/escape-experiment.md).
  const documentedRatio: Record<number, number> = { 0.01: 1.32, 0.03: 1.53 }
  for (const other of CONTROL_SETTINGS.lrs.slice(1)) {
    it(`η = ${other}: with the injected law, the simulator agrees with 120 measured runs within 4 standard errors`, async () => {
      const c = await experimentCell('control', system, m, quad, undefined, {
        ...CONTROL_SETTINGS.cell,
        optimizer: 'sgd',
        lr: other,
        runs: 120,
        seed: 13,
      })
      const r = c.rows.find((x) => x.exit === 'subspace')!
      expect(r.censored).toBe(0)
      const mean = r.measuredMeanIterations!
      const injected = predictCell(
        { ...quad, alpha: CONTROL.alpha, scales: CONTROL.scales.slice(0, k) },
        'sgd',
        other,
        undefined,
        sim,
      )
      const t = injected.simulatedLevy!
      expect(Math.abs(mean - t)).toBeLessThan(4 * Math.hypot(mean / Math.sqrt(r.runs), t / Math.sqrt(sim.chains)))
      // the leading order is too long here by the documented amount, within 4 standard errors of the simulation
      const ratio = injected.predictedLevy! / t
      expect(Math.abs(ratio - documentedRatio[other])).toBeLessThan((4 * ratio) / Math.sqrt(sim.chains))
    })
  }
})
