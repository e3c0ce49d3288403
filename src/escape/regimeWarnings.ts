/**
 * Regime warnings of the escape-time calculator (docs/api.md#warnings: problems that do not make
 * the leading-order answer wrong enough to refuse). Thresholds, from the simulations of docs/theory.md#validation:
 *
 * - ε = η^((α−1)/α) > 0.1: the unspecified correction ρ(ε) is not small (simulated/asymptotic
 *   0.85–0.93 at ε ≈ 0.14–0.27 in T5, ≈ 0.83 in T6).
 * - α < 1.1: ε → 1 as α → 1 for every η, so the small-noise limit is out of reach.
 * - α > 1.9: near the Gaussian limit, exit by many small fluctuations (exponential in the barrier)
 *   competes with the single large jump that the Lévy leading order counts.
 * - one noise step leaves the basin with probability > 0.01 (escape within ~100 iterations).
 * - quadratic basins: η·κ_i ≥ 2 (the discrete iteration is unstable along axis i), or a basin half-width
 *   sqrt(2h/H_ii) below 4 stationary SαS scales of the discrete AR(1) iterate along axis i,
 *   s_i = η g_i / (1 − |1 − η κ_i|^α)^(1/α) (κ_i = H_ii for SGD, H_ii/q_i for Adam): exits through
 *   several moderate jumps then matter and the leading order overstates the escape time (T5, last row).
 */
export interface RegimeInput {
  /** "sgd" or "adam": prefix of each message. */
  name: string
  alpha: number
  lr: number
  epsilon: number
  /** Probability that one noise step from θ* leaves the basin (exact one-jump value or 1/K). */
  oneStepProbability: number
  /** Quadratic basins only: per-axis drift curvature κ_i, noise scale g_i and half-width w_i. */
  axes?: { curvature: number[]; noise: number[]; halfWidth: number[] }
}

export const EPSILON_WARNING = 0.1
export const ONE_STEP_WARNING = 0.01

const fmt = (x: number): string => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(3) : x.toExponential(2))

export function regimeWarnings(r: RegimeInput): string[] {
  const w: string[] = []
  if (r.epsilon > EPSILON_WARNING) {
    w.push(
      `${r.name}: ε = η^((α−1)/α) = ${fmt(r.epsilon)} is not small; the leading-order escape time is typically ` +
        `7–15% too long at ε ≈ 0.14–0.27 (/docs/theory#validation). Smaller lr or a larger α reduces ε.`,
    )
  }
  if (r.alpha < 1.1) {
    w.push(
      `${r.name}: α = ${fmt(r.alpha)} is close to 1, where ε = η^((α−1)/α) tends to 1 for every learning rate; the small-noise asymptotics are unreliable.`,
    )
  }
  if (r.alpha > 1.9) {
    w.push(
      `${r.name}: α = ${fmt(r.alpha)} is close to 2; near the Gaussian limit, escape by many small fluctuations ` +
        `(exponential in the barrier) competes with the single large jump counted by the Lévy theory.`,
    )
  }
  if (r.oneStepProbability > ONE_STEP_WARNING) {
    w.push(
      `${r.name}: a single noise step leaves the basin with probability ≈ ${fmt(r.oneStepProbability)}; escape takes ` +
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
      w.push(
        `${r.name}: lr × curvature ≥ 2 along axis ${list(unstable)}: the discrete iteration is unstable there and ` +
          `leaves the basin deterministically; the SDE escape time does not describe it.`,
      )
    }
    if (narrow.length > 0) {
      w.push(
        `${r.name}: the basin is narrower than 4 stationary fluctuation scales along axis ${list(narrow)}; exits through ` +
          `several moderate jumps matter and the leading order overstates the escape time (/docs/theory#validation-1d).`,
      )
    }
  }
  return w
}
