/**
 * The part of the escape experiment that belongs to one committed minimum and one optimizer
 * (docs/escape-experiment.md#setup): load the network at θ* and its training data, measure at θ* (measureSystem),
 * build the quadratic model and Adam's preconditioner, check the barrier h against loss slices, then run every
 * learning rate's cell. Runs in a worker process of runExperiment.ts (or in-process).
 */

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { finiteDifferenceHessianVectorProduct, finiteDifferenceStep, lanczos } from '../../src/probe/index.ts'
import { createRng } from '../../src/random/index.ts'
import type { EscapeExperimentRowOutput } from '../../src/schemas/index.ts'
import { coordinatewiseTailIndex } from '../../src/tail/index.ts'
import { readCheckpoint } from '../onnx/readCheckpoint.ts'
import { loadDataset } from '../train/runTraining.ts'
import { TRAIN_CONFIGS } from '../train/trainConfigs.ts'
import { mlpEscapeSystem } from './escapeSystem.ts'
import { experimentCell } from './experimentCell.ts'
import { measureSystem } from './measureSystem.ts'
import { networkInputs } from './networkInputs.ts'
import { eigenPreconditioner, quadraticModel } from './predictCell.ts'
import { ADAM, type ExperimentSettings, type ModelPlan } from './settings.ts'

export interface ModelDiagnostics {
  model: string
  baseLoss: number
  batchSize: number
  alpha: { alpha: number; lower: number; upper: number; excludedColumns: number }
  projectedAlpha: { alpha: number; lower: number; upper: number }
  alphaUsed: number
  eigenvalues: number[]
  lambdaMin: number
  scales: number[]
  deviations: number[]
  /** Adam's eigen-preconditioner q_i and the largest |off-diagonal|/diagonal of Vᵀ Q⁻¹ V. */
  adamPreconditioner: number[]
  adamOffDiagonal: number
  /** ½ Σ ⟨∇F(θ*), v_i⟩²/λ_i: how far θ* is from the quadratic model's minimum, in loss units. */
  gradientOffsetEnergy: number
  /** Loss rise at θ* ± t_i v_i, t_i = √(2h/λ_i), divided by h (1 for an exact quadratic). */
  sliceRatios: { minus: number; plus: number }[]
  height: number
  warnings: string[]
  /**
   * The experiment's curvature pipeline checked against the truth: its Lanczos (float64 central differences of the
   * float64 gradient) on the objective of the model's evaluation subset, against the float64 dense Hessian of that
   * same objective (test/fixtures/denseHessian.json, numpy eigh). Absent when the fixture is for other parameters.
   */
  curvatureCheck?: { samples: number; lanczos: number[]; dense: number[]; maxRelativeError: number }
}

export interface ModelTaskResult {
  rows: EscapeExperimentRowOutput[]
  diagnostics: ModelDiagnostics
  cpuSeconds: number
  steps: number
}

const FD = (o: Parameters<typeof finiteDifferenceHessianVectorProduct>[0], th: Float64Array, v: Float64Array) =>
  finiteDifferenceHessianVectorProduct(o, th, v, finiteDifferenceStep(th, o.unitRoundoff))

/** The top eigenvalues of the evaluation-subset objective by this experiment's Lanczos, beside the dense truth. */
export async function curvatureCheck(
  ck: ReturnType<typeof readCheckpoint>,
  lanczosIterations: number,
  seed: number,
): Promise<ModelDiagnostics['curvatureCheck']> {
  const record = ck.record
  const fixture = JSON.parse(readFileSync(join('test', 'fixtures', 'denseHessian.json'), 'utf8')) as {
    models: Record<string, { paramsSha256: string; samples: number; top: number[] }>
  }
  const truth = fixture.models[record.id]
  const sha = createHash('sha256')
    .update(readFileSync(join('models', record.id, record.files.params)))
    .digest('hex')
  if (!truth || truth.paramsSha256 !== sha || truth.samples !== record.evalSamples) return undefined
  const split = { n: record.evalSamples, x: ck.evalX, y: ck.evalY }
  const system = mlpEscapeSystem(
    `${record.id} (evaluation subset)`,
    record.architecture.layers,
    ck.theta,
    { x: networkInputs(record, split), labels: split.y },
    record.batchSize,
    FD,
  )
  const k = 4
  const lz = await lanczos((v) => system.hessianVector(system.thetaStar, v), system.parameters, {
    iterations: lanczosIterations,
    topK: k,
    rng: createRng(seed),
  })
  const dense = truth.top.slice(0, k)
  const rel = lz.eigenvalues.map((l, i) => Math.abs(l - dense[i]) / Math.abs(dense[i]))
  return { samples: split.n, lanczos: lz.eigenvalues, dense, maxRelativeError: Math.max(...rel) }
}

