/**
 * The calculator's whole view state. It maps one-to-one onto the `/v1/escape-time` request
 * (docs/api.md#escape-time) plus which panel is open, so a shared link, the element's attributes
 * and the API's GET query all use the same dotted keys (see stateToQuery / stateFromQuery).
 */
export type BasinKind = 'interval' | 'quadratic'

/** One optimizer's inputs in the calculator. */
export interface OptimizerState {
  /** Tail index α ∈ (1, 2) of this optimizer's gradient noise. */
  alpha: number
  /** Learning rate η ∈ (0, 1). */
  lr: number
}

/** The calculator's whole view state: the `/v1/escape-time` request plus the open panel. */
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
  /** Seed of the "watch it escape" walks (both optimizers use it). */
  watchSeed: number
  /** Iterations per animation frame of the "watch it escape" view (one of WATCH_SPEEDS). */
  watchSpeed: number
}

/** Speeds the animation offers, in iterations per frame. */
export const WATCH_SPEEDS: readonly number[] = Object.freeze([1, 3, 10, 30, 100, 300, 1000, 3000, 10000])

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
  watchSeed: 1,
  watchSpeed: 10,
}) as WidgetState

/** A deep copy of a widget state (its arrays and optimizer objects are not shared). */
export function cloneState(s: WidgetState): WidgetState {
  return {
    ...s,
    curvatures: [...s.curvatures],
    noiseScale: [...s.noiseScale],
    sgd: { ...s.sgd },
    adam: { ...s.adam, preconditioner: s.adam.preconditioner === 'auto' ? 'auto' : [...s.adam.preconditioner] },
  }
}
