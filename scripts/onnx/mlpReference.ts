/**
 * Float64 reference of the exported MLP, independent of ONNX and tfjs: per-sample probabilities,
 * cross-entropy loss −log p_y and its analytic gradient (the formulas of exportMlp.ts), and a float64
 * central finite difference of the loss, [ℓ(θ + h e_i) − ℓ(θ − h e_i)]/(2h), used as the oracle of
 * the grad graph (truncation error O(h²·ℓ‴), rounding O(ε/h); h = 1e-6 gives ~1e-9 absolute here).
 */
import { mlpLayout } from './mlpLayout.ts'

/** Per-sample softmax probabilities and loss (float64) of one input row x (already scaled). */
export function mlpLoss(
  layers: readonly number[],
  theta: ArrayLike<number>,
  x: ArrayLike<number>,
  label: number,
): { loss: number; probs: Float64Array } {
  const layout = mlpLayout(layers)
  let a = Float64Array.from(x as ArrayLike<number>)
  const L = layers.length - 1
  for (let k = 1; k <= L; k++) {
    const W = layout[2 * (k - 1)]
    const b = layout[2 * (k - 1) + 1]
    const nin = layers[k - 1]
    const nout = layers[k]
    const z = new Float64Array(nout)
    for (let j = 0; j < nout; j++) {
      let s = theta[b.offset + j]
      for (let i = 0; i < nin; i++) s += a[i] * theta[W.offset + i * nout + j]
      z[j] = k < L && s < 0 ? 0 : s
    }
    a = z
  }
  const m = Math.max(...a)
  let sum = 0
  for (let j = 0; j < a.length; j++) sum += Math.exp(a[j] - m)
  const probs = a.map((v) => Math.exp(v - m) / sum)
  const loss = -(a[label] - m - Math.log(sum))
  return { loss, probs }
}

/** Central finite differences of mlpLoss w.r.t. the parameters with indices `which` (all when omitted). */
export function mlpLossFiniteDiff(
  layers: readonly number[],
  theta: ArrayLike<number>,
  x: ArrayLike<number>,
  label: number,
  which?: readonly number[],
  h = 1e-6,
): Float64Array {
  const t = Float64Array.from(theta as ArrayLike<number>)
  const idx = which ?? Array.from({ length: t.length }, (_, i) => i)
  const out = new Float64Array(idx.length)
  idx.forEach((i, k) => {
    const v = t[i]
    t[i] = v + h
    const up = mlpLoss(layers, t, x, label).loss
    t[i] = v - h
    const dn = mlpLoss(layers, t, x, label).loss
    t[i] = v
    out[k] = (up - dn) / (2 * h)
  })
  return out
}
