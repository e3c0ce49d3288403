import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCheckpoint, trainingStandardisation } from '../../../scripts/onnx/index.ts'
import { runForward, session } from '../../../scripts/onnx/ortNode.ts'
import { gradientNoiseRows, type NoiseMeasurement } from '../../../scripts/train/gradientNoiseTailIndex.ts'
import { createTfMlp, disposeTfMlp, glorotInit, networkInput } from '../../../scripts/train/mlpTf.ts'
import { FORWARD_TOLERANCE, GRADIENT_TOLERANCE, loadDataset, runTraining } from '../../../scripts/train/runTraining.ts'
import { tf, useBackend } from '../../../scripts/train/tfBackend.ts'
import type { TrainHistoryEntry } from '../../../scripts/train/trainMlp.ts'
import { coordinatewiseTailIndex } from '../../../src/tail/coordinatewiseTailIndex.ts'
import { pooledNoiseTailIndex } from '../../../src/tail/index.ts'

// End to end on a small digits subset: train SGD and Adam a few epochs from the same θ₀, measure α,
// export, reload, verify (the verification inside runTraining uses tfjs and float64 finite
// differences as oracles and throws past its tolerances), then re-run the exported forward graph here.
describe('training pipeline (digits subset)', () => {
  const overrides = { trainLimit: 320, epochs: 3, alphaBatches: 10, evalSamples: 80 }

  it('trains, measures α, exports and verifies both optimizers from the same start', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pipeline-'))
    const sgd = await runTraining({ dataset: 'digits', optimizer: 'sgd', seed: 4, outDir: out, overrides })
    const adam = await runTraining({ dataset: 'digits', optimizer: 'adam', seed: 4, outDir: out, overrides })
    for (const { record: r, dir } of [sgd, adam]) {
      expect(readdirSync(dir).sort()).toEqual(['eval.bin', 'forward.onnx', 'grad.onnx', 'params.bin', 'record.json'])
      expect(r.architecture).toEqual({ kind: 'mlp', layers: [64, 32, 10], activation: 'relu' })
      expect(r.parameters).toBe(64 * 32 + 32 + 32 * 10 + 10)
      expect(r.trainSamples).toBe(320)
      expect(r.evalSamples).toBe(80)
      expect(r.dataChecksum).toBe('46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a')
      expect(r.history.map((h) => h.epoch)).toEqual([0, 1, 2, 3])
      expect(r.history.map((h) => h.iteration)).toEqual([0, 10, 20, 30])
      for (const h of r.history as TrainHistoryEntry[]) {
        // (0, 2]: with P = 10 minibatches (K1 = 3, 9 values per parameter) this tiny run's estimate is
        // noisy and may be clipped at 2; its value is checked against an independent oracle in
        // gradientNoiseTailIndex.test.ts and below
        expect(h.alpha).not.toBeNull()
        expect(h.alpha!).toBeGreaterThan(0)
        expect(h.alpha!).toBeLessThanOrEqual(2)
        expect(h.alphaLower!).toBeLessThanOrEqual(h.alpha!)
        expect(h.alphaUpper!).toBeGreaterThanOrEqual(h.alpha!)
        // the row-major docs/theory.md#pooled-estimator estimate of the same rows is kept beside it
        expect(h.alphaRowMajor).not.toBeNull()
        expect(h.alphaRowMajorLower!).toBeLessThan(h.alphaRowMajor!)
        expect(h.alphaRowMajorUpper!).toBeGreaterThanOrEqual(h.alphaRowMajor!)
      }
      // history α is the probes' coordinate-wise estimate: K1 = ⌊√10⌋ = 3 minibatches per block
      const final = r.noise!.final as NoiseMeasurement & { epoch: number }
      expect(final.epoch).toBe(3)
      expect(final.batches).toBe(10)
      expect(final.blockSize).toBe(3)
      expect(final.alpha).toBe(r.history[3].alpha)
      expect(final.rowMajor.alpha).toBe((r.history[3] as TrainHistoryEntry).alphaRowMajor)
      // training reduced the training loss
      expect(r.history[3].trainLoss).toBeLessThan(r.history[0].trainLoss)
      expect(r.verification!.forwardMaxAbsDiffTfjs).toBeLessThan(FORWARD_TOLERANCE)
      expect(r.verification!.gradMaxRelErr).toBeLessThan(GRADIENT_TOLERANCE)
      expect(r.verification!.gradEntriesChecked).toBe(r.parameters)
      expect(r.verification!.hvpMaxRelErr).toBeLessThan(GRADIENT_TOLERANCE)
      const total = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0)
      expect(total).toBeLessThan(2 * 1024 * 1024)
      // the reloaded forward graph reproduces the recorded eval accuracy
      const ck = readCheckpoint(dir)
      const x = Float32Array.from(ck.evalX, (u) => u * r.inputScale)
      const probs = await runForward(await session(ck.forward), x, r.evalSamples, 64)
      let correct = 0
      for (let i = 0; i < r.evalSamples; i++) {
        const row = Array.from(probs.subarray(i * 10, i * 10 + 10))
        if (row.indexOf(Math.max(...row)) === ck.evalY[i]) correct++
      }
      expect(correct / r.evalSamples).toBe(r.evalAccuracy)
    }
    // same initialisation and same α batches at epoch 0; different optimizers afterwards
    expect(sgd.record.history[0]).toEqual(adam.record.history[0])
    // epoch 0 is the probes' estimator on the noise rows at θ₀ = glorotInit(layers, seed) with the batches of seed·1000 + 29
    await useBackend('wasm')
    const data = loadDataset('digits', overrides.trainLimit)
    const m = createTfMlp([64, 32, 10], glorotInit([64, 32, 10], 4))
    // the inputs are standardised with the (limited) training set's global mean and std, as in training
    const st = trainingStandardisation(data.train.x, data.inputScale)
    expect(sgd.record.inputStandardisation).toEqual(st)
    const x = networkInput(data.train.x, data.train.n, 64, data.inputScale, st)
    const y = tf.tensor1d(data.train.y, 'int32')
    const rows = gradientNoiseRows(m, x, y, 10, { batches: overrides.alphaBatches, batchSize: 32, seed: 4029 })
    x.dispose()
    y.dispose()
    disposeTfMlp(m)
    const want = coordinatewiseTailIndex(rows)
    expect(rows.length).toBe(10)
    expect(sgd.record.history[0].alpha).toBe(want.alpha)
    expect(sgd.record.history[0].alphaLower).toBe(want.interval.lower)
    expect((sgd.record.history[0] as TrainHistoryEntry).alphaRowMajor).toBe(pooledNoiseTailIndex(rows).alpha)
    expect(sgd.record.history[3].trainLoss).not.toBe(adam.record.history[3].trainLoss)
  })

  it('reproduces a run bit for bit from its seed, and another seed gives another run', async () => {
    const tiny = { trainLimit: 160, epochs: 1, alphaBatches: 5, evalSamples: 20 }
    const run = (seed: number) =>
      runTraining({
        dataset: 'digits',
        optimizer: 'adam',
        seed,
        outDir: mkdtempSync(join(tmpdir(), 'pipeline-')),
        overrides: tiny,
      })
    const a = await run(4)
    const b = await run(4)
    const c = await run(5)
    expect(Buffer.compare(readFileSync(join(a.dir, 'params.bin')), readFileSync(join(b.dir, 'params.bin')))).toBe(0)
    expect(b.record.history).toEqual(a.record.history)
    expect(Buffer.compare(readFileSync(join(a.dir, 'params.bin')), readFileSync(join(c.dir, 'params.bin')))).not.toBe(0)
  })
})
