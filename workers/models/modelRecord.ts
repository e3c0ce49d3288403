/**
 * The Worker's views of a bundled model's `record.json` (the record type is defined once in
 * src/probe/modelRecord.ts; users read docs/model-contract.md). The record is served as written.
 */
import type { ModelRecord } from '../../src/probe/index.ts'

/** The files of a bundled model as the Worker imports them (wrangler Data modules). */
export interface BundledModel {
  record: ModelRecord
  grad: ArrayBuffer
  params: ArrayBuffer
  eval: ArrayBuffer
}

/** GET /v1/models entry: the summary fields of docs/api.md. */
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
