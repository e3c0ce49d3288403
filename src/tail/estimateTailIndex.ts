/**
 * `POST /v1/tail-index` as a pure function (docs/theory.md#tail-index), on the request parsed by its
 * schema (src/parse): checks what depends on the data and applies the defaults (validateTailIndexInput), estimates α with the log-moment estimator and its measured-coverage interval,
 * the SαS scale at the estimated α, and explains regime problems in `warnings`.
 *
 * - 1-D `samples` (method "scalar"): logMomentEstimate on the samples (centred first with `center`).
 * - 2-D, method "pooled" (default): pooledNoiseTailIndex (docs/theory.md#pooled-estimator), per-column standardisation by median |x|
 *   unless `standardize: false` (docs/theory.md#estimator-caveats), column centring with `center`.
 * - 2-D, method "vector": vectorLogMomentEstimate on the rows (docs/theory.md#log-moment-estimator, Euclidean norms).
 * K1 by blockLayout unless `blockSize` is given; the N mod K1 trailing samples are dropped and reported.
 * alpha = min(1/inverseAlpha, 2); interval = the Student-t interval on the block statistics mapped to α and
 * clipped at 2 (coverage measured in docs/tail-coverage.md: 0.92–0.96 at nominal 0.95 with K2 = 10 blocks,
 * 0.94–0.96 from K2 = 20 on);
 * heavyTailed = interval.upper < 2; scale = median|x| / m_α at the reported α (docs/theory.md#median-scale), for 2-D input over
 * all numbers (after centring) of the columns that were pooled.
 * With `diagnostics: true`, `diagnostics` (tailDiagnostics, docs/theory.md#tail-index-diagnostics): for 2-D
 * input on the coordinate-wise pool of coordinatewiseTailIndex (point-mass columns left out and reported in a
 * warning, columns centred with `center`, K1 = ⌊√rows⌋), for 1-D input on the (centred) sample with the main K1;
 * too few values for them is `unanswerable`.
 * Failures: `invalid` for shapes and ranges (dotted paths), `unanswerable` when 1/α̂ ≤ 0 (too few samples)
 * or a number overflows. Never throws.
 */
import { type Result, success, unanswerable } from '../result.ts'
import type { TailIndexParsed } from '../schemas/tailIndex.ts'
import { type WarningOutput, warning } from '../schemas/warning.ts'
import { medianConstant } from '../stable/medianConstant.ts'
import { columnMeans } from './columnMeans.ts'
import { coordinatewiseTailIndex } from './coordinatewiseTailIndex.ts'
import { logMomentEstimate } from './logMomentEstimate.ts'
import type { LogMomentEstimate } from './logMomentFromBlocks.ts'
import { medianAbs } from './medianAbs.ts'
import { pooledNoiseTailIndex } from './pooledNoiseTailIndex.ts'
import { MACHINE_EPSILON } from './sumLogAbs.ts'
import {
  type DiagnosticsInput,
  finiteDiagnostics,
  MIN_DIAGNOSTIC_VALUES,
  type TailDiagnostics,
  tailDiagnostics,
} from './tailDiagnostics.ts'
import { validateTailIndexInput } from './validateTailIndexInput.ts'
import { vectorLogMomentEstimate } from './vectorLogMomentEstimate.ts'

/** The answer of `estimateTailIndex` (docs/api.md#tail-index). */
export interface TailIndexOutput {
  alpha: number
  inverseAlpha: number
  blockSize: number
  blocks: number
  used: number
  /** "scalar" for 1-D samples, else the 2-D method used. */
  method: 'scalar' | 'pooled' | 'vector'
  interval: { lower: number; upper: number; confidence: number }
  heavyTailed: boolean
  scale: number
  diagnostics?: TailDiagnostics
  warnings: WarningOutput[]
}

/** Fewer blocks than this get a warning: the t interval rests on few block statistics. */
const FEW_BLOCKS = 10

