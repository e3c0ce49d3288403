/**
 * Visits the four committed minima (models/<dataset>-mlp-<optimizer>) with their training data loaded as
 * tfjs tensors (inputs scaled by the record's input scale and standardised as the graphs do, int32 labels) and the network rebuilt at θ*
 * (params.bin). Shared by the α diagnostics scripts; the tensors and the network are disposed after each
 * visit. The tfjs backend must be chosen (`useBackend`) before calling.
 */
import { join } from 'node:path'
import { readCheckpoint } from '../onnx/readCheckpoint.ts'
import { createTfMlp, disposeTfMlp, networkInput } from './mlpTf.ts'
import { loadDataset } from './runTraining.ts'
import { tf } from './tfBackend.ts'
import { TRAIN_CONFIGS } from './trainConfigs.ts'

export interface CommittedMinimum {
  dataset: 'digits' | 'fashion'
  cfg: (typeof TRAIN_CONFIGS)['digits']
  data: ReturnType<typeof loadDataset>
  x: tf.Tensor2D
  y: tf.Tensor1D
  checkpoint: ReturnType<typeof readCheckpoint>
  model: ReturnType<typeof createTfMlp>
}

export async function forEachCommittedMinimum(visit: (m: CommittedMinimum) => void | Promise<void>): Promise<void> {
  for (const dataset of ['digits', 'fashion'] as const) {
    const cfg = TRAIN_CONFIGS[dataset]
    const data = loadDataset(dataset, cfg.trainLimit)
    // both optimizers of a dataset share the training set, hence its standardisation
    const st = readCheckpoint(join('models', `${dataset}-mlp-sgd`)).record.inputStandardisation
    const x = networkInput(data.train.x, data.train.n, data.inputDim, data.inputScale, st)
    const y = tf.tensor1d(data.train.y, 'int32')
    for (const optimizer of ['sgd', 'adam'] as const) {
      const checkpoint = readCheckpoint(join('models', `${dataset}-mlp-${optimizer}`))
      const model = createTfMlp(checkpoint.record.architecture.layers, checkpoint.theta)
      try {
        await visit({ dataset, cfg, data, x, y, checkpoint, model })
      } finally {
        disposeTfMlp(model)
      }
    }
    x.dispose()
    y.dispose()
  }
}
