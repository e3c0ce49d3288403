/**
 * The leading-order escape theory for a simulate request: the escape-time calculator (src/escape,
 * docs/theory.md#calculator) called on the same basin (the interval's drift curvature κ does not enter the leading order),
 * noise, optimizer, learning rate and preconditioner, with c = c_α. It returns K = η^(−α)/ν_L(W), and for an
 * interval also the finite-η one-jump value; exit probabilities where the calculator gives them. The theory
 * covers α ∈ (1, 2) only: for α = 2 (Gaussian noise) escape is exponential in the barrier (Kramers), and α ≤ 1
 * is outside the calculator's range, so no value is returned, only the reason.
 */
import { escapeTime } from '../escape/escapeTime.ts'
import type { SimulateOutput, SimulateParsed } from '../schemas/simulate.ts'
import type { WarningOutput } from '../schemas/warning.ts'

/** The leading-order value a simulation is compared with. */
export type TheoryValue = NonNullable<SimulateOutput['theory']>

/** The theory value of a simulate request, or why there is none (α = 2, α ≤ 1). */
export type SimulationTheory =
  | { ok: true; value: TheoryValue; warnings: WarningOutput[] }
  | { ok: false; reason: string }

/**
 * The leading-order value K = η^(−α)/ν_L(W) (c = c_α) that a simulate request is compared with, from the escape-time
 * calculator on the same basin, noise and optimizer (docs/theory.md#calculator, docs/theory.md#simulation-estimator);
 * for an interval also the one-jump value. For α = 2 or α ≤ 1 there is no Lévy leading order: only the reason.
 */
export function simulationTheory(req: SimulateParsed, q: number[] | undefined): SimulationTheory {
  if (req.alpha === 2) {
    return {
      ok: false,
      reason:
        'No theory value: α = 2 is Gaussian noise, outside the Lévy escape theory (escape is exponential in the ' +
        'barrier, Kramers), so theory and ratioToTheory are omitted.',
    }
  }
  if (!(req.alpha > 1 && req.alpha < 2)) {
    return {
      ok: false,
      reason: `No theory value: the escape-time calculator covers α ∈ (1, 2), not α = ${req.alpha}; theory and ratioToTheory are omitted.`,
    }
  }
  const b = req.basin
  const basin =
    b.kind === 'interval'
      ? { kind: 'interval' as const, left: b.left, right: b.right }
      : 'curvatures' in b
        ? { kind: 'quadratic' as const, curvatures: b.curvatures, height: b.height }
        : { kind: 'quadratic' as const, hessian: b.hessian, height: b.height }
  const optimizer = { alpha: req.alpha, lr: req.lr }
  const result = escapeTime({
    basin,
    noise: { scale: req.noise.scale, model: req.noise.model },
    normalization: 'stable',
    optimizers: req.optimizer === 'adam' ? { adam: { ...optimizer, preconditioner: q ?? 'auto' } } : { sgd: optimizer },
  })
  if (!result.ok) return { ok: false, reason: `No theory value: the escape-time calculator answered: ${result.detail}` }
  const o = req.optimizer === 'adam' ? result.value.adam : result.value.sgd
  if (!o)
    return { ok: false, reason: 'No theory value: the escape-time calculator returned no value for this optimizer.' }
  const value: TheoryValue = { meanEscapeIterations: o.meanEscapeIterations }
  if (o.oneJumpIterations !== undefined) value.oneJumpIterations = o.oneJumpIterations
  if (o.exitProbabilities) value.exitProbabilities = o.exitProbabilities
  return {
    ok: true,
    value,
    warnings: result.value.warnings.map((w) => ({ ...w, message: `theory: ${w.message}` })),
  }
}
