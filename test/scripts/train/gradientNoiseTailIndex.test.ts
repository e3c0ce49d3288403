import { beforeAll, describe, expect, it } from 'vitest'
import { headSplit, loadDigits } from '../../../scripts/data/index.ts'
import { exportMlp, layoutSize, mlpLayout } from '../../../scripts/onnx/index.ts'
import { runGrad, session } from '../../../scripts/onnx/ortNode.ts'
import { constrainedStableRows } from '../../../scripts/train/constrainedStableRows.ts'
import { gradientNoiseTailIndex, noiseTailIndex } from '../../../scripts/train/gradientNoiseTailIndex.ts'
import { createTfMlp, disposeTfMlp, glorotInit } from '../../../scripts/train/mlpTf.ts'
import { seededPermutation } from '../../../scripts/train/shuffleInPlace.ts'
import { tf, useBackend } from '../../../scripts/train/tfBackend.ts'
import { coordinatewiseTailIndex } from '../../../src/tail/coordinatewiseTailIndex.ts'
import { pooledNoiseTailIndex } from '../../../src/tail/index.ts'

// Oracle: the noise rows computed from per-sample gradients of the exported grad.onnx in
// onnxruntime-web (an implementation independent of tfjs autodiff): minibatch gradient = mean of
// per-sample gradients over the batch, full gradient = mean over all rows, noise = difference,
// then the probes' src/probe coordinatewiseTailIndex (history alpha) and src/tail pooledNoiseTailIndex
// (history alphaRowMajor). float32 summation order differs, so α agrees to ~1e-4, not bitwise.
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
      for (let t = 0; t < settings.batchSize; t++)
        all[perm[j * settings.batchSize + t]].forEach((v, k) => (row[k] += v / settings.batchSize))
      return row.map((v, k) => v - full[k])
    })
    const want = coordinatewiseTailIndex(rows)
    const wantRowMajor = pooledNoiseTailIndex(rows)
    expect(got.parameters).toBe(M)
    expect(got.batches).toBe(settings.batches)
    expect(got.excludedColumns).toBe(want.excludedColumns)
    expect(got.blockSize).toBe(4) // ⌊√16⌋
    expect(got.blockSize).toBe(want.blockSize)
    expect(Math.abs(got.alpha - want.alpha)).toBeLessThan(1e-3)
    expect(Math.abs(got.alphaLower - want.interval.lower)).toBeLessThan(1e-3)
    expect(Math.abs(got.alphaUpper - want.interval.upper)).toBeLessThan(1e-3)
    expect(got.alphaLower).toBeLessThanOrEqual(got.alpha)
    expect(got.alpha).toBeLessThanOrEqual(got.alphaUpper)
    expect(got.rowMajor.excludedColumns).toBe(wantRowMajor.excludedColumns)
    expect(got.rowMajor.blockSize).toBe(wantRowMajor.blockSize)
    expect(Math.abs(got.rowMajor.alpha - wantRowMajor.alpha)).toBeLessThan(1e-3)
    expect(Math.abs(got.rowMajor.alphaLower - wantRowMajor.interval.lower)).toBeLessThan(1e-3)
    expect(Math.abs(got.rowMajor.alphaUpper - wantRowMajor.interval.upper)).toBeLessThan(1e-3)
  })

  // Oracle: simulation with a known α (every column exactly SαS(1.5), docs/theory.md#log-moment-estimator). With the
  // softmax constraint on runs of 10 consecutive columns, the row-major pool's blocks of ≈ 490 entries
  // hold ≈ 49 whole zero-sum runs and cancel (α̂ clipped at 2), the coordinate-wise pool does not see
  // the constraint. Tolerances: the seeded spread over 10 seeds was sd 0.005–0.013 coordinate-wise,
  // ≤ 0.024 row-major (docs/img/noise-recipes.json); bands of ±0.05 around 1.5 are ≥ 4 sd wide and
  // include the K1 = 10 small-sample bias (mean 1.48).
  it('on SαS(1.5) rows with zero-sum runs the coordinate-wise estimate recovers α and the row-major one does not', () => {
    const all = noiseTailIndex(constrainedStableRows(1.5, 100, 2410, 0, 11))
    expect(all.blockSize).toBe(10)
    expect(Math.abs(all.alpha - 1.5)).toBeLessThan(0.05)
    expect(all.alphaLower).toBeLessThan(1.5)
    expect(all.rowMajor.alpha).toBe(2)
    expect(all.rowMajor.inverseAlpha).toBeLessThan(0.4) // 1/α̂ far below the true 1/1.5 = 0.667
    // the digits MLP's share (the last 330 of 2,410 columns = W2, b2): row-major biased up, coordinate-wise not
    const digitsLike = noiseTailIndex(constrainedStableRows(1.5, 100, 2410, 2080, 12))
    expect(Math.abs(digitsLike.alpha - 1.5)).toBeLessThan(0.05)
    expect(digitsLike.rowMajor.alpha).toBeGreaterThan(digitsLike.alpha)
    // no constraint: the two poolings agree with the truth
    const free = noiseTailIndex(constrainedStableRows(1.5, 100, 2410, 2410, 13))
    expect(Math.abs(free.alpha - 1.5)).toBeLessThan(0.05)
    expect(Math.abs(free.rowMajor.alpha - 1.5)).toBeLessThan(0.08)
  })
})
