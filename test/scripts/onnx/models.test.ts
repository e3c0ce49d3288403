import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Dataset, headSplit, loadDigits, loadFashion } from '../../../scripts/data/index.ts'
import {
  layoutSize,
  mlpLayout,
  readCheckpoint,
  trainingStandardisation,
  verifyCheckpoint,
} from '../../../scripts/onnx/index.ts'
import { createTfMlp, disposeTfMlp, predictProbs } from '../../../scripts/train/mlpTf.ts'
import { useBackend } from '../../../scripts/train/tfBackend.ts'
import { TRAIN_CONFIGS } from '../../../scripts/train/trainConfigs.ts'

// The four committed checkpoints (trained-model contract). Oracles: the data loaders (checksums and
// the eval subset's bytes), tfjs with the stored parameters (forward), float64 central differences
// (gradients), the record's own numbers recomputed from the files.
const MODELS = fileURLToPath(new URL('../../../models/', import.meta.url))
const IDS = ['digits-mlp-sgd', 'digits-mlp-adam', 'fashion-mlp-sgd', 'fashion-mlp-adam']

describe('committed checkpoints', () => {
  let digits: Dataset
  let fashion: Dataset
  beforeAll(async () => {
    await useBackend('cpu')
    digits = loadDigits()
    fashion = loadFashion({ trainLimit: TRAIN_CONFIGS.fashion.trainLimit, testLimit: 1000 })
  })
  const trainHead = (d: Dataset) => headSplit(d.train, TRAIN_CONFIGS.fashion.trainLimit, d.inputDim)

  for (const id of IDS) {
    it(`${id}: files, record, eval subset, ONNX vs tfjs and finite differences`, async () => {
      const dir = join(MODELS, id)
      expect(existsSync(dir)).toBe(true)
      const bytes = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0)
      expect(bytes).toBeLessThan(2 * 1024 * 1024)
      const ck = readCheckpoint(dir)
      const r = ck.record
      const [dataset, , optimizer] = id.split('-')
      expect(r.id).toBe(id)
      expect(r.dataset).toBe(dataset)
      expect(r.optimizer).toBe(optimizer)
      expect(r.architecture.kind).toBe('mlp')
      expect(r.architecture.activation).toBe('relu')
      expect(r.layout).toEqual(mlpLayout(r.architecture.layers))
      expect(r.parameters).toBe(layoutSize(r.layout))
      expect(r.inputDim).toBe(r.architecture.layers[0])
      expect(r.classes).toBe(10)
      expect(r.files).toEqual({ forward: 'forward.onnx', grad: 'grad.onnx', params: 'params.bin', eval: 'eval.bin' })
      expect(r.history.length).toBe(r.epochs + 1)
      for (const h of r.history) {
        // α̂ and its interval are clipped at 2 (finite variance), so they may coincide there
        expect(h.alphaLower!).toBeLessThanOrEqual(h.alpha!)
        expect(h.alphaUpper!).toBeLessThanOrEqual(2)
        expect(h.alpha!).toBeLessThanOrEqual(h.alphaUpper!)
      }
      expect(r.history[r.history.length - 1].testAccuracy).toBe(r.testAccuracy)
      const data = dataset === 'digits' ? digits : fashion
      expect(r.dataChecksum).toBe(data.checksum)
      expect(r.inputScale).toBe(data.inputScale)
      const ev = headSplit(data.test, r.evalSamples, r.inputDim)
      expect(Buffer.compare(Buffer.from(ck.evalX), Buffer.from(ev.x))).toBe(0)
      expect(Buffer.compare(Buffer.from(ck.evalY), Buffer.from(ev.y))).toBe(0)

      const m = createTfMlp(r.architecture.layers, ck.theta)
      // inputs standardised with the training set's global mean and std, recomputed from the data
      const train = dataset === 'digits' ? digits.train : trainHead(fashion)
      expect(r.inputStandardisation).toEqual(trainingStandardisation(train.x, data.inputScale))
      const tfProbs = predictProbs(m, ck.evalX, r.evalSamples, r.inputScale, r.inputStandardisation)
      disposeTfMlp(m)
      const v = await verifyCheckpoint(dir, { tfjsProbs: tfProbs, gradSamples: 3, maxEntries: 3000 })
      expect(v.forwardMaxAbsDiffTfjs).toBeLessThan(1e-5)
      expect(v.forwardMaxAbsDiffFloat64).toBeLessThan(1e-5)
      expect(v.gradMaxRelErr).toBeLessThan(1e-4)
      expect(v.hvpMaxRelErr).toBeLessThan(1e-4)
      expect(v.evalAccuracy).toBe(r.evalAccuracy)
      if (dataset === 'digits') expect(v.evalAccuracy).toBeCloseTo(r.testAccuracy, 12) // eval.bin = the whole test split
    })
  }
})
