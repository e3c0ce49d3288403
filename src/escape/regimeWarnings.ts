/**
 * Regime warnings of the escape-time calculator (docs/theory.md#regime-warnings: problems that do not make
 * the leading-order answer wrong enough to refuse). Thresholds, from the simulations of docs/theory.md#validation:
 *
 * - ε = η^((α−1)/α) > 0.1: the unspecified correction ρ(ε) is not small (simulated/asymptotic
 *   0.85–0.93 at ε ≈ 0.14–0.27 in T5, ≈ 0.83 in T6).
 * - α < 1.1: ε → 1 as α → 1 for every η, so the small-noise limit is out of reach.
 * - α > 1.9: near the Gaussian limit, exit by many small fluctuations (exponential in the barrier)
 *   competes with the single large jump that the Lévy leading order counts.
 * - one noise step leaves the basin with probability > 0.01 (escape within ~100 iterations); when it is ≥ ½
 *   or the mean escape is under one iteration, the answer is in the single-step regime (`isSingleStep`):
 *   the iteration count only says "immediately" (severity "invalid", docs/theory.md#single-step).
 * - quadratic basins: η·κ_i ≥ 2 (the discrete iteration is unstable along axis i), or a basin half-width
 *   sqrt(2h/H_ii) below 4 stationary SαS scales of the discrete AR(1) iterate along axis i,
 *   s_i = η g_i / (1 − |1 − η κ_i|^α)^(1/α) (κ_i = H_ii for SGD, H_ii/q_i for Adam): exits through
 *   several moderate jumps then matter and the leading order overstates the escape time (T5, last row).
 */
import { type WarningCode, type WarningOutput, warning } from '../schemas/warning.ts'

/** What `regimeWarnings` judges for one optimizer: its leading order, step and, for quadratic basins, each axis. */
export interface RegimeInput {
  /** The optimizer the warnings concern. */
  name: 'sgd' | 'adam'
  /** Leading-order mean escape in iterations (below 1: the single-step regime). */
  meanEscapeIterations: number
  alpha: number
  lr: number
  epsilon: number
  /** Probability that one noise step from θ* leaves the basin (exact one-jump value or 1/K). */
  oneStepProbability: number
  /** Quadratic basins only: per-axis drift curvature κ_i, noise scale g_i and half-width w_i. */
  axes?: { curvature: number[]; noise: number[]; halfWidth: number[] }
}

const EPSILON_WARNING = 0.1
const ONE_STEP_WARNING = 0.01
/** One-step exit probability from which the basin is left within a single step. */
const SINGLE_STEP_PROBABILITY = 0.5

/** The single-step regime: mean escape under one iteration, or one step leaves with probability ≥ ½. */
export const isSingleStep = (meanEscapeIterations: number, oneStepProbability: number): boolean =>
  meanEscapeIterations < 1 || oneStepProbability >= SINGLE_STEP_PROBABILITY

const fmt = (x: number): string => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(3) : x.toExponential(2))

/**
 * The warnings of one optimizer's escape answer whose leading order may be off (docs/theory.md#regime-warnings):
 * ε = η^((α−1)/α) > 0.1, α < 1.1 or > 1.9, one step leaving with probability > 0.01 (or the single-step regime,
 * docs/theory.md#single-step), an unstable axis η·κ_i ≥ 2 and a basin narrower than 4 stationary scales of the
 * discrete iterate. Each warning names the optimizer and its theory anchor.
 */
export function regimeWarnings(r: RegimeInput): WarningOutput[] {
  const w: WarningOutput[] = []
  const add = (code: WarningCode, message: string) => w.push(warning(code, message, r.name))
  if (r.epsilon > EPSILON_WARNING) {
    add(
      'epsilon-not-small',
      `ε = η^((α−1)/α) = ${fmt(r.epsilon)} is not small; the leading-order escape time is too long by typically ` +
        '7–15% at ε ≈ 0.14–0.27 in one dimension and by more in several (17–53% at ε ≈ 0.14–0.31 in a ' +
        'three-direction basin). Smaller lr or a larger α reduces ε; /v1/simulate measures the finite-ε value.',
    )
  }
  if (r.alpha < 1.1) {
    add(
      'alpha-near-one',
      `α = ${fmt(r.alpha)} is close to 1, where ε = η^((α−1)/α) tends to 1 for every learning rate; the small-noise asymptotics are unreliable.`,
    )
  }
  if (r.alpha > 1.9) {
    add(
      'alpha-near-two',
      `α = ${fmt(r.alpha)} is close to 2; near the Gaussian limit, escape by many small fluctuations ` +
        `(exponential in the barrier) competes with the single large jump counted by the Lévy theory.`,
    )
  }
  if (isSingleStep(r.meanEscapeIterations, r.oneStepProbability)) {
    add(
      'single-step',
      `the basin is left within one step (one noise step leaves with probability ≈ ${fmt(Math.min(1, r.oneStepProbability))}, ` +
        `leading-order mean ${fmt(r.meanEscapeIterations)} iterations); the iteration count only says "immediately".`,
    )
  } else if (r.oneStepProbability > ONE_STEP_WARNING) {
    add(
      'one-step-escape',
      `a single noise step leaves the basin with probability ≈ ${fmt(r.oneStepProbability)}; escape takes ` +
        `only ~${fmt(1 / r.oneStepProbability)} iterations and the asymptotic regime is not reached.`,
    )
  }
  if (r.axes) {
    const { curvature, noise, halfWidth } = r.axes
    const unstable: number[] = []
    const narrow: number[] = []
    for (let i = 0; i < curvature.length; i++) {
      const step = r.lr * curvature[i]
      if (step >= 2) {
        unstable.push(i)
        continue
      }
      const s = (r.lr * noise[i]) / (1 - Math.abs(1 - step) ** r.alpha) ** (1 / r.alpha)
      if (halfWidth[i] < 4 * s) narrow.push(i)
    }
    const list = (ix: number[]) =>
      ix.length > 8 ? `${ix.slice(0, 8).join(', ')}, … (${ix.length} axes)` : ix.join(', ')
    if (unstable.length > 0) {
      add(
        'unstable-iteration',
        `lr × curvature ≥ 2 along axis ${list(unstable)}: the discrete iteration is unstable there and ` +
          `leaves the basin deterministically; the SDE escape time does not describe it.`,
      )
    }
    if (narrow.length > 0) {
      add(
        'narrow-basin',
        `the basin is narrower than 4 stationary fluctuation scales along axis ${list(narrow)}; exits through ` +
          'several moderate jumps matter and the leading order overstates the escape time.',
      )
    }
  }
  return w
}
