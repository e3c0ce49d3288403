/**
 * The simulator's chain setup for one optimizer of a widget state, for the live "watch it escape" view
 * (docs/theory.md#simulator): the discrete dynamics θ ← θ − η G_d ∇F(θ) + η G ζ with G_d = I, G = Σ for SGD and
 * G_d = Q⁻¹, G = Q⁻¹Σ for Adam (Q = diag(q); q = "auto" is σ_i/σ̄ with σ̄ the α-power mean,
 * docs/theory.md#adam-preconditioner), i.e. the gains driftGain_i = η/q_i and noiseGain_i = ησ_i/q_i of
 * `/v1/simulate`. An interval basin gets the simulator's default drift curvature κ = 1 (the leading-order escape
 * time does not depend on it). Both optimizers use the same seed.
 *
 * Undefined when the state cannot be simulated (a number out of range, lists of the wrong length), so the view
 * shows nothing rather than a wrong walk; the calculator's own message names the field.
 */
import { autoPreconditioner } from '../escape/autoPreconditioner.ts'
import type { ChainSetup } from '../simulate/runChains.ts'
import type { WidgetState } from './state.ts'

const positive = (x: number) => Number.isFinite(x) && x > 0

/**
 * The `Walk` setup of one optimizer of a widget state (docs/theory.md#simulator): drift gains η/q_i and noise gains
 * ησ_i/q_i (q = 1 for SGD, Adam's preconditioner otherwise, docs/theory.md#adam-preconditioner), the basin's
 * curvatures and height; undefined when α, η, the seed, the noise scales or the basin are not usable.
 */
export function walkSetup(s: WidgetState, who: 'sgd' | 'adam', seed: number): ChainSetup | undefined {
  const d = s.basin === 'interval' ? 1 : s.curvatures.length
  const { alpha, lr } = s[who]
  if (!(alpha > 0 && alpha <= 2) || !positive(lr) || d < 1) return undefined
  if (!Number.isSafeInteger(seed) || seed < 0) return undefined
  const sigma = s.noiseScale.length === 1 ? new Array<number>(d).fill(s.noiseScale[0]) : s.noiseScale
  if (sigma.length !== d || !sigma.every(positive)) return undefined
  let q: number[] = new Array<number>(d).fill(1)
  if (who === 'adam') {
    const pre = s.adam.preconditioner
    q = pre === 'auto' ? autoPreconditioner(sigma, alpha) : pre
    if (q.length !== d || !q.every(positive)) return undefined
  }
  const driftGain = Float64Array.from(q, (qi) => lr / qi)
  const noiseGain = Float64Array.from(q, (qi, i) => (lr * sigma[i]) / qi)
  if (s.basin === 'interval') {
    if (!positive(s.left) || !positive(s.right)) return undefined
    return {
      alpha,
      dimension: 1,
      isotropic: false,
      interval: { left: s.left, right: s.right },
      diagonal: Float64Array.of(1),
      twoHeight: 0,
      driftGain,
      noiseGain,
      chains: 1,
      cap: Number.MAX_SAFE_INTEGER,
      seed,
    }
  }
  if (!s.curvatures.every(positive) || !positive(s.height)) return undefined
  return {
    alpha,
    dimension: d,
    isotropic: s.noiseModel === 'isotropic' && d > 1,
    diagonal: Float64Array.from(s.curvatures),
    twoHeight: 2 * s.height,
    driftGain,
    noiseGain,
    chains: 1,
    cap: Number.MAX_SAFE_INTEGER,
    seed,
  }
}