export async function modelTask(
  plan: ModelPlan,
  optimizer: 'sgd' | 'adam',
  s: ExperimentSettings,
  seed: number,
  onRun: () => void,
): Promise<ModelTaskResult> {
  const t0 = process.cpuUsage()
  const ck = readCheckpoint(join('models', plan.id))
  const record = ck.record
  const dataset = record.dataset as 'digits' | 'fashion'
  const data = loadDataset(dataset, TRAIN_CONFIGS[dataset].trainLimit)
  const system = mlpEscapeSystem(
    plan.id,
    record.architecture.layers,
    ck.theta,
    { x: networkInputs(record, data.train), labels: data.train.y },
    record.batchSize,
    FD,
  )
  const m = await measureSystem(system, { ...s.measure, topK: s.topK, seed: seed * 1000 + 1 })
  const quad = quadraticModel(m, plan.height)
  const q = eigenPreconditioner(m, ADAM.epsilon)
  // off-diagonal part of Vᵀ Q⁻¹ V relative to its diagonal
  let off = 0
  const qinv = Float64Array.from(m.secondMoment, (v) => 1 / (Math.sqrt(v) + ADAM.epsilon))
  for (let i = 0; i < m.eigenvectors.length; i++) {
    for (let j = 0; j < i; j++) {
      let s2 = 0
      const a = m.eigenvectors[i]
      const b = m.eigenvectors[j]
      for (let p = 0; p < a.length; p++) s2 += a[p] * qinv[p] * b[p]
      off = Math.max(off, Math.abs(s2) * Math.sqrt(q[i] * q[j]))
    }
  }
  let offset = 0
  const sliceRatios: { minus: number; plus: number }[] = []
  for (let i = 0; i < m.eigenvalues.length; i++) {
    const v = m.eigenvectors[i]
    let g = 0
    for (let p = 0; p < v.length; p++) g += m.gradient[p] * v[p]
    offset += (0.5 * g * g) / m.eigenvalues[i]
    const t = Math.sqrt((2 * plan.height) / m.eigenvalues[i])
    const at = (sign: number) => system.loss(Float64Array.from(system.thetaStar, (x, p) => x + sign * t * v[p]))
    sliceRatios.push({
      minus: ((await at(-1)) - m.baseLoss) / plan.height,
      plus: ((await at(1)) - m.baseLoss) / plan.height,
    })
  }
  const rows: EscapeExperimentRowOutput[] = []
  let steps = 0
  const lrs = plan.lrs[optimizer]
  for (let c = 0; c < lrs.length; c++) {
    const cell = await experimentCell(
      plan.id,
      system,
      m,
      quad,
      q,
      {
        optimizer,
        lr: lrs[c],
        runs: s.runs,
        cap: s.cap,
        lossCap: s.lossCap,
        lossEvery: s.lossEvery,
        seed: seed * 1000 + 100 + c + (optimizer === 'adam' ? 50 : 0),
        adam: ADAM,
        simulation: { ...s.simulation, seed: seed * 1000 + 200 + c },
      },
      onRun,
    )
    steps += cell.measured.steps
    rows.push(...cell.rows)
  }
  const pa = coordinatewiseTailIndex(m.projected)
  const check = await curvatureCheck(ck, s.measure.lanczosIterations, seed * 1000 + 7)
  const u = process.cpuUsage(t0)
  return {
    rows,
    steps,
    cpuSeconds: (u.user + u.system) / 1e6,
    diagnostics: {
      model: plan.id,
      baseLoss: m.baseLoss,
      batchSize: record.batchSize,
      alpha: {
        alpha: m.alpha.alpha,
        lower: m.alpha.interval.lower,
        upper: m.alpha.interval.upper,
        excludedColumns: m.alpha.excludedColumns,
      },
      projectedAlpha: { alpha: pa.alpha, lower: pa.interval.lower, upper: pa.interval.upper },
      alphaUsed: quad.alpha,
      eigenvalues: m.eigenvalues,
      lambdaMin: m.lambdaMin,
      scales: quad.scales,
      deviations: quad.deviations,
      adamPreconditioner: q,
      adamOffDiagonal: off,
      gradientOffsetEnergy: offset,
      sliceRatios,
      height: plan.height,
      warnings: quad.warnings,
      ...(check ? { curvatureCheck: check } : {}),
    },
  }
}
