/**
 * Mean escape iterations of SGD and Adam as functions of the learning rate, everything else as in
 * the state, on a log-spaced grid from 10⁻⁴ (or a decade below the smaller chosen η) to 0.5 (or the
 * larger chosen η).
 *
 * Leading order: K(η) = η^(−α)/ν_L(W) (docs/theory.md#normalisation; docs/api.md `meanEscapeIterations`). The Lévy
 * mass ν_L(W) of the exit set does not depend on η, so the whole line follows from one `escapeTime`
 * result (`levyMass`, `alpha`): a line of slope −α on log-log axes, identical to calling `escapeTime`
 * at every grid point (tested) but 25 times cheaper, which keeps a redraw inside one frame. For an
 * interval basin the finite-η one-jump values (docs/theory.md#one-jump-proxy) do depend on η beyond the power law; they are
 * computed by `escapeTime` at every other grid point (13 of 25: each costs exact SαS tail evaluations)
 * when a compute function is given. Failed points are NaN (drawn as gaps).
 */
import type { EscapeTimeOutput } from '../schemas/escapeTime.ts'
import type { ComputeFn } from './computeFn.ts'
import type { WidgetState } from './state.ts'
import { toRequest } from './toRequest.ts'

/**
 * Mean escape iterations of both optimizers along the learning-rate grid, with the one-jump values of an interval.
 */
export interface LrSweep {
  lr: number[]
  sgd: number[]
  adam: number[]
  /** Interval basin: the learning rates of the one-jump values (every other grid point). */
  oneJumpLr?: number[]
  sgdOneJump?: number[]
  adamOneJump?: number[]
}

/**
 * The learning rates of the sweep: `points` log-spaced values from min(10⁻⁴, a decade below the smaller chosen η)
 * to max(0.5, the larger chosen η), capped at 0.9; empty if the state has no valid η.
 */
export function lrGrid(s: WidgetState, points = 25): number[] {
  const lo = Math.min(1e-4, 10 ** Math.floor(Math.log10(Math.min(s.sgd.lr, s.adam.lr)) - 1e-9))
  const hi = Math.min(0.9, Math.max(0.5, s.sgd.lr, s.adam.lr))
  if (!(lo > 0) || !(hi > lo)) return []
  const a = Math.log10(lo)
  const b = Math.log10(hi)
  return Array.from({ length: points }, (_, i) => 10 ** (a + ((b - a) * i) / (points - 1)))
}

/**
 * Mean escape iterations of SGD and Adam on `lrGrid`: K(η) = η^(−α)/ν_L(W) from one `escapeTime` answer, since ν_L(W)
 * does not depend on η (docs/theory.md#normalisation); with `compute`, also the interval's finite-η one-jump values,
 * which do (docs/theory.md#one-jump-proxy).
 */
export function lrSweep(s: WidgetState, base: EscapeTimeOutput, compute?: ComputeFn, points = 25): LrSweep {
  const lr = lrGrid(s, points)
  const line = (o: { alpha: number; levyMass: number } | undefined) =>
    lr.map((eta) => (o ? eta ** -o.alpha / o.levyMass : Number.NaN))
  const out: LrSweep = { lr, sgd: line(base.sgd), adam: line(base.adam) }
  if (s.basin === 'interval' && compute) {
    out.oneJumpLr = lr.filter((_, i) => i % 2 === 0)
    out.sgdOneJump = []
    out.adamOneJump = []
    for (const eta of out.oneJumpLr) {
      const r = compute(toRequest(s, { sgd: eta, adam: eta }))
      out.sgdOneJump.push((r.ok && r.value.sgd?.oneJumpIterations) || Number.NaN)
      out.adamOneJump.push((r.ok && r.value.adam?.oneJumpIterations) || Number.NaN)
    }
  }
  return out
}
