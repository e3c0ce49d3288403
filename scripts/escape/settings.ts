/**
 * The settings of the escape experiment (docs/escape-experiment.md#setup explains each choice). `--quick` divides
 * the runs and caps for a smoke run; the committed results use FULL.
 */
import type { AdamSettings } from './runEscapes.ts'

/** tfjs's Adam defaults, those the committed Adam minima were trained with. */
export const ADAM: AdamSettings = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }

export interface ModelPlan {
  id: string
  /** Barrier height h of Ω (loss units). */
  height: number
  lrs: { sgd: number[]; adam: number[] }
}

export interface ExperimentSettings {
  models: ModelPlan[]
  /** k: eigenvectors spanning the exit subspace. */
  topK: number
  measure: { batches: number; lanczosIterations: number }
  runs: number
  cap: number
  lossCap: number
  lossEvery: number
  simulation: { chains: number; cap: number }
}

export const FULL: ExperimentSettings = {
  models: [
    {
      id: 'digits-mlp-sgd',
      height: 0.005,
      lrs: { sgd: [0.0125, 0.025, 0.05, 0.1, 0.4], adam: [3e-4, 6e-4, 1.25e-3, 2.5e-3, 1e-2] },
    },
    {
      id: 'digits-mlp-adam',
      height: 0.005,
      lrs: { sgd: [0.0125, 0.025, 0.05, 0.1, 0.4], adam: [3e-4, 6e-4, 1.25e-3, 2.5e-3, 1e-2] },
    },
  ],
  topK: 10,
  measure: { batches: 256, lanczosIterations: 40 },
  runs: 50,
  cap: 3000,
  lossCap: 1000,
  lossEvery: 50,
  simulation: { chains: 300, cap: 20_000 },
}

/** A smoke run of the same pipeline: 2 learning rates per optimizer, 6 runs, short caps. */
export function quickSettings(full: ExperimentSettings): ExperimentSettings {
  return {
    ...full,
    models: full.models.map((m) => ({
      ...m,
      lrs: { sgd: m.lrs.sgd.slice(-2), adam: m.lrs.adam.slice(-2) },
    })),
    runs: 6,
    cap: 400,
    lossCap: 200,
    simulation: { chains: 200, cap: 20_000 },
  }
}

/** The control (scripts/escape/controlSystem.ts): k = 3 of its 6 eigenvectors, h chosen for K ≈ 1,600 at η = 0.003 (ε = 0.14). */
export const CONTROL_SETTINGS = {
  seed: 7,
  height: 0.09,
  lrs: [0.003, 0.01, 0.03],
  measure: { batches: 100_000, topK: 3, lanczosIterations: 6, seed: 8 },
  cell: {
    runs: 400,
    cap: 20_000,
    lossCap: 20_000,
    lossEvery: 1,
    adam: ADAM,
    simulation: { chains: 2000, cap: 200_000, seed: 9 },
  },
}
