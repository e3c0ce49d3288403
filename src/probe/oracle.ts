/**
 * The gradient oracle through which a minimum is analysed (docs/api.md#trained-minima).
 *
 * The objective is the mean cross-entropy over an evaluation set of `samples` examples,
 * F(θ) = (1/n) Σ_i f(θ; x_i, y_i) (docs/theory.md#discrete-algorithms). An oracle evaluates f and ∇f at a parameter
 * vector θ (flat, in the model's layout order) on a batch of sample indices. Two implementations:
 * `mlpOracle` (float64 JavaScript, exact to rounding, for tests and small models) and the ONNX-backed
 * oracle in `workers/ort` (float32, through the model's `grad.onnx`, with exact Hessian-vector products
 * when the graph has the `hvp_<name>` outputs).
 */

/** The outcome of one oracle call on a batch. */
export interface BatchEvaluation {
  /** Per-sample losses f(θ; x_i, y_i), in the order of the requested indices. */
  losses: Float64Array
  /** Number of samples whose arg-max prediction equals the label. */
  correct: number
  /** Mean gradient (1/|B|) Σ_{i∈B} ∇f(θ; x_i, y_i); absent when it was not requested. */
  gradient?: Float64Array
  /** Per-sample gradients, row-major |B| × parameters; only when `perSample` was requested. */
  sampleGradients?: Float64Array
}

/** Which gradients an oracle call returns: the mean, the per-sample ones, or neither. */
export interface EvaluateOptions {
  /** Compute the mean gradient (default true). An oracle may skip that work when false. */
  gradient?: boolean
  /** Also return the per-sample gradients (default false). */
  perSample?: boolean
}

/** Loss and gradients of a model on chosen evaluation samples at a parameter vector θ: what every probe runs on. */
export interface GradientOracle {
  /** Number of parameters (length of θ). */
  readonly parameters: number
  /** Number of evaluation samples (valid indices are 0 … samples − 1). */
  readonly samples: number
  /** Unit roundoff of the oracle's arithmetic: 2^-53 for float64, 2^-24 for float32. Sets the finite-difference step. */
  readonly unitRoundoff: number
  /** Largest batch the oracle evaluates in one call (memory bound); callers split larger sets. */
  readonly maxBatch: number
  /** Evaluates the losses (and gradients) at θ on the samples `indices` (each in [0, samples)). */
  evaluate(theta: Float64Array, indices: ArrayLike<number>, options?: EvaluateOptions): Promise<BatchEvaluation>
  /**
   * Optional exact Hessian-vector product of the batch mean, (1/|B|) Σ_{i∈B} ∇²f(θ; x_i, y_i) v, on the
   * samples `indices` (at most `maxBatch`); for example the `hvp_<name>` outputs of a gradient graph
   * (docs/theory.md#exact-hessian-vector-products). Absent: the probe uses finite differences.
   */
  hessianVectorProduct?(theta: Float64Array, v: Float64Array, indices: ArrayLike<number>): Promise<Float64Array>
}
