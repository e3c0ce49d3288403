import { describe, expect, it } from 'vitest'
import { escapeTime as escapeTimeCore } from '../../src/escape/index.ts'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { lrGrid, lrSweep } from '../../src/widget/lrSweep.ts'
import { defaultState, type WidgetState } from '../../src/widget/state.ts'
import { toRequest } from '../../src/widget/toRequest.ts'

/** Parse + compute, as the HTTP routes do. */
const escapeTime = parseAndCompute(EscapeTimeRequest, escapeTimeCore)

/** docs/theory.md#validation-2d: H = diag(10, 1), h = 0.5, σ = (√10/2, 1/2), axis model, α = 1.5: ν_L(W_SGD) = 4.601358. */
const t6: WidgetState = {
  ...defaultState,
  curvatures: [10, 1],
  height: 0.5,
  noiseScale: [Math.sqrt(10) / 2, 0.5],
  sgd: { alpha: 1.5, lr: 0.01 },
  adam: { alpha: 1.5, lr: 0.01, preconditioner: [1.423308, 0.450089] },
}

describe('lrGrid', () => {
  it('spans 1e-4 (or a decade below the smaller η) to 0.5 (or the larger η), log-spaced', () => {
    const g = lrGrid(t6, 25)
    expect(g.length).toBe(25)
    expect(g[0]).toBeCloseTo(1e-4, 15)
    expect(g[24]).toBeCloseTo(0.5, 12)
    const r = g[1] / g[0]
    for (let i = 1; i < g.length; i++) expect(g[i] / g[i - 1]).toBeCloseTo(r, 12)
    const h = lrGrid({ ...t6, sgd: { alpha: 1.5, lr: 3e-6 }, adam: { ...t6.adam, lr: 0.8 } }, 10)
    expect(h[0]).toBeCloseTo(1e-6, 18)
    expect(h[9]).toBeCloseTo(0.8, 12)
  })
})

function base(s: WidgetState) {
  const r = escapeTime(toRequest(s))
  if (!r.ok) throw new Error(r.detail)
  return r.value
}

describe('lrSweep with the core escapeTime', () => {
  it('reproduces K = η^(−α)/ν_L(W) with the T6 Lévy masses at every grid point (relative 1e-6)', () => {
    const s = lrSweep(t6, base(t6), escapeTime)
    s.lr.forEach((eta, i) => {
      expect(s.sgd[i] / (eta ** -1.5 / 4.601358)).toBeCloseTo(1, 6)
      expect(s.adam[i] / (eta ** -1.5 / 3.093847)).toBeCloseTo(1, 6)
    })
    expect(s.sgdOneJump).toBeUndefined()
  })
  it('equals escapeTime called at every grid point (ν_L(W) does not depend on η), to 1e-12', () => {
    for (const st of [
      t6,
      { ...t6, noiseModel: 'isotropic' as const, adam: { ...t6.adam, alpha: 1.8 } },
      { ...t6, normalization: 'unit' as const },
    ]) {
      const s = lrSweep(st, base(st))
      s.lr.forEach((eta, i) => {
        const direct = base({ ...st, sgd: { ...st.sgd, lr: eta }, adam: { ...st.adam, lr: eta } })
        expect(Math.abs(s.sgd[i] / direct.sgd!.meanEscapeIterations - 1)).toBeLessThan(1e-12)
        expect(Math.abs(s.adam[i] / direct.adam!.meanEscapeIterations - 1)).toBeLessThan(1e-12)
      })
    }
  })
  it('gives straight lines of slope −α on log-log axes', () => {
    const st = { ...t6, adam: { ...t6.adam, alpha: 1.8 } }
    const s = lrSweep(st, base(st))
    for (let i = 1; i < s.lr.length; i++) {
      const dl = Math.log(s.lr[i] / s.lr[i - 1])
      expect(Math.log(s.sgd[i] / s.sgd[i - 1]) / dl).toBeCloseTo(-1.5, 10)
      expect(Math.log(s.adam[i] / s.adam[i - 1]) / dl).toBeCloseTo(-1.8, 10)
    }
  })
  it('interval basin: adds the one-jump values, which meet the asymptote as η → 0 (T5: 628.8 vs 629.6 at η = 0.01)', () => {
    const st: WidgetState = {
      ...defaultState,
      basin: 'interval',
      left: 1,
      right: 2,
      noiseScale: [1],
      sgd: { alpha: 1.2, lr: 0.01 },
    }
    const s = lrSweep(st, base(st), escapeTime)
    expect(s.oneJumpLr).toEqual(s.lr.filter((_, k) => k % 2 === 0))
    expect(s.sgdOneJump?.length).toBe(13)
    const i = s.oneJumpLr!.findIndex((x) => Math.abs(x - 0.01) / 0.01 < 0.45)
    const asym = (eta: number) => s.sgd[s.lr.indexOf(eta)]
    const near = s.sgdOneJump![i] / asym(s.oneJumpLr![i])
    expect(near).toBeLessThan(1)
    expect(near).toBeGreaterThan(0.99)
    expect(Math.abs(s.sgdOneJump![0] / asym(s.oneJumpLr![0]) - 1)).toBeLessThan(Math.abs(near - 1))
    // each value is escapeTime's own oneJumpIterations at that η
    const direct = base({ ...st, sgd: { ...st.sgd, lr: s.oneJumpLr![5] }, adam: { ...st.adam, lr: s.oneJumpLr![5] } })
    expect(s.sgdOneJump![5]).toBe(direct.sgd!.oneJumpIterations)
    expect(s.adamOneJump![5]).toBe(direct.adam!.oneJumpIterations)
    expect(lrSweep(st, base(st)).sgdOneJump).toBeUndefined() // remote mode: no per-point compute
  })
  it('an optimizer missing from the result gives NaN points (gaps), not a throw', () => {
    const b = base(t6)
    const s = lrSweep(t6, { ...b, adam: undefined })
    expect(s.adam.length).toBe(s.lr.length)
    expect(s.adam.length).toBeGreaterThan(1)
    expect(s.adam.every(Number.isNaN)).toBe(true)
    expect(s.sgd.length).toBe(s.lr.length)
    expect(s.sgd.every(Number.isFinite)).toBe(true)
  })
})
