/**
 * One probe of a model through ONNX Runtime (docs/api.md#trained-minima): applies the option
 * defaults, refuses (422) requests whose estimated cost exceeds the budget with the estimate and what to
 * reduce, builds the ONNX oracle on the model's grad graph, runs `probeMinimum` and `probeEscape`
 * (src/probe), and shapes the docs/api.md response.
 */
import type { InferenceSession } from 'onnxruntime-web/wasm'
import { estimateProbeCost } from '../../src/probe/estimateProbeCost.ts'
import type { LayoutEntry } from '../../src/probe/mlpLayout.ts'
import { type EscapeOptimizers, type ProbeEscapeOutput, probeEscape } from '../../src/probe/probeEscape.ts'
import { type Measure, type ProbeMeasurements, type ProbeSettings, probeMinimum } from '../../src/probe/probeMinimum.ts'
import type { Result } from '../../src/result.ts'
import { success, unanswerable } from '../../src/result.ts'
import { MEASURES, type ProbeOptionsParsed, type ProbeOutput } from '../../src/schemas/probe.ts'
import type { Ort } from '../ort/loadOrt.ts'
import { onnxOracle } from '../ort/onnxOracle.ts'
import { MAX_NOISE_FLOATS, PROBE_BUDGET_SECONDS, SECONDS_PER_PARAMETER_SAMPLE } from './budget.ts'
import type { EvalData } from './evalData.ts'

export interface ProbeTarget {
  ort: Ort
  session: InferenceSession
  layout: LayoutEntry[]
  parameters: number
  inputDim: number
  classes: number
  theta: Float64Array
  data: EvalData
  /** Default minibatch size for the noise (the model's training batch size). */
  batchSize: number
  /** The dynamics whose escape is predicted. */
  optimizers: EscapeOptimizers
  /** Served as `model` in the response. */
  record: Record<string, unknown>
}

export function probeSettings(o: ProbeOptionsParsed, defaultBatchSize: number): ProbeSettings {
  return {
    measures: (o.measures ?? MEASURES) as Measure[],
    radius: o.radius,
    batchSize: o.batchSize ?? defaultBatchSize,
    batches: o.batches,
    topK: o.topK,
    iterations: o.iterations,
    traceSamples: o.traceSamples,
    sharpnessRadius: o.sharpnessRadius,
    sharpnessDirections: o.sharpnessDirections,
    ascentSteps: o.ascentSteps,
    sliceRange: o.sliceRange,
    slicePoints: o.slicePoints,
    ...(o.height !== undefined ? { height: o.height } : {}),
    seed: o.seed,
  }
}

/** 422 when the estimated cost is over budget, with the estimate and how to reduce it. */
export function checkBudget(
  s: ProbeSettings,
  samples: number,
  parameters: number,
  budgetSeconds = PROBE_BUDGET_SECONDS,
): Result<number> {
  const cost = estimateProbeCost(s, samples, parameters, SECONDS_PER_PARAMETER_SAMPLE)
  if (cost.noiseFloats > MAX_NOISE_FLOATS) {
    return unanswerable(
      `The gradient noise would hold ${cost.noiseFloats} numbers (batches × parameters), over the ${MAX_NOISE_FLOATS} that fit in memory; lower batches to at most ${Math.floor(MAX_NOISE_FLOATS / parameters)}.`,
      [
        {
          path: 'batches',
          message: `at most ${Math.floor(MAX_NOISE_FLOATS / parameters)} for ${parameters} parameters`,
        },
      ],
    )
  }
  if (cost.seconds > budgetSeconds) {
    const perPass = samples * parameters * SECONDS_PER_PARAMETER_SAMPLE
    return unanswerable(
      `The probe is estimated at ${cost.seconds.toFixed(1)} s of CPU (${cost.evaluations} per-sample gradient evaluations × ${parameters} parameters), over the budget of ${budgetSeconds} s. ` +
        `Each Lanczos iteration, trace sample, slice point or sharpness step costs about ${(2 * perPass).toFixed(3)} s (two passes for curvature, one for the others): lower iterations, traceSamples, slicePoints, sharpnessDirections or ascentSteps, request fewer measures, or send fewer evaluation samples.`,
      [{ path: '', message: `estimated ${cost.seconds.toFixed(1)} s > ${budgetSeconds} s` }],
    )
  }
  return success(cost.seconds)
}

function shape(
  m: ProbeMeasurements,
  predicted: ProbeEscapeOutput | undefined,
  record: Record<string, unknown>,
  measures: readonly Measure[],
): ProbeOutput {
  const want = new Set(measures)
  const out: ProbeOutput = { model: record, point: m.point, warnings: [...m.warnings] }
  if (want.has('loss') && m.loss) out.loss = m.loss
  if (want.has('noise') && m.noise) {
    const e = m.noise.estimate
    const rm = m.noise.rowMajor
    out.noise = {
      alpha: e.alpha,
      interval: e.interval,
      heavyTailed: e.interval.upper < 2,
      blockSize: e.blockSize,
      batches: m.noise.batches,
      batchSize: m.noise.batchSize,
      excludedParameters: e.excludedColumns,
      atoms: { parameters: e.atoms.parameters, reason: e.atoms.reason },
      ...(Number.isFinite(rm.alpha)
        ? { rowMajor: { alpha: rm.alpha, interval: rm.interval, blockSize: rm.blockSize } }
        : {}),
    }
  }
  if (want.has('curvature') && m.curvature) {
    const c = m.curvature
    out.curvature = {
      eigenvalues: c.eigenvalues,
      lambdaMin: c.lambdaMin,
      trace: c.trace?.trace ?? NaN,
      traceStandardError: c.trace?.standardError ?? NaN,
      hessianVectorProducts: c.products,
      step: c.step,
    }
  }
  if (want.has('sharpness') && m.sharpness) out.sharpness = m.sharpness
  if (want.has('slice') && m.slice) out.slice = m.slice
  if (predicted) {
    out.escape = predicted
    out.warnings.push(...predicted.warnings)
  }
  return out
}

export async function runProbe(
  t: ProbeTarget,
  options: ProbeOptionsParsed,
): Promise<Result<ProbeOutput & { measurements: ProbeMeasurements }>> {
  const s = probeSettings(options, t.batchSize)
  const budget = checkBudget(s, t.data.samples, t.parameters)
  if (!budget.ok) return budget
  const oracle = onnxOracle({
    session: t.session,
    Tensor: t.ort.Tensor,
    layout: t.layout,
    parameters: t.parameters,
    inputDim: t.inputDim,
    classes: t.classes,
    x: t.data.x,
    labels: t.data.labels,
  })
  const m = await probeMinimum(oracle, t.theta, s)
  let predicted: ProbeEscapeOutput | undefined
  if (s.measures.includes('escape')) {
    const r = probeEscape(m, t.optimizers, s.height)
    if (!r.ok) return r
    predicted = r.value
  }
  return success({ ...shape(m, predicted, t.record, s.measures), measurements: m })
}
