/**
 * A-priori cost of a probe, from the number of per-sample gradient evaluations it will make (every
 * oracle pass costs about the same per sample and per parameter), with N the evaluation-set size:
 *   base pass N; noise batches·batchSize; Lanczos 2N·iterations; Hutchinson 2N·traceSamples;
 *   sharpness N·(directions + ascentSteps + 1); slice N·points,
 * and seconds ≈ evaluations · parameters · secondsPerParameterSample. The constant is measured by
 * scripts/bench/probe.bench.ts in workerd (bench/results/probe.md); the estimate is for budgeting,
 * accurate to a factor of about two.
 */
import { type ProbeSettings, plannedWork } from './probeMinimum.ts'

export interface ProbeCost {
  evaluations: number
  seconds: number
  /** Floats held at once for the noise rows (batches × parameters). */
  noiseFloats: number
}

export function estimateProbeCost(
  settings: ProbeSettings,
  samples: number,
  parameters: number,
  secondsPerParameterSample: number,
): ProbeCost {
  const work = plannedWork(settings.measures, settings.height)
  const iterations = Math.min(settings.iterations, parameters)
  let evaluations = samples
  if (work.noise) evaluations += settings.batches * Math.min(settings.batchSize, samples)
  if (work.lanczos) evaluations += 2 * samples * iterations
  if (work.trace) evaluations += 2 * samples * settings.traceSamples
  if (work.sharpness)
    evaluations += samples * (settings.sharpnessDirections + settings.ascentSteps + (settings.ascentSteps > 0 ? 1 : 0))
  if (work.slice) evaluations += samples * settings.slicePoints
  return {
    evaluations,
    seconds: evaluations * parameters * secondsPerParameterSample,
    noiseFloats: work.noise ? settings.batches * parameters : 0,
  }
}
