/**
 * Self-check of an exported model folder, run by the training script after writing and by the tests:
 * reloads the files, runs both graphs in onnxruntime-web (Node) on x = pixel × inputScale (the graphs
 * apply the record's input standardisation themselves; the float64 reference gets the standardised x) and
 * compares
 *   - forward.onnx probs with the float64 reference (mlpReference.ts) and, when given, with tfjs;
 *   - grad.onnx loss with the float64 loss, and its per-sample gradients with float64 central finite
 *     differences (h = 1e-6) on `gradSamples` eval rows; relative error = max|g − g_fd| / max|g_fd|
 *     over the checked entries of a row (all parameters when there are ≤ `maxEntries`, otherwise every
 *     bias plus a seeded random subset of weights). Regime: the graph computes δ_L = p − y in float32,
 *     whose absolute error is ≈ 2⁻²⁴ while |δ_L| ≈ 1 − p_y, so its relative error grows like
 *     2⁻²⁴/(1 − p_y) on confidently classified rows (measured 5e-4 at a trained Fashion-MNIST
 *     minimum). The checked rows are therefore the first `gradSamples` eval rows whose float64 loss
 *     is ≥ `minLoss` (default 0.01, i.e. 1 − p_y ≳ 1e-2), where float32 rounding stays far below 1e-4;
 *   - grad.onnx's exact Hessian-vector product (hvp_<name>) over all eval rows, for a seeded normal
 *     direction v, with float64 central differences of the float64 gradient (src/probe/mlpOracle.ts,
 *     step 1e-6·‖v‖); relative error = max|Hv − Hv_fd| / max|Hv_fd|;
 *   - accuracy and mean loss of forward.onnx on eval.bin.
 */
import { finiteDifferenceHessianVectorProduct, type GradientOracle, mlpOracle } from '../../src/probe/index.ts'

import { createRng, normal } from '../../src/random/index.ts'

import { mlpLoss, mlpLossFiniteDiff } from './mlpReference.ts'
import { runForward, runGrad, runHvp, session } from './ortNode.ts'
import { readCheckpoint } from './readCheckpoint.ts'
import { standardise } from './standardisation.ts'

export interface Verification {
  forwardMaxAbsDiffFloat64: number
  forwardMaxAbsDiffTfjs: number
  lossMaxAbsDiff: number
  gradMaxRelErr: number
  gradSamples: number
  /** Eval rows whose gradients were checked. */
  gradRows: number[]
  gradEntriesChecked: number
  /** Exact Hessian-vector product vs float64 finite differences (NaN when the graph has no hvp outputs). */
  hvpMaxRelErr: number
  evalAccuracy: number
  evalLoss: number
}