/**
 * `POST /v1/tail-index` as a pure function (docs/theory.md#tail-index): α̂ = min(1/ι̂, 2), where ι̂ is the
 * log-moment estimate of 1/α on the samples, the pooled columns or the row norms (docs/theory.md#log-moment-estimator,
 * docs/theory.md#pooled-estimator), the Student-t interval on the block statistics (coverage 0.92–0.96 at nominal
 * 0.95, docs/theory.md#tail-index-interval), the SαS scale median|x|/m_α (docs/theory.md#median-scale), warnings,
 * and optionally the diagnostics of docs/theory.md#tail-index-diagnostics. Domain: the request parsed by
 * `TailIndexRequest`. Total: `invalid` for data-dependent problems, `unanswerable` when 1/α̂ ≤ 0 or a number
 * overflows.
 */
export function estimateTailIndex(req: TailIndexParsed): Result<TailIndexOutput> {
  const checked = validateTailIndexInput(req)
  if (!checked.ok) return checked
  const q = checked.value
  // No spread, no tail: all the given numbers equal (before centring, which would make them zeros), or every
  // column of a matrix constant. The log-moments of such data give α = 1 with a zero-width interval. (All zeros
  // are refused below with the zeros' own message.)
  const given = q.values !== null ? q.values : q.rows!.flat()
  const constantColumns = q.rows ? q.rows[0].filter((v0, c) => q.rows!.every((r) => r[c] === v0)).length : 0
  if ((given[0] !== 0 && given.every((v) => v === given[0])) || (q.rows && constantColumns === q.rows[0].length)) {
    const what =
      q.rows && !given.every((v) => v === given[0])
        ? `every one of the ${q.rows[0].length} columns is constant`
        : `all ${given.length} numbers equal ${given[0]}`
    return unanswerable(
      `The samples have no spread (${what}), so there is no tail to measure: send draws of the noise itself, for example gradient differences between minibatches.`,
      [{ path: 'samples', message: `no spread: ${what}` }],
    )
  }
  const warnings: WarningOutput[] = []
  let estimate: LogMomentEstimate
  let entries: Float64Array // every number given (after centring): the scale is estimated from them
  let estimated: Float64Array // the numbers the log-moments are taken of (zeros and sign diagnostics)
  let total: number
  if (q.values !== null) {
    // One typed copy keeps every later loop monomorphic (plain arrays and typed arrays mixed in the same
    // loops make V8 slow them all down).
    const x = new Float64Array(q.values)
    if (q.center) {
      let sum = 0
      for (let i = 0; i < x.length; i++) sum += x[i]
      const m = sum / x.length
      for (let i = 0; i < x.length; i++) x[i] -= m
    }
    entries = x
    estimated = x
    total = x.length
    estimate = logMomentEstimate(x, q.blockSize, q.confidence)
  } else {
    const rows = q.rows!
    const width = rows[0].length
    const mean = q.center ? columnMeans(rows) : new Float64Array(width)
    const flat = new Float64Array(rows.length * width)
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) flat[r * width + c] = rows[r][c] - mean[c]
    entries = flat
    estimated = flat
    if (q.method === 'vector') {
      total = rows.length
      estimate = vectorLogMomentEstimate(rows, { blockSize: q.blockSize, center: q.center, confidence: q.confidence })
    } else {
      const pooled = pooledNoiseTailIndex(rows, {
        standardize: q.standardize,
        center: q.center,
        blockSize: q.blockSize,
        confidence: q.confidence,
      })
      estimate = pooled
      estimated = pooled.pooled
      total = pooled.pooled.length
      if (pooled.excludedColumns > 0) {
        // The scale describes the coordinates that were pooled, not the dead ones left out.
        const kept: number[] = []
        for (let c = 0; c < width; c++) if (pooled.columnMedians[c] > 0) kept.push(c)
        entries = new Float64Array(rows.length * kept.length)
        let k = 0
        for (let r = 0; r < rows.length; r++) for (const c of kept) entries[k++] = flat[r * width + c]
        warnings.push(
          warning(
            'columns-excluded',
            `${pooled.excludedColumns} of ${width} columns have median |x| = 0 (constant or mostly-zero coordinates) and were left out of the standardised pool.`,
          ),
        )
      }
      if (!(estimate.blockSize >= 2)) {
        return unanswerable(
          `Only ${total} numbers remain after leaving out the ${pooled.excludedColumns} columns whose median |x| is 0, too few for ${q.blockSize === undefined ? 'two blocks' : `blocks of ${q.blockSize}`}: send more rows or set standardize to false.`,
          [{ path: 'samples', message: 'too few usable numbers' }],
        )
      }
    }
  }
  const unit = q.method === 'vector' ? 'rows' : 'samples'
  // Median |x| of the numbers whose logarithms are taken, and of the numbers the scale describes.
  const estimatedTypical = medianAbs(estimated)
  if (estimatedTypical === 0) {
    return unanswerable(
      'At least half of the numbers are exactly 0, so the log-moments are dominated by ln(ε) and say nothing about the tails: remove the structural zeros (for example dead coordinates) and send the rest.',
      [{ path: 'samples', message: 'median |x| is 0' }],
    )
  }
  if (!(estimate.inverseAlpha > 0)) {
    const got = Number.isFinite(estimate.inverseAlpha) ? `${estimate.inverseAlpha.toPrecision(4)} ≤ 0` : 'not finite'
    const detail = Number.isFinite(estimate.inverseAlpha)
      ? `The log-moment estimate of 1/α is ${got}, which happens with too few ${unit} (${estimate.used} used in ${estimate.blocks} blocks of ${estimate.blockSize}): send more ${unit}, at least a few thousand.`
      : 'The log-moment estimate overflowed (sums of the samples exceed the double range): rescale the samples.'
    return unanswerable(detail, [{ path: 'samples', message: got }])
  }
  const alpha = estimate.alpha
  const typical = estimated === entries ? estimatedTypical : medianAbs(entries)
  const scale = typical / medianConstant(alpha)
  const numbers = [alpha, estimate.inverseAlpha, estimate.interval.lower, estimate.interval.upper, scale]
  if (!numbers.every(Number.isFinite)) {
    return unanswerable('The estimate overflowed (sums of the samples exceed the double range): rescale the samples.', [
      { path: 'samples', message: 'overflow' },
    ])
  }
  // Every block giving the same statistic (a zero standard error of 1/α̂, an interval of zero width) means the numbers used take a few fixed
  // magnitudes with no spread between blocks: the estimate would be an artefact of that structure.
  if (!(estimate.standardError > 1e-12 * estimate.inverseAlpha)) {
    return unanswerable(
      `Every block of ${estimate.blockSize} gives the same log-moment statistic, so the interval of α has zero width: the numbers used (${estimate.used}) have no spread between blocks (for example one constant column beside a column of ±c), and α = ${alpha.toPrecision(4)} would be an artefact of that structure. Send draws of the noise with spread, or leave the constant columns out.`,
      [{ path: 'samples', message: 'no spread: zero-width interval' }],
    )
  }

  if (estimate.dropped > 0) {
    warnings.push(
      warning(
        'samples-dropped',
        `The ${estimate.dropped} trailing ${unit} were left out so that all ${estimate.blocks} blocks of ${estimate.blockSize} are complete (${estimate.used} of ${total} used).`,
      ),
    )
  }
  if (estimate.rawAlpha > 2) {
    warnings.push(
      warning(
        'alpha-capped',
        `The raw estimate 1/inverseAlpha = ${estimate.rawAlpha.toFixed(3)} exceeds 2, the Gaussian limit; alpha is reported as 2.`,
      ),
    )
  } else if (estimate.inverseInterval.lower <= 0) {
    warnings.push(
      warning(
        'alpha-unbounded',
        'The data do not bound alpha from above (the interval for 1/alpha reaches 0): the interval is cut at 2.',
      ),
    )
  }
  if (estimate.blocks < FEW_BLOCKS) {
    warnings.push(
      warning(
        'few-blocks',
        `Only ${estimate.blocks} blocks: the interval rests on few block statistics and is wide; send more ${unit}.`,
      ),
    )
  }
  let zeros = 0
  let positive = 0
  for (let i = 0; i < estimated.length; i++) {
    if (estimated[i] === 0) zeros++
    else if (estimated[i] > 0) positive++
  }
  if (zeros > 0 && q.method !== 'vector') {
    warnings.push(
      warning(
        'exact-zeros',
        `${zeros} numbers are exactly 0; each contributes ln(ε) ≈ −36 to the log-moments and pulls alpha down. Remove structural zeros (for example dead coordinates) first.`,
      ),
    )
  }
  // Sign test of symmetry about 0: for centred symmetric data the count of positives is Binomial(n, ½).
  const nonzero = estimated.length - zeros
  if (nonzero >= 20 && Math.abs(positive - nonzero / 2) > 4 * Math.sqrt(nonzero / 4)) {
    warnings.push(
      warning(
        'asymmetric-samples',
        `The numbers are not symmetric about 0 (${positive} of ${nonzero} nonzero ones are positive; sign test beyond 4 standard deviations): the estimator assumes centred symmetric noise${q.center ? '' : ', set center to true if it has a mean'}.`,
      ),
    )
  }
  if (estimatedTypical < 1e3 * MACHINE_EPSILON) {
    warnings.push(
      warning(
        'tiny-values',
        'The typical |x| is below 1e-13, where the machine epsilon added inside the logarithms is no longer negligible: multiply the samples by a large constant first.',
      ),
    )
  }
  for (const field of q.ignored) {
    warnings.push(
      warning(
        'option-not-applicable',
        field === 'method'
          ? 'method applies to 2-D samples only and was ignored.'
          : 'standardize applies to the pooled 2-D method only and was ignored.',
      ),
    )
  }

  let diagnostics: TailDiagnostics | undefined
  if (q.diagnostics) {
    let input: DiagnosticsInput
    let leftOut = ''
    if (q.values !== null) {
      input = {
        values: entries,
        rows: entries.length,
        columns: 1,
        blockSize: estimate.blockSize,
        standardized: false,
        centred: q.center,
      }
    } else {
      const cw = coordinatewiseTailIndex(q.rows!, { center: q.center, confidence: q.confidence })
      if (cw.atoms.parameters > 0) {
        warnings.push(warning('columns-excluded', `diagnostics: ${cw.atoms.reason}`))
        leftOut =
          ` ${cw.atoms.parameters} of ${q.rows![0].length} columns were left out: ` +
          (cw.atoms.repeated > 0
            ? `${cw.atoms.repeated} have a value that occurs in two or more rows (a point mass; values rounded to a few digits repeat by chance, so send them unrounded).`
            : 'they have exact zeros or non-finite values (point masses).')
      }
      input = {
        values: cw.pool,
        rows: cw.rowsUsed,
        columns: cw.columns,
        blockSize: cw.blockSize,
        standardized: true,
        centred: q.center,
      }
    }
    const few = () =>
      unanswerable(
        `The diagnostics need at least ${MIN_DIAGNOSTIC_VALUES} values (2-D: in columns without point masses, at least 8 rows) and ${input.values.length} are usable: send more samples or leave diagnostics out.${leftOut}`,
        [{ path: 'diagnostics', message: 'too few usable values' }],
      )
    if (input.values.length < MIN_DIAGNOSTIC_VALUES || input.rows < 8) return few()
    const finite = finiteDiagnostics(tailDiagnostics(input, { confidence: q.confidence }))
    if (!finite) return few()
    diagnostics = finite.diagnostics
    if (finite.omitted.length > 0)
      warnings.push(
        warning(
          'diagnostics-skipped',
          `diagnostics: too few values for ${finite.omitted.join(', ')}; they are left out.`,
        ),
      )
  }

  return success({
    alpha,
    inverseAlpha: estimate.inverseAlpha,
    blockSize: estimate.blockSize,
    blocks: estimate.blocks,
    used: estimate.used,
    method: q.method,
    interval: {
      lower: estimate.interval.lower,
      upper: estimate.interval.upper,
      confidence: estimate.interval.confidence,
    },
    heavyTailed: estimate.interval.upper < 2,
    scale,
    ...(diagnostics ? { diagnostics } : {}),
    warnings,
  })
}
