/**
 * The escape-time calculator (docs/api.md#escape-time; docs/theory.md#escape, docs/theory.md#calculator, docs/theory.md#choices).
 *
 * For each requested optimizer, with effective noise G = Σ* (SGD) or Q*⁻¹Σ* (Adam, docs/theory.md#adam-sde):
 * - the c-free Radon measure m(W) of the exit set: interval (closed form, docs/theory.md#interval-exit-mass), quadratic basin under
 *   the axis model (closed form on diag(GᵀHG)) or the isotropic model (exact sphere integral over the
 *   eigenvalues of A = GᵀHG, docs/theory.md#sphere-average);
 * - ε, Θ(ε⁻¹), ν_L(W), λ, E[Γ] and K from `leadingOrder`, in one normalisation (c = c_α "stable" or
 *   c = 1 "unit", docs/theory.md#normalisation), never mixed;
 * - exit probabilities (interval: left/right; quadratic axis model: "axis-<i>", i 0-based, docs/theory.md#exit-location) and,
 *   for the interval, the finite-η one-jump value 1/P(one step ηgζ leaves), exact SαS tails (docs/theory.md#one-jump-proxy);
 * - with both optimizers, the iteration ratio and its three mechanism factors (docs/theory.md#sgd-vs-adam, docs/api.md), whose
 *   product equals the ratio.
 *
 * - per optimizer, `regime`: "single-step" when the mean escape is under one iteration or one noise step
 *   leaves with probability ≥ ½ (docs/theory.md#single-step), "asymptotic" otherwise.
 *
 * Monte-Carlo is never used: the isotropic mass is computed exactly in every dimension.
 *
 * Input: the request as parsed by its schema (`parseInput(EscapeTimeRequest, body)`, src/parse); this
 * function checks what depends on the data together (lengths against the dimension, a symmetric
 * positive-definite Hessian). Total: such problems → `invalid` Failure naming each dotted field path; a
 * result that would not be a finite number → `unanswerable` Failure saying what to change. Never throws.
 */
import { isPositiveDefinite } from '../linalg/isPositiveDefinite.ts'
import { symmetricEigenvalues } from '../linalg/symmetricEigenvalues.ts'
import { findNonFinite } from '../parse/findNonFinite.ts'
import { type FieldIssue, invalid, type Result, success, unanswerable } from '../result.ts'
import type { EscapeTimeOutput, EscapeTimeParsed, OptimizerEscapeOutput } from '../schemas/escapeTime.ts'
import type { WarningOutput } from '../schemas/warning.ts'
import { levyConstant } from '../stable/levyMeasure.ts'
import { autoPreconditioner } from './autoPreconditioner.ts'
import { axisRadonMeasure } from './axisRadonMeasure.ts'
import { intervalRadonMeasure } from './intervalRadonMeasure.ts'
import { isotropicRadonMeasure } from './isotropicRadonMeasure.ts'
import { leadingOrder } from './leadingOrder.ts'
import { oneJumpProbability } from './oneJumpProbability.ts'
import { isSingleStep, regimeWarnings } from './regimeWarnings.ts'

type Basin = EscapeTimeParsed['basin']
type OptimizerName = 'sgd' | 'adam'

/**
 * Basin after the cross-field checks: the dimension and, for quadratic basins, diag(H) and (only when
 * H has off-diagonal entries) H row-major.
 */
interface CheckedBasin {
  d: number
  interval?: { left: number; right: number }
  quadratic?: { diag: Float64Array; full?: Float64Array; height: number }
}

/** Relative tolerance of the symmetry check |H_ij − H_ji| ≤ tol · max|H|. */
const SYMMETRY_TOLERANCE = 1e-10

