/**
 * The escape prediction of a probed minimum (docs/api.md#trained-minima; docs/theory.md#exit-mass, docs/theory.md#sgd-vs-adam):
 * the local quadratic model F(θ*+x) − F(θ*) ≈ ½ Σ_i λ_i ⟨x, v_i⟩² on the top-k Hessian eigenpairs
 * (λ_i > 0 only), with
 *  - noise scales σ_i = median_j |⟨u_j, v_i⟩| / m_α: the SαS scale (docs/theory.md#median-scale robust estimate) of the gradient
 *    noise rows u_j projected on each eigenvector, at the measured α;
 *  - α = the measured tail index (the log-moment estimate of `noise.alpha`), moved into the theory's open
 *    interval (1, 2) when it falls outside (to 1.01 or 1.99, with a warning); when the noise diagnostics
 *    judge the noise not α-stable-like the prediction still runs on that α, says so in `noiseAlpha` and
 *    warns that it is an extrapolation of the α-stable model (docs/theory.md#tail-index-diagnostics);
 *  - barrier height h from the request, else the smaller loss rise at the two ends of the slice along v₁;
 *  - the axis noise model (docs/theory.md#noise-models) in the eigenbasis, normalisation c = c_α;
 * passed to `escapeTime` (src/escape) for the given optimizers and learning rates (Adam with the "auto"
 * preconditioner, docs/theory.md#adam-preconditioner). Leading-order theory: the answer inherits escapeTime's warnings.
 */

import { escapeTime } from '../escape/escapeTime.ts'
import { parseAndCompute } from '../parse/parseInput.ts'
import type { Result } from '../result.ts'
import { success, unanswerable } from '../result.ts'
import { type EscapeTimeOutput, EscapeTimeRequest } from '../schemas/escapeTime.ts'
import { type WarningOutput, warning } from '../schemas/warning.ts'
import { medianConstant } from '../stable/medianConstant.ts'
import { medianAbs } from '../tail/medianAbs.ts'
import type { ProbeMeasurements } from './probeMinimum.ts'
import { dot } from './vector.ts'

const ESCAPE_ALPHA_RANGE = [1.01, 1.99] as const

/** Learning rates at which to predict the escape of each optimizer from a probed minimum. */
export interface EscapeOptimizers {
  sgd?: { lr: number }
  adam?: { lr: number }
}

/** Which α the escape prediction used, and whether the noise passed the α-stable check. */
export interface NoiseAlpha {
  method: 'log-moment'
  /** The measured α̂. */
  measured: number
  /** The α passed to the escape theory (α̂ moved into [1.01, 1.99]). */
  used: number
  /** The verdict of the noise diagnostics (true when they were not computed). */
  consistent: boolean
}

/** The escape-time request a probe builds from its measurements (docs/theory.md#probe). */
export type EscapeRequestBody = {
  basin: { kind: 'quadratic'; curvatures: number[]; height: number }
  noise: { scale: number[]; model: 'axis' }
  normalization: 'stable'
  optimizers: { sgd?: { alpha: number; lr: number }; adam?: { alpha: number; lr: number; preconditioner: 'auto' } }
}

