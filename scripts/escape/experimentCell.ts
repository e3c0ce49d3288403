/**
 * One cell of the escape experiment (docs/escape-experiment.md#setup): the measured runs of one optimizer at one
 * learning rate from θ* (runEscapes), summarised by the censoring-aware estimator (src/simulate
 * censoredExponentialMean), beside the four predictions of predictCell; two rows, one per exit definition.
 */
import type { EscapeExperimentRowOutput } from '../../src/schemas/index.ts'
import { censoredExponentialMean } from '../../src/simulate/index.ts'
import type { EscapeSystem } from './escapeSystem.ts'
import type { MinimumMeasurement } from './measureSystem.ts'
import { type CellPrediction, predictCell, type QuadraticModel, type SimulationSettings } from './predictCell.ts'
import { type AdamSettings, type CellMeasurement, runEscapes } from './runEscapes.ts'

export interface CellSpec {
  optimizer: 'sgd' | 'adam'
  lr: number
  runs: number
  cap: number
  lossCap: number
  lossEvery: number
  seed: number
  adam: AdamSettings
  simulation: SimulationSettings
}

export interface CellResult {
  rows: EscapeExperimentRowOutput[]
  measured: CellMeasurement
  prediction: CellPrediction
  /** CPU seconds of the measured runs and of the predictions (process.cpuUsage). */
  cpu: { runs: number; predictions: number }
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1e6
}

export async function experimentCell(
  model: string,
  system: EscapeSystem,
  m: MinimumMeasurement,
  quad: QuadraticModel,
  q: number[] | undefined,
  spec: CellSpec,
  onRun?: (done: number) => void,
): Promise<CellResult> {
  const t0 = process.cpuUsage()
  const measured = await runEscapes(
    system,
    { eigenvalues: quad.curvatures, eigenvectors: m.eigenvectors },
    m.baseLoss,
    { gradient: m.gradient, secondMoment: m.secondMoment },
    { ...spec, height: quad.height },
    onRun,
  )
  const runs = cpuSeconds(t0)
  const t1 = process.cpuUsage()
  const prediction = predictCell(quad, spec.optimizer, spec.lr, q, spec.simulation)
  const predictions = cpuSeconds(t1)
  const rows = (['subspace', 'loss'] as const).map((exit): EscapeExperimentRowOutput => {
    const e = censoredExponentialMean(measured.total[exit], measured.escaped[exit])
    const row: EscapeExperimentRowOutput = {
      model,
      optimizer: spec.optimizer,
      lr: spec.lr,
      runs: spec.runs,
      censored: spec.runs - measured.escaped[exit],
      exit,
      measuredInterval: { lower: e.lower },
    }
    // absent rather than null: no run left (mean, upper end), or no prediction
    if (Number.isFinite(e.mean)) row.measuredMeanIterations = e.mean
    if (Number.isFinite(e.upper)) row.measuredInterval.upper = e.upper
    for (const p of ['predictedLevy', 'simulatedLevy', 'simulatedGaussian', 'simulatedEmpirical'] as const) {
      const x = prediction[p]
      if (x !== null) row[p] = x
    }
    return row
  })
  return { rows, measured, prediction, cpu: { runs, predictions } }
}
