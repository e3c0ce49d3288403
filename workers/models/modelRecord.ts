/**
 * The `record.json` of a bundled trained model (trained-model contract, written by
 * scripts/onnx/writeCheckpoint.ts; users read docs/model-contract.md). Only the fields the Worker uses
 * are typed; the record is served as written.
 */
import type { LayoutEntry } from '../../src/probe/mlpLayout.ts'

export interface ModelRecord {
  id: string
  dataset: string
  optimizer: 'sgd' | 'adam'
  architecture: { kind: 'mlp'; layers: number[]; activation: 'relu' }
  inputDim: number
  classes: number
  parameters: number
  layout: LayoutEntry[]
  lr: number
  batchSize: number
  epochs: number
  trainAccuracy: number
  testAccuracy: number
  trainLoss: number
  testLoss: number
  evalSamples: number
  inputScale: number
  history: { epoch: number; trainLoss: number; testAccuracy: number; alpha: number | null; [k: string]: unknown }[]
  [k: string]: unknown
}

/** The files of a bundled model as the Worker imports them (wrangler Data modules). */
export interface BundledModel {
  record: ModelRecord
  grad: ArrayBuffer
  params: ArrayBuffer
  eval: ArrayBuffer
}

/** GET /v1/models entry: the summary fields of api.md. */
export function modelSummary(r: ModelRecord) {
  return {
    id: r.id,
    dataset: r.dataset,
    optimizer: r.optimizer,
    architecture: r.architecture,
    parameters: r.parameters,
    lr: r.lr,
    batchSize: r.batchSize,
    epochs: r.epochs,
    trainAccuracy: r.trainAccuracy,
    testAccuracy: r.testAccuracy,
    trainLoss: r.trainLoss,
    testLoss: r.testLoss,
    evalSamples: r.evalSamples,
  }
}

/** GET /v1/models/{id}: the summary plus the training history (α measured during training; entries without α are left out). */
export function modelDetail(r: ModelRecord) {
  return {
    ...modelSummary(r),
    history: r.history
      .filter((h) => typeof h.alpha === 'number' && Number.isFinite(h.alpha))
      .map((h) => ({ epoch: h.epoch, trainLoss: h.trainLoss, testAccuracy: h.testAccuracy, alpha: h.alpha as number })),
  }
}