function checkBasin(basin: Basin, model: 'axis' | 'isotropic', issues: FieldIssue[]): CheckedBasin | undefined {
  if (basin.kind === 'interval') return { d: 1, interval: { left: basin.left, right: basin.right } }
  if ('curvatures' in basin) {
    return {
      d: basin.curvatures.length,
      quadratic: { diag: Float64Array.from(basin.curvatures), height: basin.height },
    }
  }
  const rows = basin.hessian
  const d = rows.length
  let shapeOk = true
  rows.forEach((row, i) => {
    if (row.length !== d) {
      shapeOk = false
      issues.push({
        path: `basin.hessian.${i}`,
        message: `row ${i} has ${row.length} entries; a ${d} × ${d} Hessian needs ${d}`,
      })
    }
  })
  if (!shapeOk) return undefined
  const h = new Float64Array(d * d)
  let maxAbs = 0
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      h[i * d + j] = rows[i][j]
      maxAbs = Math.max(maxAbs, Math.abs(rows[i][j]))
    }
  }
  if (!Number.isFinite(maxAbs)) return undefined // reported by the non-finite check
  const asymmetric: FieldIssue[] = []
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(h[i * d + j] - h[j * d + i]) > SYMMETRY_TOLERANCE * maxAbs) {
        asymmetric.push({
          path: `basin.hessian.${i}.${j}`,
          message: `H[${i}][${j}] = ${h[i * d + j]} differs from H[${j}][${i}] = ${h[j * d + i]}; the Hessian must be symmetric`,
        })
      }
    }
  }
  if (asymmetric.length > 0) {
    issues.push(...asymmetric.slice(0, 10))
    return undefined
  }
  // Symmetrise exactly (differences are at rounding level) and test positive definiteness.
  let diagonal = true
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (h[i * d + j] + h[j * d + i])
      h[i * d + j] = h[j * d + i] = m
      if (m !== 0) diagonal = false
    }
  }
  // The isotropic model needs the eigenvalues of A = GHG anyway; A is positive definite iff H is
  // (congruence with the positive diagonal G), so there the eigenvalue sign is the test (exitMeasure).
  if (model === 'axis' && !isPositiveDefinite(h, d)) {
    issues.push({
      path: 'basin.hessian',
      message:
        'the Hessian is not positive definite (its Cholesky factorisation fails); the basin must be a strict minimum',
    })
    return undefined
  }
  const diag = new Float64Array(d)
  for (let i = 0; i < d; i++) diag[i] = h[i * d + i]
  return { d, quadratic: { diag, full: diagonal ? undefined : h, height: basin.height } }
}

/** m(W) and exit probabilities for effective noise g (length d) and tail index α. */
function exitMeasure(
  basin: CheckedBasin,
  model: 'axis' | 'isotropic',
  g: ArrayLike<number>,
  alpha: number,
  eigenCache: Map<string, Float64Array>,
  cacheKey: string,
): { radonMeasure: number; exitProbabilities?: { direction: string; probability: number }[] } | FieldIssue {
  if (basin.interval) {
    const r = intervalRadonMeasure(basin.interval.left, basin.interval.right, g[0], alpha)
    return {
      radonMeasure: r.radonMeasure,
      exitProbabilities: [
        { direction: 'left', probability: r.left },
        { direction: 'right', probability: r.right },
      ],
    }
  }
  const { diag, full, height } = basin.quadratic!
  const d = basin.d
  if (model === 'axis') {
    const diagA = new Float64Array(d)
    for (let i = 0; i < d; i++) diagA[i] = g[i] * g[i] * diag[i]
    const r = axisRadonMeasure(diagA, height, alpha)
    return {
      radonMeasure: r.radonMeasure,
      exitProbabilities: r.probabilities.map((probability, i) => ({ direction: `axis-${i}`, probability })),
    }
  }
  let mu = eigenCache.get(cacheKey)
  if (!mu) {
    if (!full) {
      mu = new Float64Array(d)
      for (let i = 0; i < d; i++) mu[i] = g[i] * g[i] * diag[i]
    } else {
      const a = new Float64Array(d * d)
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i * d + j] = g[i] * full[i * d + j] * g[j]
      mu = symmetricEigenvalues(a, d)
    }
    eigenCache.set(cacheKey, mu)
  }
  let smallest = Infinity
  let largest = 0
  for (let i = 0; i < d; i++) {
    smallest = Math.min(smallest, mu[i])
    largest = Math.max(largest, Math.abs(mu[i]))
  }
  // Eigenvalues carry an absolute error ~ d·2^−52·‖A‖: below that, positivity is not decidable.
  if (!(smallest > 4 * d * Number.EPSILON * largest)) {
    return {
      path: 'basin.hessian',
      message:
        'the Hessian is not positive definite (the smallest eigenvalue of GᵀHG is ≤ 0 within rounding, 4d·2^−52 of the largest); ' +
        'the basin must be a strict minimum',
    }
  }
  return { radonMeasure: isotropicRadonMeasure(mu, height, alpha) }
}

