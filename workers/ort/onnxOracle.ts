/**
 * The ONNX-backed gradient oracle (docs/api.md#trained-minima): runs the model's `grad.onnx`
 * (model contract: inputs x [N, D], y one-hot [N, C] and one input per layout entry; outputs loss [N],
 * probs [N, C], grad_<name> [N, …shape]) on a batch and averages the per-sample gradients in float64.
 * The graph computes in float32 (unit roundoff 2^-24), which sets the finite-difference step of the
 * Hessian-vector products (src/probe/hessianVectorProduct.ts). Loss-only calls (`gradient: false`)
 * fetch just `loss` and `probs`, so ONNX Runtime runs only the forward part (about a third of the CPU).
 * When the graph also has the optional inputs `v_<name>` and outputs `hvp_<name>` (`exactHvp`), the
 * oracle offers exact Hessian-vector products: one run with v fed as `v_<name>`, fetching only the
 * `hvp_<name>` outputs (the batch mean H v); other runs feed zeros there (ONNX Runtime wants every input).
 */
import type { InferenceSession, Tensor } from 'onnxruntime-web/wasm'
import type { BatchEvaluation, EvaluateOptions, GradientOracle, LayoutEntry } from '../../src/probe/index.ts'

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
  /** Use the graph's `v_<name>` inputs and `hvp_<name>` outputs (docs/model-contract.md); default: when it has them. */
  exactHvp?: boolean
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
  const hasHvp = graphHasExactHvp(session, layout)
  const exactHvp = hasHvp && input.exactHvp !== false
  const zeros = hasHvp ? layout.map((_, k) => new Float32Array(sizes[k])) : []

  function batchFeeds(indices: ArrayLike<number>, theta: Float64Array, v?: Float64Array): Record<string, Tensor> {
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
      if (hasHvp) {
        const dir = v ? Float32Array.from(v.subarray(e.offset, e.offset + sizes[k])) : zeros[k]
        feeds[`v_${e.name}`] = new T('float32', dir, e.shape)
      }
    })
    return feeds
  }

  async function hessianVectorProduct(
    theta: Float64Array,
    v: Float64Array,
    indices: ArrayLike<number>,
  ): Promise<Float64Array> {
    const out = await session.run(
      batchFeeds(indices, theta, v),
      layout.map((e) => `hvp_${e.name}`),
    )
    const hv = new Float64Array(parameters)
    layout.forEach((e) => hv.set(out[`hvp_${e.name}`].data as Float32Array, e.offset))
    for (const t of Object.values(out)) (t as Tensor & { dispose?: () => void }).dispose?.()
    return hv
  }

  async function evaluate(
    theta: Float64Array,
    indices: ArrayLike<number>,
    options: EvaluateOptions = {},
  ): Promise<BatchEvaluation> {
    const m = indices.length
    const feeds = batchFeeds(indices, theta)
    const wantMean = options.gradient !== false
    // loss-only passes fetch loss and probs only: ORT then skips the gradient nodes
    const gradNames = layout.map((e) => `grad_${e.name}`)
    const out = await session.run(
      feeds,
      wantMean || options.perSample ? ['loss', 'probs', ...gradNames] : ['loss', 'probs'],
    )
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

  const oracle: GradientOracle = { parameters, samples, unitRoundoff: 2 ** -24, maxBatch, evaluate }
  if (exactHvp) oracle.hessianVectorProduct = hessianVectorProduct
  return oracle
}

/** True when a session's graph has `v_<name>` inputs and `hvp_<name>` outputs for every parameter. */
export function graphHasExactHvp(
  session: Pick<InferenceSession, 'inputNames' | 'outputNames'>,
  layout: readonly LayoutEntry[],
): boolean {
  return layout.every(
    (e) => session.inputNames.includes(`v_${e.name}`) && session.outputNames.includes(`hvp_${e.name}`),
  )
}
