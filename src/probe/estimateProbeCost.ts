import { type ProbeSettings, plannedWork } from './probeMinimum.ts'

/**
 * The planned oracle work of a probe: evaluations, estimated seconds, memory of the noise rows and oracle calls.
 */
export interface ProbeCost {
  evaluations: number
  seconds: number
  /** Floats held at once for the noise rows (batches × parameters). */
  noiseFloats: number
  /** Oracle calls, with batches of at most `maxBatch` samples. */
  runs: number
  /** Per-sample gradient evaluations of each stage, in the order they run. */
  stages: { stage: 'loss' | 'noise' | 'curvature' | 'trace' | 'sharpness' | 'slice'; evaluations: number }[]
}

/**
 * A-priori cost of a probe, from the number of per-sample gradient evaluations it will make (every
 * oracle pass costs about the same per sample and per parameter), with N the evaluation-set size:
 *   base pass N; noise batches·batchSize (and batches·b for each b of noiseBatchSizes); Lanczos 2N·iterations; Hutchinson 2N·traceSamples;
 *   sharpness N·(directions + ascentSteps + 1); slice N·points,
 * and seconds ≈ evaluations · parameters · secondsPerParameterSample. The constant is measured by
 * scripts/bench/probe.bench.ts in workerd (bench/results/probe.md); the estimate is for budgeting,
 * accurate to a factor of about two.
 *
 * It also counts the oracle calls (`runs`): a pass over the N samples is split into ⌈N / maxBatch⌉ calls and
 * a noise batch into ⌈batchSize / maxBatch⌉, so a per-run cost that does not scale with the batch (known from
 * the static analysis of an uploaded graph, docs/model-contract.md#static-analysis) can be budgeted too.
 * `stages` lists the evaluations of each stage in the order the probe runs them.
 * See docs/theory.md#probe.
 */
export function estimateProbeCost(
  settings: ProbeSettings,
  samples: number,
  parameters: number,
  secondsPerParameterSample: number,
  maxBatch = Number.POSITIVE_INFINITY,
): ProbeCost {
  const work = plannedWork(settings.measures, settings.height)
  const iterations = Math.min(settings.iterations, parameters)
  const perPass = Math.ceil(samples / maxBatch)
  const noiseBatch = Math.min(settings.batchSize, samples)
  const stages: ProbeCost['stages'] = [{ stage: 'loss', evaluations: samples }]
  let passes = 1
  let runs = 0
  if (work.noise) {
    // the main noise batches, then those of each noiseBatchSizes entry
    let noise = 0
    for (const size of [noiseBatch, ...(settings.noiseBatchSizes ?? [])]) {
      const b = Math.min(size, samples)
      noise += settings.batches * b
      runs += settings.batches * Math.ceil(b / maxBatch)
    }
    stages.push({ stage: 'noise', evaluations: noise })
  }
  if (work.lanczos) {
    stages.push({ stage: 'curvature', evaluations: 2 * samples * iterations })
    passes += 2 * iterations
  }
  if (work.trace) {
    stages.push({ stage: 'trace', evaluations: 2 * samples * settings.traceSamples })
    passes += 2 * settings.traceSamples
  }
  if (work.sharpness) {
    const k = settings.sharpnessDirections + settings.ascentSteps + (settings.ascentSteps > 0 ? 1 : 0)
    stages.push({ stage: 'sharpness', evaluations: samples * k })
    passes += k
  }
  if (work.slice) {
    stages.push({ stage: 'slice', evaluations: samples * settings.slicePoints })
    passes += settings.slicePoints
  }
  runs += passes * perPass
  const evaluations = stages.reduce((a, s) => a + s.evaluations, 0)
  return {
    evaluations,
    seconds: evaluations * parameters * secondsPerParameterSample,
    noiseFloats: work.noise ? settings.batches * parameters : 0,
    runs,
    stages,
  }
}
