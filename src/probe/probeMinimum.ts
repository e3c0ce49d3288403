/**
 * The measurements of a probe at θ = θ* + radius·u (docs/api.md#trained-minima), through any
 * gradient oracle: loss and accuracy on the evaluation set (evaluateSet); gradient noise and its tail
 * index (gradientNoise, docs/theory.md#pooled-estimator, docs/theory.md#estimator-caveats); curvature (Lanczos with full reorthogonalisation
 * on exact or finite-difference Hessian-vector products, Hutchinson trace); sharpness within a radius; the loss
 * slice along the top eigenvector. The escape prediction built on these is `probeEscape`.
 *
 * Determinism: one generator seeded with `seed` hands out, in a fixed order, the seeds of the point
 * direction, the noise minibatches, the Lanczos start, the Hutchinson vectors and the sharpness
 * directions, whatever subset of measures is requested; so the same options and seed give the same
 * numbers (and the same JSON bytes) on the same oracle.
 */

import { normal } from '../random/normal.ts'
import { createRng } from '../random/rng.ts'
import { type WarningOutput, warning } from '../schemas/warning.ts'
import { evaluateSet } from './evaluateSet.ts'
import { type GradientNoise, gradientNoise } from './gradientNoise.ts'
import {
  type CurvatureMethod,
  curvatureMethod,
  finiteDifferenceStep,
  hessianVectorProduct,
} from './hessianVectorProduct.ts'
import { hutchinson, type TraceEstimate } from './hutchinson.ts'
import { type LanczosResult, lanczos } from './lanczos.ts'
import { lossSlice } from './lossSlice.ts'
import type { GradientOracle } from './oracle.ts'
import { sharpness as sharpnessSearch } from './sharpness.ts'
import { norm } from './vector.ts'

/** One of the measurements a probe can take. */
export type Measure = 'loss' | 'noise' | 'curvature' | 'sharpness' | 'slice' | 'escape'

/**
 * Every setting of a probe, defaults applied: measures, point, noise batches, Lanczos, Hutchinson, sharpness, slice, seed.
 */
export interface ProbeSettings {
  measures: readonly Measure[]
  radius: number
  batchSize: number
  batches: number
  topK: number
  iterations: number
  traceSamples: number
  sharpnessRadius: number
  sharpnessDirections: number
  ascentSteps: number
  sliceRange: number
  slicePoints: number
  height?: number
  seed: number
  /** Minibatch sizes of the α(b) curve (`batchSizeCurve`); none by default. */
  noiseBatchSizes?: readonly number[]
}

/** What `probeMinimum` measured; only the requested measures are present. */
export interface ProbeMeasurements {
  point: { radius: number; seed: number }
  baseLoss: number
  loss?: { value: number; accuracy: number }
  noise?: GradientNoise
  /** α̂ of the noise at each of `noiseBatchSizes` (the same estimator, batches and confidence). */
  batchSizeCurve?: {
    batchSize: number
    alpha: number
    interval: { lower: number; upper: number; confidence: number }
  }[]
  /**
   * Lanczos (and Hutchinson) on exact Hessian-vector products when the oracle has them, on
   * finite differences of the gradient otherwise; `step` is the finite-difference step (absent for exact).
   */
  curvature?: LanczosResult & { trace?: TraceEstimate; method: CurvatureMethod; step?: number; products: number }
  sharpness?: { radius: number; value: number }
  slice?: { direction: 'top-eigenvector'; t: number[]; loss: number[] }
  warnings: WarningOutput[]
  /** Sample-gradient evaluations spent in all. */
  evaluations: number
}

/** Which computations a set of measures needs ("escape" needs noise, curvature and, without a height, the slice). */
export function plannedWork(measures: readonly Measure[], height?: number) {
  const m = new Set(measures)
  const wantsEscape = m.has('escape')
  return {
    noise: m.has('noise') || wantsEscape,
    lanczos: m.has('curvature') || m.has('slice') || wantsEscape,
    trace: m.has('curvature'),
    sharpness: m.has('sharpness'),
    slice: m.has('slice') || (wantsEscape && height === undefined),
  }
}

/**
 * Measures a minimum through a gradient oracle at θ = θ* + radius·u (docs/theory.md#probe): loss and accuracy,
 * gradient noise and its tail index (docs/theory.md#coordinatewise-pooling), the top Hessian eigenpairs by Lanczos
 * (exact or finite-difference Hessian-vector products, docs/theory.md#exact-hessian-vector-products), the Hutchinson
 * trace, sharpness within a radius and the loss slice along the top eigenvector — only the requested measures.
 * Deterministic for a given seed. Lanczos and Hutchinson accuracies are reported with the answer (residuals,
 * standard error).
 */
