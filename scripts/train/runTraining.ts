/**
 * One training run end to end: load the data, train (trainMlp.ts), export the checkpoint folder
 * (scripts/onnx/writeCheckpoint.ts) to `<outDir>/<id>/`, reload it and verify it (ONNX vs tfjs,
 * gradients vs finite differences; scripts/onnx/verifyCheckpoint.ts), and store the verification in
 * record.json. Throws if the verification fails its tolerances (forward 1e-5, gradient and exact
 * Hessian-vector product 1e-4 relative).
 */

import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Dataset, headSplit } from '../data/dataset.ts'
import { loadDigits } from '../data/loadDigits.ts'
import { loadFashion } from '../data/loadFashion.ts'
import type { ModelRecord } from '../onnx/modelRecord.ts'
import { trainingStandardisation } from '../onnx/standardisation.ts'
import { verifyCheckpoint } from '../onnx/verifyCheckpoint.ts'
import { writeCheckpoint } from '../onnx/writeCheckpoint.ts'
import { disposeTfMlp, predictProbs } from './mlpTf.ts'
import { type BackendName, useBackend } from './tfBackend.ts'
import { TRAIN_CONFIGS, type TrainConfig } from './trainConfigs.ts'
import { trainMlp } from './trainMlp.ts'

export const FORWARD_TOLERANCE = 1e-5
export const GRADIENT_TOLERANCE = 1e-4

export interface RunOptions {
  dataset: 'digits' | 'fashion'
  optimizer: 'sgd' | 'adam'
  seed: number
  outDir: string
  backend?: BackendName
  progress?: boolean
  /** Overrides of the dataset's TrainConfig (e.g. fewer epochs in tests). */
  overrides?: Partial<TrainConfig>
  /** An already loaded dataset (saves re-reading Fashion-MNIST in train:all). */
  data?: Dataset
}

export function loadDataset(name: 'digits' | 'fashion', trainLimit: number): Dataset {
  const d =
    name === 'digits' ? loadDigits() : loadFashion({ trainLimit: Number.isFinite(trainLimit) ? trainLimit : undefined })
  return { ...d, train: headSplit(d.train, trainLimit, d.inputDim) }
}

