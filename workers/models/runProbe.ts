/**
 * One probe of a model through ONNX Runtime (docs/api.md#trained-minima): applies the option
 * defaults, refuses (422) requests whose estimated cost exceeds the budget with the estimate and what to
 * reduce, builds the ONNX oracle on the model's grad graph, runs `probeMinimum` and `probeEscape`
 * (src/probe), and shapes the docs/api.md response.
 */
import type { InferenceSession } from 'onnxruntime-web/wasm'
import {
  type EscapeOptimizers,
  estimateProbeCost,
  type LayoutEntry,
  type Measure,
  type ProbeEscapeOutput,
  type ProbeMeasurements,
  type ProbeSettings,
  probeEscape,
  probeMinimum,
} from '../../src/probe/index.ts'

import type { Failure, Result } from '../../src/result.ts'
import { success, unanswerable } from '../../src/result.ts'
import {
  MEASURES,
  type ProbeOptionsParsed,
  type ProbeOutput,
  type WarningOutput,
  warning,
} from '../../src/schemas/index.ts'
import type { Ort } from '../ort/loadOrt.ts'
import { onnxOracle } from '../ort/onnxOracle.ts'
import type { RunSeconds } from './analyseUserModel.ts'
import {
  MAX_NOISE_FLOATS,
  MAX_RUN_SECONDS,
  MEASURED_BATCH,
  PROBE_BUDGET_SECONDS,
  PROBE_DEADLINE_SECONDS,
  SECONDS_PER_PARAMETER_SAMPLE,
} from './budget.ts'
import type { EvalData } from './evalData.ts'
import { DeadlineExceeded, withDeadline } from './withDeadline.ts'

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
  /** CPU of one run from the static analysis of an uploaded graph (workers/models/analyseUserModel.ts); when set, the budget also counts it, and one small run is timed before the probe to re-check it. */
  runSeconds?: RunSeconds
  /** Stop the probe between oracle calls after this many seconds (default PROBE_DEADLINE_SECONDS). */
  deadlineSeconds?: number
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
    ...(o.noiseBatchSizes !== undefined ? { noiseBatchSizes: o.noiseBatchSizes } : {}),
  }
}

/**
 * 422 when the estimated cost is over budget, with the estimate and how to reduce it. The estimate is the larger of
 * the per-parameter one (evaluations × parameters × SECONDS_PER_PARAMETER_SAMPLE) and, for an uploaded graph, the
 * static one (runs × fixed + evaluations × perSample from its shapes).
 */