export async function probeMinimum(
  oracle: GradientOracle,
  thetaStar: Float64Array,
  s: ProbeSettings,
): Promise<ProbeMeasurements> {
  const master = createRng(s.seed)
  const seeds = Array.from({ length: 6 }, () => master.nextUint32())
  const work = plannedWork(s.measures, s.height)
  const warnings: WarningOutput[] = []
  const P = oracle.parameters
  let theta = thetaStar
  if (s.radius > 0) {
    const rng = createRng(seeds[0])
    const u = Float64Array.from({ length: P }, () => normal(rng))
    const nu = norm(u)
    theta = Float64Array.from(thetaStar, (v, i) => v + (s.radius * u[i]) / nu)
  }
  const base = await evaluateSet(oracle, theta)
  let evaluations = base.evaluations
  const out: ProbeMeasurements = {
    point: { radius: s.radius, seed: s.seed },
    baseLoss: base.loss,
    warnings,
    evaluations: 0,
  }
  if (s.measures.includes('loss')) out.loss = { value: base.loss, accuracy: base.accuracy }

  if (work.noise) {
    out.noise = await gradientNoise(oracle, theta, base.gradient as Float64Array, {
      batchSize: s.batchSize,
      batches: s.batches,
      rng: createRng(seeds[1]),
    })
    evaluations += out.noise.evaluations
    const atoms = out.noise.estimate.atoms
    if (atoms.parameters > 0) warnings.push(warning('dead-parameters', atoms.reason))
    if (out.noise.diagnosticsNote) warnings.push(warning('diagnostics-skipped', out.noise.diagnosticsNote))
    if (out.noise.diagnostics && !out.noise.diagnostics.goodnessOfFit.consistent)
      warnings.push(
        warning(
          'not-stable-like',
          `The gradient noise is not α-stable-like: ${out.noise.diagnostics.goodnessOfFit.reasons.join(' ')} α̂ describes how its sums grow at this batch and block size, not an α-stable law.`,
        ),
      )
    if (s.noiseBatchSizes && s.noiseBatchSizes.length > 0) {
      const rng = createRng(seeds[5])
      out.batchSizeCurve = []
      for (const b of s.noiseBatchSizes) {
        const r = await gradientNoise(oracle, theta, base.gradient as Float64Array, {
          batchSize: b,
          batches: s.batches,
          rng,
          diagnostics: false,
        })
        evaluations += r.evaluations
        const e = r.estimate
        if (![e.alpha, e.interval.lower, e.interval.upper].every(Number.isFinite)) {
          warnings.push(
            warning(
              'batch-size-skipped',
              `The tail index at batch size ${r.batchSize} could not be estimated (too few noise values); it is left out of batchSizeCurve.`,
            ),
          )
          continue
        }
        out.batchSizeCurve.push({ batchSize: r.batchSize, alpha: e.alpha, interval: e.interval })
      }
    }
  }

  if (work.lanczos) {
    const method = curvatureMethod(oracle)
    const step = method === 'exact' ? undefined : finiteDifferenceStep(theta, oracle.unitRoundoff)
    const apply = (v: Float64Array) => hessianVectorProduct(oracle, theta, v, { method, step })
    const lz = await lanczos(apply, P, { iterations: s.iterations, topK: s.topK, rng: createRng(seeds[2]) })
    let products = lz.products
    evaluations += 2 * lz.products * oracle.samples
    let trace: TraceEstimate | undefined
    if (work.trace) {
      trace = await hutchinson(apply, P, { samples: s.traceSamples, rng: createRng(seeds[3]) })
      products += trace.products
      evaluations += 2 * trace.products * oracle.samples
    }
    out.curvature = { ...lz, method, ...(step !== undefined ? { step } : {}), products, ...(trace ? { trace } : {}) }
    if (lz.eigenvalues.length < s.topK)
      warnings.push(
        warning(
          'few-eigenvalues',
          `Only ${lz.eigenvalues.length} eigenvalues: the Krylov space closed after ${lz.products} steps.`,
        ),
      )
    const loose = lz.residuals.filter((r, i) => r > 0.1 * Math.abs(lz.eigenvalues[i])).length
    if (loose > 0)
      warnings.push(
        warning(
          'unconverged-eigenpairs',
          `${loose} of the top ${lz.eigenvalues.length} Ritz pairs have residuals above 10% of their eigenvalue; raise iterations.`,
        ),
      )
    if (lz.lambdaMin < -1e-3 * Math.abs(lz.eigenvalues[0])) {
      warnings.push(
        warning(
          'not-a-minimum',
          `The Hessian has a negative eigenvalue (${lz.lambdaMin.toPrecision(3)}): the point is not a strict local minimum.`,
        ),
      )
    }
  }

  if (work.sharpness) {
    const r = await sharpnessSearch(oracle, theta, base.loss, {
      radius: s.sharpnessRadius,
      directions: s.sharpnessDirections,
      ascentSteps: s.ascentSteps,
      rng: createRng(seeds[4]),
    })
    evaluations += r.evaluations
    out.sharpness = { radius: r.radius, value: r.value }
  }

  if (work.slice && out.curvature) {
    const r = await lossSlice(oracle, theta, out.curvature.eigenvectors[0], {
      range: s.sliceRange,
      points: s.slicePoints,
    })
    evaluations += r.evaluations
    out.slice = { direction: 'top-eigenvector', t: r.t, loss: r.loss }
  }
  out.evaluations = evaluations
  return out
}