export async function runTraining(o: RunOptions): Promise<{ record: ModelRecord; dir: string }> {
  const backend = o.backend ?? 'wasm'
  await useBackend(backend)
  const cfg: TrainConfig = { ...TRAIN_CONFIGS[o.dataset], ...o.overrides }
  const base = o.data ?? loadDataset(o.dataset, cfg.trainLimit)
  const data: Dataset = { ...base, train: headSplit(base.train, cfg.trainLimit, base.inputDim) }
  const id = `${o.dataset}-mlp-${o.optimizer}`
  const lr = cfg.lr[o.optimizer]
  const standardisation = cfg.standardise ? trainingStandardisation(data.train.x, data.inputScale) : undefined
  const r = trainMlp(data, {
    standardisation,
    layers: cfg.layers,
    optimizer: o.optimizer,
    lr,
    batchSize: cfg.batchSize,
    epochs: cfg.epochs,
    seed: o.seed,
    alphaEvery: cfg.alphaEvery,
    alphaBatches: cfg.alphaBatches,
    progress: o.progress,
    label: id,
  })
  const ev = headSplit(data.test, cfg.evalSamples, data.inputDim)
  const tfjsProbs = predictProbs(r.model, ev.x, ev.n, data.inputScale, standardisation)
  disposeTfMlp(r.model)
  const last = r.noise[r.noise.length - 1]
  const dir = join(o.outDir, id)
  const tfjsVersion = (createRequire(import.meta.url)('@tensorflow/tfjs/package.json') as { version: string }).version
  writeCheckpoint(
    dir,
    {
      id,
      dataset: o.dataset,
      optimizer: o.optimizer,
      layers: cfg.layers,
      lr,
      batchSize: cfg.batchSize,
      epochs: cfg.epochs,
      seed: o.seed,
      trainAccuracy: r.final.trainAccuracy,
      testAccuracy: r.final.testAccuracy,
      trainLoss: r.final.trainLoss,
      testLoss: r.final.testLoss,
      inputScale: data.inputScale,
      inputStandardisation: standardisation,
      dataChecksum: data.checksum,
      history: r.history,
      trainSamples: data.train.n,
      testSamples: data.test.n,
      noise: {
        method:
          'rows = P disjoint minibatch gradients minus the full training-set gradient at the current weights. history alpha/alphaLower/alphaUpper: src/probe coordinatewiseTailIndex (the estimator of the probes): parameters whose noise has a point mass (a value repeated across minibatches or an exact 0) excluded, the others not centred again and divided by their median |x|, pooled parameter by parameter, log-moment estimator with K1 = floor(sqrt(P)), Student-t 95% interval (docs/theory.md#log-moment-estimator, docs/theory.md#estimator-caveats). history alphaRowMajor*: src/tail pooledNoiseTailIndex on the same rows (columns divided by median |x|, pooled row-major, K1 = largest divisor <= sqrt(N); docs/theory.md#pooled-estimator), biased high by the softmax sum-to-zero constraint between consecutive output-layer parameters (docs/experiments.md)',
        batches: cfg.alphaBatches,
        batchSize: cfg.batchSize,
        every: cfg.alphaEvery,
        final: last ?? null,
      },
      training: {
        backend,
        tfjs: tfjsVersion,
        optimizerSettings:
          o.optimizer === 'sgd'
            ? 'plain SGD, no momentum'
            : 'Adam beta1 0.9, beta2 0.999, epsilon 1e-7 (tfjs defaults)',
        initialisation: 'Glorot uniform weights, zero biases, seeded (src/random)',
        secondsTotal: r.seconds.total,
        secondsPerEpoch: r.seconds.perEpoch,
        secondsAlpha: r.seconds.alpha,
      },
    },
    r.theta,
    ev,
  )
  const v = await verifyCheckpoint(dir, { tfjsProbs, gradSamples: 4, maxEntries: 5000 })
  const problems: string[] = []
  if (!(v.forwardMaxAbsDiffTfjs <= FORWARD_TOLERANCE)) problems.push(`forward vs tfjs ${v.forwardMaxAbsDiffTfjs}`)
  if (!(v.forwardMaxAbsDiffFloat64 <= FORWARD_TOLERANCE))
    problems.push(`forward vs float64 ${v.forwardMaxAbsDiffFloat64}`)
  if (!(v.gradMaxRelErr <= GRADIENT_TOLERANCE)) problems.push(`gradient vs finite differences ${v.gradMaxRelErr}`)
  if (!(v.hvpMaxRelErr <= GRADIENT_TOLERANCE))
    problems.push(`Hessian-vector product vs finite differences ${v.hvpMaxRelErr}`)
  if (problems.length) throw new Error(`${dir}: verification failed: ${problems.join(', ')}`)
  const recPath = join(dir, 'record.json')
  const record = JSON.parse(readFileSync(recPath, 'utf8')) as ModelRecord
  record.evalAccuracy = v.evalAccuracy
  record.evalLoss = v.evalLoss
  record.verification = {
    forwardMaxAbsDiffTfjs: v.forwardMaxAbsDiffTfjs,
    forwardMaxAbsDiffFloat64: v.forwardMaxAbsDiffFloat64,
    lossMaxAbsDiff: v.lossMaxAbsDiff,
    gradMaxRelErr: v.gradMaxRelErr,
    gradSamples: v.gradSamples,
    gradEntriesChecked: v.gradEntriesChecked,
    hvpMaxRelErr: v.hvpMaxRelErr,
  }
  writeFileSync(recPath, `${JSON.stringify(record, null, 2)}\n`)
  return { record, dir }
}
