/**
 * `record.json` of a trained-model folder `models/<id>/` (the trained-model contract; users read
 * docs/model-contract.md). Written by scripts/onnx/writeCheckpoint.ts, served by the Worker
 * (workers/models/modelRecord.ts) as written. Fields beyond the contract (trainSamples, testSamples,
 * evalAccuracy, evalLoss, noise, verification, training) are additions that consumers may ignore.
 */
import type { LayoutEntry } from './mlpLayout.ts'

/**
 * The standardisation the graphs apply to their input x = uint8 value × inputScale before the first
 * layer: (x − mean)/std (scripts/onnx/standardisation.ts says how mean and std were computed).
 */
export interface InputStandardisation {
  mean: number
  std: number
  /** What mean and std are, in words. */
  statistic: string
}

/** One row of the training history. */
export interface HistoryEntry {
  /** 0 = at initialisation, k = after k epochs. */
  epoch: number
  /** Optimizer steps taken so far. */
  iteration: number
  trainLoss: number
  trainAccuracy: number
  testLoss: number
  testAccuracy: number
  /** Tail index of the gradient noise at these weights (NaN → null when not measured). */
  alpha: number | null
  alphaLower: number | null
  alphaUpper: number | null
}

/**
 * The JSON record of a trained model (docs/model-contract.md): data, architecture, training, metrics and history.
 */
export interface ModelRecord {
  id: string
  /** 'digits' or 'fashion' for the bundled models. */
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
  seed: number
  trainAccuracy: number
  testAccuracy: number
  trainLoss: number
  testLoss: number
  evalSamples: number
  inputScale: number
  /** Applied inside forward.onnx and grad.onnx; consumers feed x = uint8 value × inputScale either way. */
  inputStandardisation?: InputStandardisation
  dataChecksum: string
  history: HistoryEntry[]
  packageVersion: string
  files: { forward: 'forward.onnx'; grad: 'grad.onnx'; params: 'params.bin'; eval: 'eval.bin' }
  trainSamples?: number
  testSamples?: number
  /** Accuracy and mean loss of forward.onnx on eval.bin (checked after writing). */
  evalAccuracy?: number
  evalLoss?: number
  /** How α was measured (src/tail pooledNoiseTailIndex settings). */
  noise?: Record<string, unknown>
  /** What the exporter's self-check measured. */
  verification?: Record<string, number>
  /** Backend, versions, wall time. */
  training?: Record<string, unknown>
}
