import { logMomentEstimate } from './logMomentEstimate.ts'
import type { LogMomentEstimate } from './logMomentFromBlocks.ts'
import { medianAbs } from './medianAbs.ts'

/** Coordinates left out of the pool because their noise has an atom (docs/theory.md#point-masses). */
export interface PointMasses {
  /** Coordinates left out of the pool. */
  parameters: number
  /** Of those: a value repeated in two or more rows. */
  repeated: number
  /** Of those: no repeated value but an exact 0. */
  zeros: number
  /** Of those: a NaN or infinite value. */
  nonFinite: number
  /** One sentence saying why they were left out ("" when none were). */
  reason: string
}

/** The pooled coordinate-wise estimate with what was left out (docs/theory.md#coordinatewise-pooling). */
export interface CoordinatewiseEstimate extends LogMomentEstimate {
  /** Coordinates left out (= atoms.parameters). */
  excludedColumns: number
  atoms: PointMasses
  /** Coordinates pooled. */
  columns: number
  /** Values used per coordinate, P' = K1·⌊P/K1⌋. */
  rowsUsed: number
  /** The pool: `columns` runs of `rowsUsed` centred, standardised values, one run per kept coordinate. */
  pool: Float64Array
  /** 'mean' when the columns were centred at their sample mean, else 'none'. */
  centring: 'none' | 'mean'
}

/** Options of `coordinatewiseTailIndex`: confidence, centring, block size. */
export interface CoordinatewiseOptions {
  confidence?: number
  /** Subtract each column's sample mean (default false: the rows are already centred). */
  center?: boolean
  /** K1 (default ⌊√P⌋, at least 2). */
  blockSize?: number
}

/**
 * Tail index of P noise rows × M coordinates, pooled coordinate by coordinate (docs/theory.md#coordinatewise-pooling,
 * docs/theory.md#point-masses): the estimator of the probes and of the training histories.
 *
 * For each coordinate c, the column (x_1c … x_Pc):
 *  1. point masses: if any value occurs in two or more rows (a value repeated across minibatches, e.g. the
 *     weights of an input pixel that is blank in most samples, or of a unit that is rarely active, get the
 *     same minibatch gradient whenever the batch misses the rare samples), or any value is exactly 0, or any
 *     is not finite, the column is left out and counted in `atoms`. A law with an atom is not α-stable, and
 *     an exact 0 would add ln ε ≈ −36 to the log-moments;
 *  2. centring: none by default (noise rows u_j = ∇F_{B_j} − ∇F are centred by construction, E u_j = 0);
 *     with `center: true` the column's sample mean over the P' = K1·⌊P/K1⌋ values used is subtracted (for
 *     data with an unknown mean). Never the median: for an odd P' the median is one of the values, and for
 *     a column with an atom it is the atom, so median centring manufactures exact zeros;
 *  3. standardisation: divided by its median |x| (removes the heterogeneous-scale bias; m_α cancels);
 *  4. the P' values of each kept column are appended to one pool, so every block of K1 consecutive pooled
 *     values sums K1 independent values of ONE coordinate: exactly the strict-stability identity
 *     Y =_d K1^(1/α)·X the log-moment estimator rests on (docs/theory.md#log-moment-estimator).
 * K1 = ⌊√P⌋ unless `blockSize` is given. Row-major pooling (consecutive values = different coordinates of
 * one row) is biased on softmax gradients, whose coordinates obey exact linear constraints.
 *
 * Mean centring shifts E[1/α̂] by (ln c_{K2}(α) − ln c_{P'}(α))/ln K1 with c_n(α) = ((1 − 1/n)^α + (n − 1)/n^α)^(1/α)
 * (the centred values are still SαS, with scale c_n): +0.006 at α = 1.2, P = 64, and −0.03 at α = 2 (so α̂
 * errs upwards); it grows for small P, which is why the probes, whose rows are already centred, do not centre.
 *
 * Total: no throws; fewer than 2 kept columns' worth of blocks gives an estimate full of NaN.
 */
export function coordinatewiseTailIndex(
  rows: readonly ArrayLike<number>[],
  options: CoordinatewiseOptions = {},
): CoordinatewiseEstimate {
  const confidence = options.confidence ?? 0.95
  const P = rows.length
  const M = P > 0 ? rows[0].length : 0
  const k1 = options.blockSize ?? Math.max(2, Math.floor(Math.sqrt(P)))
  const kept = k1 >= 2 && P >= k1 ? k1 * Math.floor(P / k1) : 0
  const pool = new Float64Array(kept * M)
  const column = new Float64Array(P)
  const sorted = new Float64Array(P)
  let n = 0
  let repeated = 0
  let zeros = 0
  let nonFinite = 0
  for (let c = 0; c < M; c++) {
    for (let j = 0; j < P; j++) column[j] = rows[j][c]
    const atom = pointMass(column, sorted)
    if (atom === 'repeated') repeated++
    else if (atom === 'zero') zeros++
    else if (atom === 'non-finite') nonFinite++
    if (atom !== null || kept === 0) continue
    let centre = 0
    if (options.center) {
      for (let j = 0; j < kept; j++) centre += column[j]
      centre /= kept
    }
    let exactZero = false
    for (let j = 0; j < kept; j++) {
      column[j] -= centre
      if (column[j] === 0) exactZero = true
    }
    // only reachable with centring (a value equal to the column mean): an exact 0 never enters the pool
    if (exactZero) {
      zeros++
      continue
    }
    const med = medianAbs(column, 0, kept)
    for (let j = 0; j < kept; j++) pool[n + j] = column[j] / med
    n += kept
  }
  const parameters = repeated + zeros + nonFinite
  const atoms: PointMasses = {
    parameters,
    repeated,
    zeros,
    nonFinite,
    reason: atomReason(M, repeated, zeros, nonFinite),
  }
  const estimate = logMomentEstimate(pool.subarray(0, n), k1, confidence)
  return {
    ...estimate,
    excludedColumns: parameters,
    atoms,
    columns: kept > 0 ? n / kept : 0,
    rowsUsed: kept,
    pool: pool.subarray(0, n),
    centring: options.center ? 'mean' : 'none',
  }
}

/** Whether a column has a point mass: a value in two or more rows, an exact 0, or a non-finite value. */
function pointMass(column: Float64Array, scratch: Float64Array): 'repeated' | 'zero' | 'non-finite' | null {
  const n = column.length
  for (let j = 0; j < n; j++) if (!Number.isFinite(column[j])) return 'non-finite'
  scratch.set(column)
  scratch.sort()
  for (let j = 1; j < n; j++) if (scratch[j] === scratch[j - 1]) return 'repeated'
  for (let j = 0; j < n; j++) if (scratch[j] === 0) return 'zero'
  return null
}

function atomReason(M: number, repeated: number, zeros: number, nonFinite: number): string {
  if (repeated + zeros + nonFinite === 0) return ''
  const parts: string[] = []
  if (repeated > 0)
    parts.push(
      `${repeated} have a value repeated across minibatches (a point mass: typically weights of inputs that are blank in most samples or of rarely active units)`,
    )
  if (zeros > 0) parts.push(`${zeros} have an exact 0`)
  if (nonFinite > 0) parts.push(`${nonFinite} have a non-finite value`)
  return `${repeated + zeros + nonFinite} of ${M} parameters were left out of the tail index: ${parts.join('; ')}. A law with an atom is not α-stable, and an exact 0 would add ln ε ≈ −36 to the log-moments (/docs/theory#point-masses).`
}
