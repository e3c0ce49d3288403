/**
 * A float64 JavaScript gradient oracle for a ReLU MLP with softmax cross-entropy (the model contract's
 * architecture; no hidden layer = multinomial logistic regression; docs/theory.md#exact-hessian-vector-products).
 *
 * Forward: a₀ = x, z_k = a_{k−1} W_k + b_k, a_k = max(z_k, 0) for hidden k, p = softmax(z_L);
 * f = −log p_y computed as logsumexp(z_L) − z_{L,y}. Backward (exact backpropagation):
 * δ_L = p − e_y, ∂f/∂W_k = a_{k−1}ᵀ δ_k, ∂f/∂b_k = δ_k, δ_{k−1} = (W_k δ_k) ⊙ 1[z_{k−1} > 0].
 * Accuracy: exact up to float64 rounding (unit roundoff 2^-53). Layout: `mlpLayout`.
 */

import { layoutSize, mlpLayout } from './mlpLayout.ts'
import type { BatchEvaluation, EvaluateOptions, GradientOracle } from './oracle.ts'

/** Evaluation data of an MLP oracle: row-major inputs and integer labels. */
export interface MlpData {
  /** Inputs, row-major samples × layers[0]. */
  x: ArrayLike<number>
  /** Labels in [0, classes). */
  labels: ArrayLike<number>
}

/** The oracle of the network `layers` on `data`. Returns undefined when the shapes do not fit. */
export function mlpOracle(layers: readonly number[], data: MlpData): GradientOracle | undefined {
  const layout = mlpLayout(layers)
  if (layout.length === 0) return undefined
  const d = layers[0]
  const classes = layers[layers.length - 1]
  const n = data.labels.length
  if (data.x.length !== n * d || n === 0) return undefined
  for (let i = 0; i < n; i++) {
    const y = data.labels[i]
    if (!Number.isInteger(y) || y < 0 || y >= classes) return undefined
  }
  const parameters = layoutSize(layout)
  const L = layers.length - 1
  const widths = layers.slice()
  // Work buffers per layer: pre-activations z_k and activations a_k (a_0 = x row).
  const z = widths.map((w) => new Float64Array(w))
  const a = widths.map((w) => new Float64Array(w))
  const delta = widths.map((w) => new Float64Array(w))

  function evaluate(
    theta: Float64Array,
    indices: ArrayLike<number>,
    options: EvaluateOptions = {},
  ): Promise<BatchEvaluation> {
    const wantGrad = options.gradient !== false || options.perSample === true
    const m = indices.length
    const losses = new Float64Array(m)
    const gradient = wantGrad ? new Float64Array(parameters) : undefined
    const sampleGradients = options.perSample ? new Float64Array(m * parameters) : undefined
    let correct = 0
    for (let s = 0; s < m; s++) {
      const idx = indices[s]
      const a0 = a[0]
      for (let j = 0; j < d; j++) a0[j] = data.x[idx * d + j]
      for (let k = 1; k <= L; k++) {
        const W = layout[2 * (k - 1)].offset
        const b = layout[2 * (k - 1) + 1].offset
        const nin = widths[k - 1]
        const nout = widths[k]
        const zk = z[k]
        const prev = a[k - 1]
        for (let j = 0; j < nout; j++) zk[j] = theta[b + j]
        for (let i = 0; i < nin; i++) {
          const ai = prev[i]
          if (ai === 0) continue
          const row = W + i * nout
          for (let j = 0; j < nout; j++) zk[j] += ai * theta[row + j]
        }
        const ak = a[k]
        if (k < L) for (let j = 0; j < nout; j++) ak[j] = Math.max(zk[j], 0)
      }
      const zL = z[L]
      let max = -Infinity
      let arg = 0
      for (let j = 0; j < classes; j++)
        if (zL[j] > max) {
          max = zL[j]
          arg = j
        }
      let sum = 0
      for (let j = 0; j < classes; j++) sum += Math.exp(zL[j] - max)
      const lse = max + Math.log(sum)
      const y = data.labels[idx]
      losses[s] = lse - zL[y]
      if (arg === y) correct++
      if (!wantGrad) continue
      const dL = delta[L]
      for (let j = 0; j < classes; j++) dL[j] = Math.exp(zL[j] - lse) - (j === y ? 1 : 0)
      const rowOffset = s * parameters
      for (let k = L; k >= 1; k--) {
        const W = layout[2 * (k - 1)].offset
        const b = layout[2 * (k - 1) + 1].offset
        const nin = widths[k - 1]
        const nout = widths[k]
        const dk = delta[k]
        const prev = a[k - 1]
        for (let i = 0; i < nin; i++) {
          const ai = prev[i]
          if (ai === 0) continue
          const row = W + i * nout
          if (gradient) for (let j = 0; j < nout; j++) gradient[row + j] += ai * dk[j]
          if (sampleGradients) for (let j = 0; j < nout; j++) sampleGradients[rowOffset + row + j] = ai * dk[j]
        }
        for (let j = 0; j < nout; j++) {
          if (gradient) gradient[b + j] += dk[j]
          if (sampleGradients) sampleGradients[rowOffset + b + j] = dk[j]
        }
        if (k > 1) {
          const dp = delta[k - 1]
          const zp = z[k - 1]
          for (let i = 0; i < nin; i++) {
            if (!(zp[i] > 0)) {
              dp[i] = 0
              continue
            }
            let t = 0
            const row = W + i * nout
            for (let j = 0; j < nout; j++) t += theta[row + j] * dk[j]
            dp[i] = t
          }
        }
      }
    }
    if (gradient && m > 0) for (let p = 0; p < parameters; p++) gradient[p] /= m
    const out: BatchEvaluation = { losses, correct }
    if (gradient && options.gradient !== false) out.gradient = gradient
    if (sampleGradients) out.sampleGradients = sampleGradients
    return Promise.resolve(out)
  }

  return {
    parameters,
    samples: n,
    unitRoundoff: 2 ** -53,
    maxBatch: Math.max(1, Math.floor(2 ** 22 / parameters)),
    evaluate,
  }
}
