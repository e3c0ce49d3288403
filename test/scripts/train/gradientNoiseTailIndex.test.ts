import { beforeAll, describe, expect, it } from 'vitest'
import { loadDigits, headSplit } from '../../../scripts/data/index.ts'
import { exportMlp, layoutSize, mlpLayout } from '../../../scripts/onnx/index.ts'
import { runGrad, session } from '../../../scripts/onnx/ortNode.ts'
import { gradientNoiseTailIndex } from '../../../scripts/train/gradientNoiseTailIndex.ts'
import { createTfMlp, disposeTfMlp, glorotInit } from '../../../scripts/train/mlpTf.ts'
import { seededPermutation } from '../../../scripts/train/shuffleInPlace.ts'
import { tf, useBackend } from '../../../scripts/train/tfBackend.ts'
import { pooledNoiseTailIndex } from '../../../src/tail/index.ts'

// Oracle: the same recipe computed from per-sample gradients of the exported grad.onnx in
// onnxruntime-web (an implementation independent of tfjs autodiff): minibatch gradient = mean of
// per-sample gradients over the batch, full gradient = mean over all rows, noise = difference,
// then src/tail pooledNoiseTailIndex. float32 summation order differs, so α agrees to ~1e-4, not bitwise.
describe('gradientNoiseTailIndex', () => {
  beforeAll(async () => {
    await useBackend('wasm')
  })

  it('equals the pooled estimate built from the ONNX per-sample gradients', async () => {
    const d = loadDigits()
    const s = headSplit(d.train, 256, 64)
    const layers = [64, 12, 10]
    const theta = glorotInit(layers, 3)
    const m = createTfMlp(layers, theta)
    const x = tf.mul(tf.tensor2d(s.x, [s.n, 64], 'float32'), d.inputScale) as tf.Tensor2D
    const y = tf.tensor1d(s.y, 'int32')
    const settings = { batches: 16, batchSize: 16, seed: 5 }
    const got = gradientNoiseTailIndex(m, x, y, 10, settings)
    x.dispose()
    y.dispose()
    disposeTfMlp(m)

    const layout = mlpLayout(layers)
    const M = layoutSize(layout)
    const xs = Float32Array.from(s.x, (u) => u * d.inputScale)
    const g = await runGrad(await session(exportMlp(layers, theta).grad), layout, theta, xs, s.y, s.n, 64, 10)
    const perSample = (i: number) => {
      const out = new Float64Array(M)
      for (const e of layout) {
        const size = e.shape.reduce((a, b) => a * b, 1)
        for (let k = 0; k < size; k++) out[e.offset + k] = g.grads[e.name][i * size + k]
      }
      return out
    }
    const all = Array.from({ length: s.n }, (_, i) => perSample(i))
    const full = new Float64Array(M)
    all.forEach((r) => r.forEach((v, k) => (full[k] += v / s.n)))
    const perm = seededPermutation(s.n, settings.seed)
    const rows = Array.from({ length: settings.batches }, (_, j) => {
      const row = new Float64Array(M)
      for (let t = 0; t < settings.batchSize; t++) all[perm[j * settings.batchSize + t]].forEach((v, k) => (row[k] += v / settings.batchSize))
      return row.map((v, k) => v - full[k])
    })
    const want = pooledNoiseTailIndex(rows)
    expect(got.parameters).toBe(M)
    expect(got.excludedColumns).toBe(want.excludedColumns)
    expect(got.blockSize).toBe(want.blockSize)
    expect(Math.abs(got.alpha - want.alpha)).toBeLessThan(1e-3)
    expect(Math.abs(got.alphaLower - want.interval.lower)).toBeLessThan(1e-3)
    expect(Math.abs(got.alphaUpper - want.interval.upper)).toBeLessThan(1e-3)
    expect(got.alphaLower).toBeLessThan(got.alpha)
    expect(got.alpha).toBeLessThan(got.alphaUpper)
  })
})
