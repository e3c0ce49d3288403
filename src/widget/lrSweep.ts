/**
 * Mean escape iterations of SGD and Adam as functions of the learning rate, everything else as in
 * the state: one `escapeTime` call per grid point (both optimizers at the same η), on a
 * log-spaced grid that spans 10⁻⁴ (or a decade below the smaller chosen η) up to 0.5 (or the larger
 * chosen η). Leading order K = η^(−α)/ν_L(W) is a line of slope −α on log-log axes
 * (spec/theory.md §4.1); for an interval basin the finite-η one-jump value (§4.3) is returned too.
 * Points whose computation fails are NaN (drawn as gaps).
 */
import type { ComputeFn } from './computeFn.ts'
import type { WidgetState } from './state.ts'
import { toRequest } from './toRequest.ts'

export interface LrSweep {
  lr: number[]
  sgd: number[]
  adam: number[]
  sgdOneJump?: number[]
  adamOneJump?: number[]
}

export function lrGrid(s: WidgetState, points = 25): number[] {
  const lo = Math.min(1e-4, 10 ** Math.floor(Math.log10(Math.min(s.sgd.lr, s.adam.lr)) - 1e-9))
  const hi = Math.min(0.9, Math.max(0.5, s.sgd.lr, s.adam.lr))
  if (!(lo > 0) || !(hi > lo)) return []
  const a = Math.log10(lo)
  const b = Math.log10(hi)
  return Array.from({ length: points }, (_, i) => 10 ** (a + ((b - a) * i) / (points - 1)))
}

export function lrSweep(s: WidgetState, compute: ComputeFn, points = 25): LrSweep {
  const lr = lrGrid(s, points)
  const out: LrSweep = { lr, sgd: [], adam: [] }
  const oneJump = s.basin === 'interval'
  if (oneJump) {
    out.sgdOneJump = []
    out.adamOneJump = []
  }
  for (const eta of lr) {
    const r = compute(toRequest(s, { sgd: eta, adam: eta }))
    const v = r.ok ? r.value : undefined
    out.sgd.push(v?.sgd?.meanEscapeIterations ?? Number.NaN)
    out.adam.push(v?.adam?.meanEscapeIterations ?? Number.NaN)
    if (oneJump) {
      out.sgdOneJump!.push(v?.sgd?.oneJumpIterations ?? Number.NaN)
      out.adamOneJump!.push(v?.adam?.oneJumpIterations ?? Number.NaN)
    }
  }
  return out
}
