/**
 * The ONNX-backed gradient oracle (docs/api.md#trained-minima): runs the model's `grad.onnx`
 * (model contract: inputs x [N, D], y one-hot [N, C] and one input per layout entry; outputs loss [N],
 * probs [N, C], grad_<name> [N, …shape]) on a batch and averages the per-sample gradients in float64.
 * The graph computes in float32 (unit roundoff 2^-24), which sets the finite-difference step of the
 * Hessian-vector products (src/probe/hessianVectorProduct.ts). Loss-only calls (`gradient: false`)
 * fetch just `loss` and `probs`, so ONNX Runtime runs only the forward part (about a third of the CPU).
 */
import type { InferenceSession, Tensor } from 'onnxruntime-web/wasm'
import type { LayoutEntry } from '../../src/probe/mlpLayout.ts'
import type { BatchEvaluation, EvaluateOptions, GradientOracle } from '../../src/probe/oracle.ts'

export interface OnnxOracleInput {
  session: InferenceSession
  /** The Tensor constructor of the ORT instance that owns the session. */
  Tensor: typeof Tensor
  layout: LayoutEntry[]
  parameters: number
  inputDim: number
  classes: number
  /** Evaluation inputs, row-major samples × inputDim, already scaled. */
  x: Float32Array
  /** Labels in [0, classes). */
  labels: ArrayLike<number>
  /** Memory bound on per-sample gradients per run (float32 elements); default 2^21 (8 MiB). */
  maxGradientElements?: number
}

/** Default memory bound on the per-sample gradients of one run (float32 elements, 8 MiB). */
export const MAX_GRADIENT_ELEMENTS = 2 ** 21

/** The largest batch one run of a model with `parameters` parameters is given: its per-sample gradients stay within `maxGradientElements`. */
export const maxOracleBatch = (parameters: number, maxGradientElements = MAX_GRADIENT_ELEMENTS): number =>
  Math.max(1, Math.min(4096, Math.floor(maxGradientElements / parameters)))

export function onnxOracle(input: OnnxOracleInput): GradientOracle {
  const { session, Tensor: T, layout, parameters, inputDim: D, classes: C, x, labels } = input
  const samples = labels.length
  const maxBatch = maxOracleBatch(parameters, input.maxGradientElements)
  const sizes = layout.map((e) => e.shape.reduce((a, b) => a * b, 1))

  async function evaluate(
    theta: Float64Array,
    indices: ArrayLike<number>,
    options: EvaluateOptions = {},
  ): Promise<BatchEvaluation> {
    const m = indices.length
    const xb = new Float32Array(m * D)
    const yb = new Float32Array(m * C)
    for (let s = 0; s < m; s++) {
      const i = indices[s]
      xb.set(x.subarray(i * D, (i + 1) * D), s * D)
      yb[s * C + labels[i]] = 1
    }
    const feeds: Record<string, Tensor> = {
      x: new T('float32', xb, [m, D]),
      y: new T('float32', yb, [m, C]),
    }
    layout.forEach((e, k) => {
      feeds[e.name] = new T('float32', Float32Array.from(theta.subarray(e.offset, e.offset + sizes[k])), e.shape)
    })
    const wantMean = options.gradient !== false
    // loss-only passes fetch loss and probs only: ORT then skips the gradient nodes
    const out = wantMean || options.perSample ? await session.run(feeds) : await session.run(feeds, ['loss', 'probs'])
    const loss = out.loss.data as Float32Array
    const probs = out.probs.data as Float32Array
    const losses = Float64Array.from(loss)
    let correct = 0
    for (let s = 0; s < m; s++) {
      let arg = 0
      for (let c = 1; c < C; c++) if (probs[s * C + c] > probs[s * C + arg]) arg = c
      if (arg === labels[indices[s]]) correct++
    }
    const result: BatchEvaluation = { losses, correct }
    if (wantMean || options.perSample) {
      const gradient = wantMean ? new Float64Array(parameters) : undefined
      const sampleGradients = options.perSample ? new Float64Array(m * parameters) : undefined
      layout.forEach((e, k) => {
        const g = out[`grad_${e.name}`].data as Float32Array
        const n = sizes[k]
        for (let s = 0; s < m; s++) {
          const base = s * n
          if (gradient) for (let j = 0; j < n; j++) gradient[e.offset + j] += g[base + j]
          if (sampleGradients) for (let j = 0; j < n; j++) sampleGradients[s * parameters + e.offset + j] = g[base + j]
        }
      })
      if (gradient) {
        for (let p = 0; p < parameters; p++) gradient[p] /= m
        result.gradient = gradient
      }
      if (sampleGradients) result.sampleGradients = sampleGradients
    }
    for (const t of Object.values(out)) (t as Tensor & { dispose?: () => void }).dispose?.()
    return result
  }

  return { parameters, samples, unitRoundoff: 2 ** -24, maxBatch, evaluate }
}