const isIssue = (x: object): x is FieldIssue => 'path' in x && 'message' in x

/**
 * Mean escape time of SGD and/or Adam from one basin, at leading order in the learning rate (docs/theory.md#calculator).
 *
 * Per optimizer, with effective noise G (Σ for SGD, Q⁻¹Σ for Adam): the c-free exit mass m(W) of the basin
 * (interval, axis or isotropic model), ν_L(W) = (2c/α) m(W), ε = η^((α−1)/α) and the mean escape
 * K = η^(−α)/ν_L(W) iterations (docs/theory.md#theorem-1, docs/theory.md#normalisation); exit-location
 * probabilities (docs/theory.md#exit-location), the one-jump value for an interval (docs/theory.md#one-jump-proxy),
 * the regime and its warnings; with both optimizers, the iteration ratio and its three mechanism factors
 * (docs/theory.md#sgd-vs-adam).
 *
 * Domain: the request parsed by `EscapeTimeRequest` (α ∈ (1, 2), η > 0, σ > 0); a Hessian must be symmetric
 * positive definite and every length must match the dimension. Accuracy: the closed forms and the exact sphere
 * integral are accurate to about 1e-12 relative; the leading order itself has an unspecified O(ρ(ε)) error
 * (docs/theory.md#validation). Total: `invalid` naming each field, `unanswerable` for a non-finite result.
 */
