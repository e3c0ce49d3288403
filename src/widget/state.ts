/**
 * The calculator's whole view state. It maps one-to-one onto the `/v1/escape-time` request
 * (docs/api.md#escape-time) plus which panel is open, so a shared link, the element's attributes
 * and the API's GET query all use the same dotted keys (see stateToQuery / stateFromQuery).
 */
export type BasinKind = 'interval' | 'quadratic'

export interface OptimizerState {
  /** Tail index α ∈ (1, 2) of this optimizer's gradient noise. */
  alpha: number
  /** Learning rate η ∈ (0, 1). */
  lr: number
}

export interface WidgetState {
  basin: BasinKind
  /** Interval basin (θ* − left, θ* + right). */
  left: number
  right: number
  /** Quadratic basin ½xᵀdiag(λ)x < height. */
  curvatures: number[]
  height: number
  /** Noise scales σ (one value, or one per coordinate). */
  noiseScale: number[]
  noiseModel: 'axis' | 'isotropic'
  normalization: 'stable' | 'unit'
  sgd: OptimizerState
  adam: OptimizerState & { preconditioner: 'auto' | number[] }
  /** The "trained minima" panel is open. */
  compareOpen: boolean
}

/**
 * Default view: the 2-D quadratic basin of docs/theory.md#validation-2d (H = diag(10, 1), h = 0.5, noise
 * larger along the sharp direction), SGD at α = 1.5, η = 0.01 and Adam at α = 1.8, η = 0.001, so all
 * three mechanisms show.
 */
export const defaultState: WidgetState = Object.freeze({
  basin: 'quadratic',
  left: 1,
  right: 2,
  curvatures: [10, 1],
  height: 0.5,
  noiseScale: [1.58, 0.5],
  noiseModel: 'axis',
  normalization: 'stable',
  sgd: { alpha: 1.5, lr: 0.01 },
  adam: { alpha: 1.8, lr: 0.001, preconditioner: 'auto' },
  compareOpen: false,
}) as WidgetState

export function cloneState(s: WidgetState): WidgetState {
  return {
    ...s,
    curvatures: [...s.curvatures],
    noiseScale: [...s.noiseScale],
    sgd: { ...s.sgd },
    adam: { ...s.adam, preconditioner: s.adam.preconditioner === 'auto' ? 'auto' : [...s.adam.preconditioner] },
  }
}