/** Builds the /v1/escape-time request of the local quadratic model, with the warnings of its choices. */
export function escapeRequest(
  m: ProbeMeasurements,
  optimizers: EscapeOptimizers,
  height?: number,
): Result<{ request: EscapeRequestBody; warnings: WarningOutput[]; noiseAlpha: NoiseAlpha }> {
  const warnings: WarningOutput[] = []
  if (!m.noise || !m.curvature)
    return unanswerable('The escape prediction needs the noise and curvature measurements.', [
      { path: 'measures', message: 'include "noise" and "curvature"' },
    ])
  const measured = m.noise.estimate.alpha
  if (!Number.isFinite(measured)) {
    return unanswerable('The tail index of the gradient noise could not be estimated; raise batches.', [
      { path: 'batches', message: 'too few noise samples' },
    ])
  }
  const alpha = Math.min(ESCAPE_ALPHA_RANGE[1], Math.max(ESCAPE_ALPHA_RANGE[0], measured))
  if (alpha !== measured)
    warnings.push(
      warning(
        'alpha-moved',
        `The measured α = ${measured.toFixed(3)} is outside the escape theory's (1, 2); the escape prediction uses α = ${alpha}.`,
      ),
    )
  const consistent = m.noise.diagnostics?.goodnessOfFit.consistent ?? true
  if (!consistent)
    warnings.push(
      warning(
        'not-stable-like',
        `The gradient noise is not α-stable-like (${m.noise.diagnostics?.goodnessOfFit.reasons.length} checks failed; the reasons are in noise.diagnostics when "noise" is measured), so this escape prediction, which uses the log-moment α = ${alpha.toFixed(3)}, is an extrapolation of the α-stable model rather than a measurement.`,
      ),
    )
  const noiseAlpha: NoiseAlpha = { method: 'log-moment', measured, used: alpha, consistent }
  const mAlpha = medianConstant(alpha)
  const curvatures: number[] = []
  const scales: number[] = []
  const column = new Float64Array(m.noise.rows.length)
  m.curvature.eigenvalues.forEach((lambda, i) => {
    if (!(lambda > 0)) {
      warnings.push(
        warning(
          'direction-dropped',
          `Eigenvalue ${i + 1} (${lambda.toPrecision(3)}) is not positive and was left out of the quadratic basin.`,
        ),
      )
      return
    }
    const v = m.curvature!.eigenvectors[i]
    m.noise!.rows.forEach((u, j) => (column[j] = dot(u, v)))
    const sigma = medianAbs(column) / mAlpha
    if (!(sigma > 0) || !Number.isFinite(sigma)) {
      warnings.push(
        warning(
          'direction-dropped',
          `The gradient noise has no spread along eigenvector ${i + 1}; that direction was left out.`,
        ),
      )
      return
    }
    curvatures.push(lambda)
    scales.push(sigma)
  })
  if (curvatures.length === 0) {
    return unanswerable(
      'No direction has both positive curvature and gradient noise, so there is no quadratic basin to escape; probe nearer the minimum (radius 0).',
      [{ path: 'radius', message: 'no positive curvature' }],
    )
  }
  let h = height
  if (h === undefined) {
    if (!m.slice)
      return unanswerable('Give height, or include the slice, to set the barrier height.', [
        { path: 'height', message: 'required without a slice' },
      ])
    const rise = Math.min(m.slice.loss[0], m.slice.loss[m.slice.loss.length - 1]) - m.baseLoss
    if (!(rise > 0)) {
      // Flat (no point of the slice above the minimum's loss: the range is below what the loss resolves) or over
      // a ridge (the loss rises inside the slice and falls again at an end): opposite fixes.
      const flat = !(Math.max(...m.slice.loss) > m.baseLoss)
      const fix = flat
        ? 'the loss is flat at this scale: pass height, or a larger sliceRange'
        : 'the slice crosses a ridge: pass height, or a smaller sliceRange'
      return unanswerable(
        `The loss does not rise at both ends of the slice along the top eigenvector, so the slice gives no barrier height; ${fix}.`,
        [
          { path: 'height', message: 'no barrier on the slice: give it' },
          { path: 'sliceRange', message: flat ? 'larger (the loss is flat at this scale)' : 'smaller (a ridge)' },
        ],
      )
    }
    h = rise
  }
  const req: EscapeRequestBody = {
    basin: { kind: 'quadratic', curvatures, height: h },
    noise: { scale: scales, model: 'axis' },
    normalization: 'stable',
    optimizers: {},
  }
  if (optimizers.sgd) req.optimizers.sgd = { alpha, lr: optimizers.sgd.lr }
  if (optimizers.adam) req.optimizers.adam = { alpha, lr: optimizers.adam.lr, preconditioner: 'auto' }
  return success({ request: req, warnings, noiseAlpha })
}

/** The escape-time answer of a probe, with the request it was computed from and where α came from. */
export type ProbeEscapeOutput = EscapeTimeOutput & { inputs: EscapeRequestBody; noiseAlpha: NoiseAlpha }

/** escapeTime on the local quadratic model; its warnings first, then escapeTime's. */
export function probeEscape(
  m: ProbeMeasurements,
  optimizers: EscapeOptimizers,
  height?: number,
): Result<ProbeEscapeOutput> {
  const built = escapeRequest(m, optimizers, height)
  if (!built.ok) return built
  // The measured numbers cross the same parse step as a request (a non-finite measurement is refused there).
  const r = parseAndCompute(EscapeTimeRequest, escapeTime)(built.value.request)
  if (!r.ok) return { ...r, issues: r.issues.map((i) => ({ ...i, path: `escape.${i.path}` })) }
  return success({
    ...r.value,
    warnings: [...built.value.warnings, ...r.value.warnings],
    inputs: built.value.request,
    noiseAlpha: built.value.noiseAlpha,
  })
}
