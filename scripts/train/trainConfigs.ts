/**
 * The training settings of the committed checkpoints (docs/experiments.md explains the choices).
 * Both optimizers of a dataset share the architecture, batch size, epochs, seed, θ₀ and data order;
 * inputs are standardised with the training set's global mean and standard deviation (so blank pixels do
 * not give exactly-zero first-layer gradients);
 * only the optimizer and its learning rate differ (SGD 0.05 without momentum; Adam 1e-3, the paper's
 * Adam rate; the paper's SGD rate is 1e-2 on its CNNs, plain SGD on these small MLPs needs a larger step).
 */
export interface TrainConfig {
  dataset: 'digits' | 'fashion'
  layers: number[]
  /** Training images used (the first n of the training split); Infinity = all. */
  trainLimit: number
  batchSize: number
  epochs: number
  lr: { sgd: number; adam: number }
  alphaEvery: number
  alphaBatches: number
  /** Test images bundled in eval.bin (the first n of the test split). */
  evalSamples: number
  /**
   * Standardise the inputs with the training set's global mean and standard deviation
   * (scripts/onnx/standardisation.ts), baked into the exported graphs.
   */
  standardise: boolean
}

export const TRAIN_CONFIGS: Record<'digits' | 'fashion', TrainConfig> = {
  digits: {
    dataset: 'digits',
    layers: [64, 32, 10],
    trainLimit: Infinity,
    batchSize: 32,
    epochs: 40,
    lr: { sgd: 0.05, adam: 1e-3 },
    alphaEvery: 1,
    alphaBatches: 44,
    evalSamples: 359,
    standardise: true,
  },
  fashion: {
    dataset: 'fashion',
    layers: [784, 32, 10],
    trainLimit: 20000,
    batchSize: 64,
    epochs: 12,
    lr: { sgd: 0.05, adam: 1e-3 },
    alphaEvery: 1,
    alphaBatches: 100,
    evalSamples: 1000,
    standardise: true,
  },
}

export const DEFAULT_SEED = 1