export function escapeTime(req: EscapeTimeParsed): Result<EscapeTimeOutput> {
  const issues: FieldIssue[] = []
  const basin = checkBasin(req.basin, req.noise.model, issues)
  if (!basin) return invalid('The basin is not valid.', issues)
  const d = basin.d
  const scale = req.noise.scale
  if (Array.isArray(scale) && scale.length !== d) {
    issues.push({ path: 'noise.scale', message: `has ${scale.length} entries; the basin has dimension ${d}` })
  }
  const pre = req.optimizers.adam?.preconditioner
  if (Array.isArray(pre) && pre.length !== d) {
    issues.push({
      path: 'optimizers.adam.preconditioner',
      message: `has ${pre.length} entries; the basin has dimension ${d}`,
    })
  }
  if (issues.length > 0) return invalid('The lengths do not match the dimension of the basin.', issues)

  const sigma: number[] = Array.isArray(scale) ? scale : Array.from({ length: d }, () => scale as number)
  const model = req.noise.model
  const normalization = req.normalization
  const warnings: WarningOutput[] = []
  const eigenCache = new Map<string, Float64Array>()

  const effectiveNoise: Partial<Record<OptimizerName, { g: number[]; q: number[] }>> = {}
  if (req.optimizers.sgd) effectiveNoise.sgd = { g: sigma, q: sigma.map(() => 1) }
  if (req.optimizers.adam) {
    const adam = req.optimizers.adam
    const q = adam.preconditioner === 'auto' ? autoPreconditioner(sigma, adam.alpha) : adam.preconditioner
    effectiveNoise.adam = { g: sigma.map((s, i) => s / q[i]), q }
  }

  const out: Partial<Record<OptimizerName, OptimizerEscapeOutput & { preconditioner?: number[] }>> = {}
  const radon: Partial<Record<OptimizerName, number>> = {}
  for (const name of ['sgd', 'adam'] as const) {
    const opt = req.optimizers[name]
    const noise = effectiveNoise[name]
    if (!opt || !noise) continue
    const m = exitMeasure(basin, model, noise.g, opt.alpha, eigenCache, name)
    if (isIssue(m)) return invalid('The basin is not valid.', [m])
    radon[name] = m.radonMeasure
    const c = levyConstant(opt.alpha, normalization)
    const lo = leadingOrder(opt.alpha, opt.lr, m.radonMeasure, c)
    let oneStep = 1 / lo.meanEscapeIterations
    let oneJumpIterations: number | undefined
    if (basin.interval) {
      const p = oneJumpProbability(basin.interval.left, basin.interval.right, noise.g[0], opt.lr, opt.alpha, c)
      oneJumpIterations = 1 / p
      oneStep = p
    }
    const regime = isSingleStep(lo.meanEscapeIterations, oneStep) ? 'single-step' : 'asymptotic'
    const result: OptimizerEscapeOutput & { preconditioner?: number[] } = {
      alpha: opt.alpha,
      lr: opt.lr,
      ...lo,
      regime,
    }
    if (m.exitProbabilities) result.exitProbabilities = m.exitProbabilities
    if (oneJumpIterations !== undefined) result.oneJumpIterations = oneJumpIterations
    if (name === 'adam') result.preconditioner = noise.q
    out[name] = result
    let axes: { curvature: number[]; noise: number[]; halfWidth: number[] } | undefined
    if (basin.quadratic) {
      const { diag, height } = basin.quadratic
      const hd = Array.from(diag)
      axes = {
        curvature: hd.map((x, i) => x / noise.q[i]),
        noise: noise.g,
        halfWidth: hd.map((x) => Math.sqrt((2 * height) / x)),
      }
    }
    warnings.push(
      ...regimeWarnings({
        name,
        alpha: opt.alpha,
        lr: opt.lr,
        epsilon: lo.epsilon,
        meanEscapeIterations: lo.meanEscapeIterations,
        oneStepProbability: oneStep,
        axes,
      }),
    )
  }

  const sgd = req.optimizers.sgd
  const adam = req.optimizers.adam
  let comparison: EscapeTimeOutput['comparison']
  if (sgd && adam && out.sgd && out.adam) {
    // m_{α_S}(W_A): Adam's exit set measured with SGD's tail index (same eigenvalues of A, other α).
    const mCross = exitMeasure(basin, model, effectiveNoise.adam!.g, sgd.alpha, eigenCache, 'adam')
    if (isIssue(mCross)) return invalid('The basin is not valid.', [mCross])
    const cS = levyConstant(sgd.alpha, normalization)
    const cA = levyConstant(adam.alpha, normalization)
    const nuSS = ((2 * cS) / sgd.alpha) * radon.sgd!
    const nuSA = ((2 * cS) / sgd.alpha) * mCross.radonMeasure
    const nuAA = ((2 * cA) / adam.alpha) * radon.adam!
    const mechanisms = {
      geometry: nuSS / nuSA,
      tailIndex: (nuSA * sgd.lr ** sgd.alpha) / (nuAA * sgd.lr ** adam.alpha),
      learningRate: (sgd.lr / adam.lr) ** adam.alpha,
    }
    comparison = { iterationRatio: out.adam.meanEscapeIterations / out.sgd.meanEscapeIterations, mechanisms }
  }
  const response: EscapeTimeOutput = {
    dimension: d,
    normalization,
    noiseModel: model,
    ...(out.sgd ? { sgd: out.sgd } : {}),
    ...(out.adam ? { adam: out.adam as EscapeTimeOutput['adam'] } : {}),
    ...(comparison ? { comparison } : {}),
    warnings,
  }
  const bad = findNonFinite(response)
  if (bad) {
    return unanswerable(
      `The leading-order result is not a finite number (${bad.path}): the exit set's Lévy mass under- or overflows. ` +
        'Bring the basin size (left/right, height, curvatures) and the noise scale closer to each other, or use a learning rate nearer to 1e-3…1e-1.',
      [{ path: bad.path, message: 'would not be a finite number' }],
    )
  }
  return success(response)
}