export function checkBudget(
  s: ProbeSettings,
  samples: number,
  parameters: number,
  budgetSeconds = PROBE_BUDGET_SECONDS,
  graph?: { runSeconds: RunSeconds; maxBatch: number },
): Result<number> {
  const cost = estimateProbeCost(s, samples, parameters, SECONDS_PER_PARAMETER_SAMPLE, graph?.maxBatch)
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
  if (graph) {
    const batch = Math.min(samples, graph.maxBatch)
    const run = graph.runSeconds.fixed + batch * graph.runSeconds.perSample
    if (run > MAX_RUN_SECONDS)
      return unanswerable(
        `One run of the uploaded graph on a batch of ${batch} samples is estimated at ${run.toFixed(2)} s of CPU from its shapes, over the ${MAX_RUN_SECONDS} s one run may take (a running probe can be stopped only between runs). ` +
          (graph.runSeconds.fixed > batch * graph.runSeconds.perSample
            ? 'Most of it does not depend on the batch (operations on parameters or constants alone, such as large MatMuls of expanded tensors): remove that work from the graph.'
            : 'Make the graph cheaper per sample (smaller layers).'),
        [{ path: 'model', message: `estimated ${run.toFixed(2)} s per run > ${MAX_RUN_SECONDS} s` }],
      )
  }
  const graphSeconds = graph ? cost.runs * graph.runSeconds.fixed + cost.evaluations * graph.runSeconds.perSample : 0
  if (graph && graphSeconds > budgetSeconds && graphSeconds >= cost.seconds) {
    const r = graph.runSeconds
    return unanswerable(
      `The probe is estimated at ${graphSeconds.toFixed(1)} s of CPU from the shapes of the uploaded graph (${cost.runs} runs × ${(r.fixed * 1000).toFixed(1)} ms that do not depend on the batch + ${cost.evaluations} per-sample evaluations × ${(r.perSample * 1000).toFixed(3)} ms), over the budget of ${budgetSeconds} s. ` +
        (r.fixed * cost.runs > r.perSample * cost.evaluations
          ? 'Most of it is work that does not scale with the batch (operations on parameters or constants alone): remove it from the graph, or request fewer measures, or lower iterations, traceSamples, slicePoints, sharpnessDirections or ascentSteps.'
          : 'To reduce it, lower iterations, traceSamples, slicePoints, sharpnessDirections or ascentSteps, request fewer measures, or send fewer evaluation samples.'),
      [{ path: '', message: `estimated ${graphSeconds.toFixed(1)} s > ${budgetSeconds} s` }],
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
  return success(Math.max(cost.seconds, graphSeconds))
}

/**
 * The `escape-unavailable` warning for an escape prediction the measurements cannot support (no finite tail index,
 * no direction with positive curvature and noise, no barrier on the slice, a rate outside double precision): the
 * reason and the fields to change, in the words of the refusal it replaces.
 */
export function escapeUnavailable(f: Failure, prefix = ''): WarningOutput {
  const fields = f.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
  return warning(
    'escape-unavailable',
    `${prefix}No escape prediction: ${f.detail}${fields ? ` (${fields})` : ''} The measurements it was built from are in the answer.`,
  )
}

/** What a stopped probe had done: the stages completed, from the evaluations made. */
function stoppedDetail(e: DeadlineExceeded, s: ProbeSettings, samples: number, parameters: number): string {
  const cost = estimateProbeCost(s, samples, parameters, SECONDS_PER_PARAMETER_SAMPLE)
  const done: string[] = []
  let sum = 0
  for (const st of cost.stages) {
    sum += st.evaluations
    if (sum <= e.evaluations) done.push(st.stage)
  }
  return (
    `The probe was stopped after ${e.elapsedSeconds.toFixed(1)} s, past its deadline: ${e.evaluations} of the ${cost.evaluations} planned per-sample gradient evaluations were made in ${e.runs} runs` +
    ` (${done.length > 0 ? `stages finished: ${done.join(', ')}` : 'no stage finished'}). Request fewer measures, lower iterations, traceSamples, slicePoints, sharpnessDirections or ascentSteps, or send fewer evaluation samples.`
  )
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
      ...(m.noise.diagnostics ? { diagnostics: m.noise.diagnostics } : {}),
      ...(m.batchSizeCurve ? { batchSizeCurve: m.batchSizeCurve } : {}),
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
      method: c.method,
      hessianVectorProducts: c.products,
      ...(c.step !== undefined ? { step: c.step } : {}),
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
  const graph = t.runSeconds ? { runSeconds: t.runSeconds, maxBatch: oracle.maxBatch } : undefined
  const budget = checkBudget(s, t.data.samples, t.parameters, PROBE_BUDGET_SECONDS, graph)
  if (!budget.ok) return budget
  if (t.runSeconds) {
    // trust, but measure: every run costs at least what a run on a small batch costs, so runs × that time is a
    // lower bound of the probe's CPU; timed on the second of two runs (the first pays one-time session set-up)
    const n = Math.min(MEASURED_BATCH, t.data.samples)
    const small = Int32Array.from({ length: n }, (_, i) => i)
    await oracle.evaluate(t.theta, small)
    const t0 = performance.now()
    await oracle.evaluate(t.theta, small)
    const measured = (performance.now() - t0) / 1000
    const runs = estimateProbeCost(s, t.data.samples, t.parameters, SECONDS_PER_PARAMETER_SAMPLE, oracle.maxBatch).runs
    if (runs * measured > PROBE_BUDGET_SECONDS) {
      return unanswerable(
        `One run of the uploaded graph on ${n} samples took ${(measured * 1000).toFixed(1)} ms; the probe needs ${runs} runs on batches at least that large, so at least ${(runs * measured).toFixed(1)} s of CPU, over the budget of ${PROBE_BUDGET_SECONDS} s: request fewer measures, lower iterations, traceSamples, slicePoints, sharpnessDirections or ascentSteps, or make the graph cheaper.`,
        [{ path: '', message: `measured lower bound ${(runs * measured).toFixed(1)} s > ${PROBE_BUDGET_SECONDS} s` }],
      )
    }
  }
  const guarded = withDeadline(oracle, t.deadlineSeconds ?? PROBE_DEADLINE_SECONDS)
  let m: ProbeMeasurements
  try {
    m = await probeMinimum(guarded.oracle, t.theta, s)
  } catch (e) {
    if (e instanceof DeadlineExceeded)
      return unanswerable(stoppedDetail(e, s, t.data.samples, t.parameters), [
        { path: '', message: `stopped after ${e.elapsedSeconds.toFixed(1)} s` },
      ])
    throw e
  }
  let predicted: ProbeEscapeOutput | undefined
  let unavailable: WarningOutput | undefined
  if (s.measures.includes('escape')) {
    const r = probeEscape(m, t.optimizers, s.height)
    // The measurements are done: a prediction they cannot support is a warning on a 200 that carries them, never a
    // 422 after the probe's work (docs/api.md#trained-minima).
    if (r.ok) predicted = r.value
    else unavailable = escapeUnavailable(r)
  }
  // Without the prediction, the measurements it was built from are shown (the curvature when its trace was
  // measured too: the answer carries no undefined number).
  const shown: readonly Measure[] = unavailable
    ? [...s.measures, 'loss', 'noise', 'slice', ...(m.curvature?.trace ? (['curvature'] as const) : [])]
    : s.measures
  const out = shape(m, predicted, t.record, shown)
  if (unavailable) out.warnings.push(unavailable)
  return success({ ...out, measurements: m })
}
