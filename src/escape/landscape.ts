/**
 * Long-run behaviour on a 1-D landscape of n basins (docs/api.md#landscape;
 * docs/theory.md#landscape, Pavlyukevich 2007 "Cooling down Lévy flights").
 *
 * Basin i is (w_(i−1), w_i) with w_(−1) = −∞, w_(n−1) = +∞, and minimum x_i. A driver jump y carries
 * x_i into basin j iff x_i + σy ∈ basin j, so for j > i (lo = w_(j−1) − x_i, hi = w_j − x_i) and for
 * j < i (lo = x_i − w_j, hi = x_i − w_(j−1)):
 *
 *   ν_L(W_ij) = (c/α) σ^α (lo^(−α) − (lo + w_j)^(−α)),  w_j the width of basin j,   q_ij = η^α ν_L(W_ij)  (rate per iteration),
 *
 * mean residence 1/Σ_j q_ij iterations, and stationary weights π with πQ = 0 (GTH state reduction).
 * Barrier heights play no role at leading order; the chain prefers basins with small exit mass (wide
 * basins). Closed forms (band masses keep full relative accuracy via expm1) and a subtraction-free
 * stationary solve: relative accuracy ~1e-13 for n ≤ 64.
 * Input: the request as parsed by its schema (src/parse); this function checks what depends on the data
 * together (walls increasing, one minimum per basin, inside it) → `invalid` Failure with the dotted field
 * path; a non-finite result → `unanswerable`. Never throws.
 */

import { findNonFinite } from '../parse/findNonFinite.ts'
import { type FieldIssue, invalid, type Result, success, unanswerable } from '../result.ts'
import type { LandscapeOutput, LandscapeParsed } from '../schemas/landscape.ts'
import type { WarningOutput } from '../schemas/warning.ts'
import { bandMass, levyConstant } from '../stable/levyMeasure.ts'
import { regimeWarnings } from './regimeWarnings.ts'
import { stationaryDistribution } from './stationaryDistribution.ts'

/**
 * Long-run behaviour of SGD and/or Adam on a 1-D landscape of n basins (docs/theory.md#landscape).
 *
 * Jump rates between basins q_ij = η^α ν_L(W_ij), ν_L(W_ij) = (c/α) σ^α (lo^(−α) − (lo + w_j)^(−α)); mean
 * residence 1/Σ_j q_ij iterations per basin; stationary weights π with πQ = 0 by GTH state reduction.
 * Domain: walls strictly increasing, one minimum inside each basin, α ∈ (1, 2). Accuracy: about 1e-13 relative
 * for n ≤ 64. Total: `invalid` with the dotted field path, `unanswerable` for a non-finite result.
 */
export function landscape(req: LandscapeParsed): Result<LandscapeOutput> {
  const issues: FieldIssue[] = []
  const { walls, minima } = req
  const n = walls.length + 1
  if (minima.length !== n) {
    issues.push({ path: 'minima', message: `has ${minima.length} entries; ${walls.length} walls make ${n} basins` })
  }
  for (let i = 1; i < walls.length; i++) {
    if (!(walls[i] > walls[i - 1]))
      issues.push({ path: `walls.${i}`, message: `must be greater than walls[${i - 1}] = ${walls[i - 1]}` })
  }
  if (issues.length > 0) return invalid('The landscape request is not valid.', issues)
  for (let i = 0; i < n; i++) {
    const lo = i === 0 ? -Infinity : walls[i - 1]
    const hi = i === n - 1 ? Infinity : walls[i]
    if (!(minima[i] > lo && minima[i] < hi)) {
      issues.push({ path: `minima.${i}`, message: `must lie strictly inside basin ${i}, (${lo}, ${hi})` })
    }
  }
  if (issues.length > 0) return invalid('Every minimum must lie strictly inside its basin.', issues)

  const sigma = req.noise.scale
  const warnings: WarningOutput[] = []
  const chains: Partial<Record<'sgd' | 'adam', NonNullable<LandscapeOutput['sgd']>>> = {}
  for (const name of ['sgd', 'adam'] as const) {
    const opt = req.optimizers[name]
    if (!opt) continue
    const c = levyConstant(opt.alpha, req.normalization)
    const scale = opt.lr ** opt.alpha * sigma ** opt.alpha
    const rates: number[][] = []
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(n).fill(0)
      for (let j = 0; j < n; j++) {
        if (j === i) continue
        // Distance to the near wall of basin j, and basin j's width (exact wall difference, ∞ at the ends).
        const lo = j > i ? walls[j - 1] - minima[i] : minima[i] - walls[j]
        const width = j === 0 || j === n - 1 ? Infinity : walls[j] - walls[j - 1]
        row[j] = scale * bandMass(lo, width, opt.alpha, c)
      }
      rates.push(row)
    }
    const exitRates = rates.map((row) => row.reduce((s, q) => s + q, 0))
    const stationary = stationaryDistribution(rates)
    if (!stationary) {
      return unanswerable(
        `${name}: the transition rates underflow to 0, so the basin-hopping chain has no computable stationary law; ` +
          'increase noise.scale relative to the basin widths or use a larger learning rate.',
        [{ path: 'noise.scale', message: 'too small relative to the distances between the minima and the walls' }],
      )
    }
    chains[name] = { rates, meanResidenceIterations: exitRates.map((q) => 1 / q), stationary }
    const epsilon = opt.lr ** ((opt.alpha - 1) / opt.alpha)
    const fastest = Math.max(...exitRates)
    warnings.push(
      ...regimeWarnings({
        name,
        alpha: opt.alpha,
        lr: opt.lr,
        epsilon,
        meanEscapeIterations: 1 / fastest,
        oneStepProbability: fastest,
      }),
    )
  }
  const response: LandscapeOutput = { ...chains, normalization: req.normalization, warnings }
  const bad = findNonFinite(response)
  if (bad) {
    return unanswerable(
      `The result is not a finite number (${bad.path}): a transition rate under- or overflows. ` +
        'Bring the noise scale and the distances between minima and walls closer to each other.',
      [{ path: bad.path, message: 'would not be a finite number' }],
    )
  }
  return success(response)
}