export async function verifyCheckpoint(
  dir: string,
  opts: { tfjsProbs?: Float32Array; gradSamples?: number; maxEntries?: number; seed?: number; minLoss?: number } = {},
): Promise<Verification> {
  const ck = readCheckpoint(dir)
  const r = ck.record
  const layers = r.architecture.layers
  const n = r.evalSamples
  const D = r.inputDim
  const C = r.classes
  const x = new Float32Array(ck.evalX.length)
  ck.evalX.forEach((v, i) => (x[i] = v * r.inputScale))
  // the graphs standardise x themselves; the float64 reference gets the standardised input
  const xNet = standardise(x, r.inputStandardisation)
  const fwd = await session(ck.forward)
  const probs = await runForward(fwd, x, n, D)
  let fwd64 = 0
  let correct = 0
  let lossSum = 0
  const rowLoss: number[] = []
  for (let i = 0; i < n; i++) {
    const ref = mlpLoss(layers, ck.theta, xNet.subarray(i * D, (i + 1) * D), ck.evalY[i])
    rowLoss.push(ref.loss)
    let best = 0
    for (let c = 0; c < C; c++) {
      fwd64 = Math.max(fwd64, Math.abs(probs[i * C + c] - ref.probs[c]))
      if (probs[i * C + c] > probs[i * C + best]) best = c
    }
    if (best === ck.evalY[i]) correct++
    lossSum += -Math.log(Math.max(probs[i * C + ck.evalY[i]], 1e-30))
  }
  let fwdTf = Number.NaN
  if (opts.tfjsProbs) {
    if (opts.tfjsProbs.length !== probs.length) throw new Error('verifyCheckpoint: tfjsProbs has the wrong length')
    fwdTf = 0
    probs.forEach((p, i) => (fwdTf = Math.max(fwdTf, Math.abs(p - opts.tfjsProbs![i]))))
  }

  const minLoss = opts.minLoss ?? 0.01
  const rowsChecked = rowLoss
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l >= minLoss)
    .slice(0, opts.gradSamples ?? 4)
    .map(([, i]) => i)
  const k = rowsChecked.length
  if (k === 0) throw new Error(`verifyCheckpoint: no eval row has loss ≥ ${minLoss}; pass a smaller minLoss`)
  const maxEntries = opts.maxEntries ?? 5000
  const rng = createRng(opts.seed ?? 1)
  const which: number[] = []
  if (r.parameters <= maxEntries) {
    for (let i = 0; i < r.parameters; i++) which.push(i)
  } else {
    for (const e of r.layout) {
      const size = e.shape.reduce((a, b) => a * b, 1)
      if (e.shape.length === 1) for (let i = 0; i < size; i++) which.push(e.offset + i)
      else
        for (let t = 0; t < Math.floor(maxEntries / (r.layout.length / 2)); t++)
          which.push(e.offset + Math.floor(rng.uniform() * size))
    }
  }
  const gs = await session(ck.grad)
  const xk = new Float32Array(k * D)
  const xkNet = new Float32Array(k * D)
  rowsChecked.forEach((row, s) => {
    xk.set(x.subarray(row * D, (row + 1) * D), s * D)
    xkNet.set(xNet.subarray(row * D, (row + 1) * D), s * D)
  })
  const yk = rowsChecked.map((row) => ck.evalY[row])
  const g = await runGrad(gs, r.layout, ck.theta, xk, yk, k, D, C)
  let lossDiff = 0
  let rel = 0
  for (let s = 0; s < k; s++) {
    const xs = xkNet.subarray(s * D, (s + 1) * D)
    lossDiff = Math.max(lossDiff, Math.abs(g.loss[s] - mlpLoss(layers, ck.theta, xs, yk[s]).loss))
    const fd = mlpLossFiniteDiff(layers, ck.theta, xs, yk[s], which)
    let num = 0
    let den = 0
    which.forEach((p, j) => {
      const e = [...r.layout].reverse().find((l) => l.offset <= p)!
      const size = e.shape.reduce((a, b) => a * b, 1)
      const onnxValue = g.grads[e.name][s * size + (p - e.offset)]
      num = Math.max(num, Math.abs(onnxValue - fd[j]))
      den = Math.max(den, Math.abs(fd[j]))
    })
    rel = Math.max(rel, num / Math.max(den, 1e-300))
  }
  let hvpRel = Number.NaN
  if (gs.outputNames.includes(`hvp_${r.layout[0].name}`)) {
    const vr = createRng((opts.seed ?? 1) + 1)
    const v = Float32Array.from({ length: r.parameters }, () => normal(vr))
    const hv = await runHvp(gs, r.layout, ck.theta, v, x, ck.evalY, n, D, C)
    const ref = mlpOracle(layers, { x: xNet, labels: ck.evalY }) as GradientOracle
    const v64 = Float64Array.from(v)
    const nv = Math.hypot(...v64)
    const fd = await finiteDifferenceHessianVectorProduct(ref, Float64Array.from(ck.theta), v64, 1e-6 * nv)
    let num = 0
    let den = 0
    fd.forEach((f, i) => {
      num = Math.max(num, Math.abs(hv[i] - f))
      den = Math.max(den, Math.abs(f))
    })
    hvpRel = num / den
  }
  return {
    forwardMaxAbsDiffFloat64: fwd64,
    hvpMaxRelErr: hvpRel,
    forwardMaxAbsDiffTfjs: fwdTf,
    lossMaxAbsDiff: lossDiff,
    gradMaxRelErr: rel,
    gradSamples: k,
    gradRows: rowsChecked,
    gradEntriesChecked: which.length,
    evalAccuracy: correct / n,
    evalLoss: lossSum / n,
  }
}
