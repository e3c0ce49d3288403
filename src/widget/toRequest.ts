/**
 * The `/v1/escape-time` request body for a widget state (docs/api.md#escape-time): both
 * optimizers, the chosen basin, noise scale as a number when there is one value and as a list
 * otherwise, the noise model and the normalisation.
 */
import type { WidgetState } from './state.ts'

/** The `/v1/escape-time` request the widget sends (docs/api.md#escape-time). */
export interface EscapeTimeBody {
  basin: { kind: 'interval'; left: number; right: number } | { kind: 'quadratic'; curvatures: number[]; height: number }
  noise: { scale: number | number[]; model: 'axis' | 'isotropic' }
  normalization: 'stable' | 'unit'
  optimizers: {
    sgd: { alpha: number; lr: number }
    adam: { alpha: number; lr: number; preconditioner: 'auto' | number[] }
  }
}

/**
 * The `/v1/escape-time` request body of a widget state (docs/api.md#escape-time), optionally at other learning
 * rates `lr`.
 */
export function toRequest(s: WidgetState, lr?: { sgd: number; adam: number }): EscapeTimeBody {
  return {
    basin:
      s.basin === 'interval'
        ? { kind: 'interval', left: s.left, right: s.right }
        : { kind: 'quadratic', curvatures: [...s.curvatures], height: s.height },
    noise: { scale: s.noiseScale.length === 1 ? s.noiseScale[0] : [...s.noiseScale], model: s.noiseModel },
    normalization: s.normalization,
    optimizers: {
      sgd: { alpha: s.sgd.alpha, lr: lr?.sgd ?? s.sgd.lr },
      adam: {
        alpha: s.adam.alpha,
        lr: lr?.adam ?? s.adam.lr,
        preconditioner: s.adam.preconditioner === 'auto' ? 'auto' : [...s.adam.preconditioner],
      },
    },
  }
}
