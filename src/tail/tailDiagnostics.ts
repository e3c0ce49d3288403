/**
 * Four tail-index estimators, bootstrap intervals and a goodness-of-fit verdict for the α-stable hypothesis
 * (docs/theory.md#tail-index-diagnostics; thresholds calibrated in docs/tail-diagnostics.md).
 *
 * Input: a pool of `columns` runs of `rows` values (run c = coordinate c standardised by its median |x|,
 * value j from minibatch j; see coordinatewiseTailIndex), or one run for a 1-D sample.
 *
 * Estimators (`estimators`):
 *  - log-moment at the given block size K1 (logMomentByBlockSize) on the whole pool;
 *  - McCulloch's quantile estimator, characteristic-function regression (scale: McCulloch's σ̂) and Hill on
 *    |x| with the KS-minimising threshold, on a sub-pool of at most `maxValues` values (whole runs, evenly
 *    spaced; a 1-D sample is thinned evenly), which bounds their cost.
 * Intervals: percentile bootstrap with `bootstrap` replicates resampling whole minibatches: for the
 * log-moment, block rows (each is K1 whole minibatches; coarse when there are few); for the others, rows
 * (minibatches) of the sub-pool with replacement, each replicate re-estimating with the sub-pool's scale
 * and (Hill) threshold held fixed.
 * `blockSizes`: the log-moment α̂ at K1 = 2, 4, 8, … up to min(64, rows/4) and at the given K1.
 *
 * Verdict (`goodnessOfFit`): SαS data gives `consistent: true`; each reason that fires makes it false:
 *  1. spread: max − min of the log-moment, McCulloch and CF-regression α̂ exceeds
 *     max(SPREAD_WIDTH, Z·√(se_max² + se_min²)) (se: bootstrap standard errors of the two extremes);
 *  2. drift: max − min of 1/α̂ over the block sizes exceeds max(DRIFT_WIDTH, Z·√(se_a² + se_b²));
 *  3. KS: the KS distance of the sub-pool to the SαS fitted by McCulloch exceeds KS_MULTIPLE × ksReference,
 *     the mean KS distance of `references` simulated SαS(α̂, σ̂) data sets of the same shape put through
 *     the same standardisation and fit (a parametric bootstrap);
 *  4. point masses (1-D only; a 2-D pool has its atom columns removed before): repeated values or zeros.
 * Hill is reported but not used: on SαS data with α near 2 it is biased upwards (see hillEstimate).
 * Deterministic for a given seed. Total: NaN estimates and a false verdict on too little data.
 */
import { createRng, type Rng } from '../random/rng.ts'
import { sample } from '../stable/sample.ts'
import { accumulateTrig, CF_POINTS, cfRegressionFromMoments } from './cfRegressionEstimate.ts'
import { hillFromDescending } from './hillEstimate.ts'
import { ksDistanceToStable } from './ksDistanceToStable.ts'
import { logMomentByBlockSize } from './logMomentByBlockSize.ts'
import { mccullochFromQuantiles, mccullochFromSorted, type StableFit } from './mccullochEstimate.ts'
import { medianAbs } from './medianAbs.ts'
import { MACHINE_EPSILON } from './sumLogAbs.ts'

/** Thresholds of the verdict (calibrated by scripts/calibrateTailDiagnostics.ts, docs/tail-diagnostics.md). */
export const SPREAD_WIDTH = 0.07
/**
 * Largest drift of 1/α̂ across block sizes that still reads as "stable" (docs/theory.md#tail-index-diagnostics).
 */
export const DRIFT_WIDTH = 0.02
/**
 * Number of standard errors a statistic must lie outside its band to count as a departure
 * (docs/theory.md#tail-index-diagnostics).
 */
export const Z = 3
/**
 * A KS distance above this multiple of the largest distance of exact SαS references of the same size rejects the SαS
 * fit (docs/theory.md#goodness-of-fit).
 */
export const KS_MULTIPLE = 2

/** The estimators compared by the diagnostics (docs/theory.md#other-estimators). */
export type EstimatorMethod = 'log-moment' | 'mcculloch' | 'cf-regression' | 'hill'

/** A confidence interval with its level. */
export interface Interval {
  lower: number
  upper: number
  confidence: number
}

/** The diagnostics of an α̂ and their verdict (docs/theory.md#tail-index-diagnostics). */
export interface TailDiagnostics {
  estimators: { method: EstimatorMethod; alpha: number; interval: Interval }[]
  blockSizes: { blockSize: number; alpha: number }[]
  goodnessOfFit: { ksDistance: number; ksReference: number; consistent: boolean; reasons: string[] }
}

/** The statistics behind the verdict (for calibration and tests). */
export interface DiagnosticStatistics {
  spread: number
  /** √(se_max² + se_min²) of the two extreme estimators. */
  spreadError: number
  spreadLimit: number
  drift: number
  /** √(se_a² + se_b²) of the two extreme block sizes. */
  driftError: number
  driftLimit: number
  ksRatio: number
  hill: { k: number; threshold: number }
  fit: StableFit
}

/** The pooled values the diagnostics run on, their layout and how they were prepared. */
export interface DiagnosticsInput {
  values: Float64Array
  rows: number
  columns: number
  /** K1 of the main log-moment estimate. */
  blockSize: number
  /** Each run was divided by its median |x| (simulate the same in the reference). */
  standardized: boolean
  /** Each run had its sample mean subtracted. */
  centred: boolean
}

/** Confidence, seed, bootstrap and reference counts, and the most values the diagnostics use. */
export interface DiagnosticsOptions {
  confidence?: number
  seed?: number
  bootstrap?: number
  references?: number
  maxValues?: number
}

/**
 * Most values the diagnostics use by default (2^15 whole runs), bounding their cost (docs/theory.md#tail-index-diagnostics).
 */
export const DEFAULT_MAX_VALUES = 1 << 15
/** Values (whole runs) the KS distance and its parametric references use. */
export const KS_VALUES = 1 << 13
/**
 * Default number of bootstrap resamples of block rows for the diagnostics' intervals (docs/theory.md#tail-index-diagnostics).
 */
export const DEFAULT_BOOTSTRAP = 100
/** Default number of exact SαS reference samples drawn for the KS threshold (docs/theory.md#goodness-of-fit). */
export const DEFAULT_REFERENCES = 8

const nanInterval = (confidence: number): Interval => ({ lower: NaN, upper: NaN, confidence })

/**
 * Whether an α̂ can be trusted (docs/theory.md#tail-index-diagnostics): four estimators side by side (log-moment,
 * McCulloch, characteristic-function regression, Hill; docs/theory.md#other-estimators) with bootstrap intervals,
 * the log-moment estimate across block sizes (docs/theory.md#batch-size-curve) and the KS distance to the fitted SαS
 * law against exact references (docs/theory.md#goodness-of-fit), summed up in a verdict. Deterministic for a given
 * seed; NaN fields where a statistic is undefined.
 */
export function tailDiagnostics(
  input: DiagnosticsInput,
  options: DiagnosticsOptions = {},
): TailDiagnostics & { statistics: DiagnosticStatistics } {
  const confidence = options.confidence ?? 0.95
  const B = options.bootstrap ?? DEFAULT_BOOTSTRAP
  const R = options.references ?? DEFAULT_REFERENCES
  const rng = createRng(options.seed ?? 1)
  const { values, rows, columns } = input
  const reasons: string[] = []

  // log-moment on the whole pool, at the main K1 and at K1 = 2, 4, 8, …
  const lnAbs = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) lnAbs[i] = Math.log(Math.abs(values[i]) + MACHINE_EPSILON)
  const main = logMomentByBlockSize(values, lnAbs, rows, columns, input.blockSize, input.centred)
  const sizes: number[] = []
  for (let k = 2; k <= Math.min(64, rows / 4); k *= 2) sizes.push(k)
  if (!sizes.includes(input.blockSize) && main.blockRows >= 2) sizes.push(input.blockSize)
  sizes.sort((a, b) => a - b)
  const curve = sizes.map((k) =>
    k === input.blockSize ? main : logMomentByBlockSize(values, lnAbs, rows, columns, k, input.centred),
  )
  const mainReps = blockRowReplicates(main.blockRowMeans, B, rng)
  const mainInterval = percentileInterval(mainReps, confidence, true)

  // the sub-pool for the other estimators
  const sub = subPool(input, options.maxValues ?? DEFAULT_MAX_VALUES)
  const n = sub.values.length
  const { sorted, rowOfSorted } = sortWithRows(sub)
  const checkpoints = rowCheckpoints(rowOfSorted, sub.rows)
  const fit = mccullochFromSorted(sorted)
  const cf = cfOnSubPool(sub, fit.scale)
  const descending = new Float64Array(n)
  for (let i = 0; i < n; i++) descending[i] = Math.abs(sorted[i])
  descending.sort().reverse()
  const hill = hillFromDescending(descending)

  // bootstrap over the sub-pool's rows
  const mc: number[] = []
  const cfr: number[] = []
  const hr: number[] = []
  const tail = hillTail(sub, hill.threshold)
  const weights = new Float64Array(sub.rows)
  for (let b = 0; b < B; b++) {
    weights.fill(0)
    for (let j = 0; j < sub.rows; j++) weights[Math.floor(rng.uniform() * sub.rows)]++
    mc.push(weightedMcCulloch(sorted, rowOfSorted, weights, n, checkpoints))
    cfr.push(weightedCf(cf.rowCos, cf.rowSin, weights, n))
    hr.push(weightedHill(tail, weights))
  }
  const estimators: TailDiagnostics['estimators'] = [
    { method: 'log-moment', alpha: main.alpha, interval: mainInterval },
    { method: 'mcculloch', alpha: fit.alpha, interval: percentileInterval(mc, confidence, false) },
    { method: 'cf-regression', alpha: cf.alpha, interval: percentileInterval(cfr, confidence, false) },
    { method: 'hill', alpha: hill.alpha, interval: percentileInterval(hr, confidence, false) },
  ]

  // 1. spread of the three stable-law estimators
  const se = [standardDeviation(mainReps.map(toAlpha)), standardDeviation(mc), standardDeviation(cfr)]
  const three = [main.alpha, fit.alpha, cf.alpha]
  let iMax = 0
  let iMin = 0
  for (let i = 1; i < 3; i++) {
    if (three[i] > three[iMax]) iMax = i
    if (three[i] < three[iMin]) iMin = i
  }
  const spread = three[iMax] - three[iMin]
  const spreadError = Math.hypot(se[iMax], se[iMin])
  const spreadLimit = Math.max(SPREAD_WIDTH, Z * spreadError)
  const names = ['log-moment', 'McCulloch', 'characteristic-function regression']
  if (!(spread <= spreadLimit))
    reasons.push(
      `The estimators disagree: ${names[iMax]} gives α = ${fmt(three[iMax])} and ${names[iMin]} ${fmt(three[iMin])}, a spread of ${fmt(spread)} > ${fmt(spreadLimit)}; for α-stable data they estimate the same α.`,
    )

  // 2. drift of 1/α̂ across block sizes
  let aIdx = 0
  let bIdx = 0
  for (let i = 1; i < curve.length; i++) {
    if (curve[i].inverseAlpha > curve[aIdx].inverseAlpha) aIdx = i
    if (curve[i].inverseAlpha < curve[bIdx].inverseAlpha) bIdx = i
  }
  const drift = curve.length >= 2 ? curve[aIdx].inverseAlpha - curve[bIdx].inverseAlpha : 0
  const driftError = curve.length >= 2 ? Math.hypot(curve[aIdx].standardError, curve[bIdx].standardError) : NaN
  const driftLimit = curve.length >= 2 ? Math.max(DRIFT_WIDTH, Z * driftError) : NaN
  if (curve.length >= 2 && !(drift <= driftLimit))
    reasons.push(
      `1/α̂ drifts with the block size: ${fmt(curve[aIdx].inverseAlpha)} at K1 = ${curve[aIdx].blockSize} and ${fmt(curve[bIdx].inverseAlpha)} at K1 = ${curve[bIdx].blockSize}, a drift of ${fmt(drift)} > ${fmt(driftLimit)}; for α-stable data sums of K1 values scale as K1^(1/α) at every K1.`,
    )

  // 3. KS distance to the fitted SαS against a parametric bootstrap of the same shape
  const ksSub = subPool(input, Math.min(options.maxValues ?? DEFAULT_MAX_VALUES, KS_VALUES))
  const ksSorted = ksSub.values.slice().sort()
  const ksFit = mccullochFromSorted(ksSorted)
  const ksDistance = ksDistanceToStable(ksSorted, ksFit.alpha, ksFit.scale)
  let ksReference = NaN
  if (Number.isFinite(ksFit.alpha) && R > 0) {
    let total = 0
    for (let r = 0; r < R; r++) total += simulatedKs(ksSub.rows, ksSub.columns, ksFit, input, rng)
    ksReference = total / R
  }
  const ksRatio = ksDistance / ksReference
  if (!(ksRatio <= KS_MULTIPLE))
    reasons.push(
      `The KS distance to the fitted SαS(α = ${fmt(ksFit.alpha)}) is ${ksDistance.toPrecision(3)}, ${Number.isFinite(ksRatio) ? `${ksRatio.toFixed(1)} times` : 'not comparable to'} that of simulated SαS data of the same size (${ksReference.toPrecision(3)}); the limit is ${KS_MULTIPLE} times.`,
    )

  // 4. point masses of a 1-D sample
  if (columns === 1) {
    const ties = countTies(sorted)
    if (ties > 0)
      reasons.push(
        `The sample has a point mass: ${ties} values repeat another value or are exactly 0; an α-stable law has none.`,
      )
  }
  if (!Number.isFinite(main.alpha) || !Number.isFinite(fit.alpha))
    reasons.push('Too few values to estimate α by every method: send more samples.')

  return {
    estimators,
    blockSizes: curve.map((e) => ({ blockSize: e.blockSize, alpha: e.alpha })),
    goodnessOfFit: { ksDistance, ksReference, consistent: reasons.length === 0, reasons },
    statistics: {
      spread,
      spreadError,
      spreadLimit,
      drift,
      driftError,
      driftLimit,
      ksRatio,
      hill: { k: hill.k, threshold: hill.threshold },
      fit,
    },
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x))

interface SubPool {
  values: Float64Array
  /** Row (minibatch) of each value. */
  row: Uint32Array
  rows: number
  columns: number
}

/** At most `max` values: whole runs evenly spaced, or for one run an evenly thinned run. */
function subPool(input: DiagnosticsInput, max: number): SubPool {
  const { values, rows, columns } = input
  if (columns === 1) {
    const m = Math.min(rows, max)
    const out = new Float64Array(m)
    for (let i = 0; i < m; i++) out[i] = values[Math.floor((i * rows) / m)]
    const row = new Uint32Array(m)
    for (let i = 0; i < m; i++) row[i] = i
    return { values: out, row, rows: m, columns: 1 }
  }
  const cols = Math.max(1, Math.min(columns, Math.floor(max / rows)))
  const out = new Float64Array(cols * rows)
  const row = new Uint32Array(cols * rows)
  for (let k = 0; k < cols; k++) {
    const c = Math.floor((k * columns) / cols)
    out.set(values.subarray(c * rows, (c + 1) * rows), k * rows)
    for (let j = 0; j < rows; j++) row[k * rows + j] = j
  }
  return { values: out, row, rows, columns: cols }
}

const ROW_BITS_MAX = 16
const sortWord = new Float64Array(1)
const sortHalves = new Uint32Array(sortWord.buffer)
const LOW = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 0 : 1

/**
 * The sub-pool sorted, with the row of each sorted value: the row index is written into the lowest
 * ⌈log2 rows⌉ (≤ 16) mantissa bits of each value, the doubles are sorted natively and the row read back;
 * the sorted values keep those bits cleared, so they differ from the data by at most 2^−36 relatively, far
 * below anything the estimators resolve, and equal values stay equal.
 */
function sortWithRows(sub: SubPool): { sorted: Float64Array; rowOfSorted: Uint32Array } {
  const n = sub.values.length
  let bits = 0
  while (1 << bits < sub.rows) bits++
  const mask = (1 << Math.min(bits, ROW_BITS_MAX)) - 1
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    sortWord[0] = sub.values[i]
    sortHalves[LOW] = (sortHalves[LOW] & ~mask) | sub.row[i]
    keys[i] = sortWord[0]
  }
  keys.sort()
  const rowOfSorted = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    sortWord[0] = keys[i]
    rowOfSorted[i] = sortHalves[LOW] & mask
    sortHalves[LOW] &= ~mask
    keys[i] = sortWord[0]
  }
  return { sorted: keys, rowOfSorted }
}

const CHECKPOINT = 256

/**
 * Per-row counts of the sorted values before every CHECKPOINT-th position (for up to 1024 rows; null
 * above), so a replicate's cumulative weight at a checkpoint is one dot product with its row weights.
 */
function rowCheckpoints(rowOf: Uint32Array, rows: number): Float64Array[] | null {
  if (rows > 1024) return null
  const out: Float64Array[] = []
  const counts = new Float64Array(rows)
  for (let i = 0; i < rowOf.length; i++) {
    if (i % CHECKPOINT === 0) out.push(counts.slice())
    counts[rowOf[i]]++
  }
  return out
}

/** CF regression on the sub-pool at scale s, keeping per-row sums of cos and sin for the bootstrap. */
function cfOnSubPool(sub: SubPool, scale: number) {
  const K = CF_POINTS.length
  const rowCos = new Float64Array(sub.rows * K)
  const rowSin = new Float64Array(sub.rows * K)
  const c = new Float64Array(K)
  const s = new Float64Array(K)
  if (scale > 0 && Number.isFinite(scale)) {
    for (let i = 0; i < sub.values.length; i++) {
      const r = sub.row[i]
      c.fill(0)
      s.fill(0)
      accumulateTrig(sub.values[i] / scale, c, s, 1)
      for (let k = 0; k < K; k++) {
        rowCos[r * K + k] += c[k]
        rowSin[r * K + k] += s[k]
      }
    }
  }
  const ones = new Float64Array(sub.rows).fill(1)
  return { alpha: weightedCf(rowCos, rowSin, ones, sub.values.length), rowCos, rowSin }
}

function weightedCf(rowCos: Float64Array, rowSin: Float64Array, w: Float64Array, n: number): number {
  const K = CF_POINTS.length
  const c = new Float64Array(K)
  const s = new Float64Array(K)
  for (let r = 0; r < w.length; r++) {
    if (w[r] === 0) continue
    for (let k = 0; k < K; k++) {
      c[k] += w[r] * rowCos[r * K + k]
      s[k] += w[r] * rowSin[r * K + k]
    }
  }
  for (let k = 0; k < K; k++) {
    c[k] /= n
    s[k] /= n
  }
  return cfRegressionFromMoments(c, s)
}

/**
 * McCulloch on the replicate that repeats row r w[r] times: type-7 quantiles of the expanded sample, found
 * by a weighted scan from the checkpoint just before each rank (or from the start without checkpoints).
 */
function weightedMcCulloch(
  sorted: Float64Array,
  rowOf: Uint32Array,
  w: Float64Array,
  n: number,
  checkpoints: Float64Array[] | null,
): number {
  const ps = [0.05, 0.25, 0.75, 0.95]
  const quant: number[] = []
  let c = 0
  let i = 0
  let cum = 0
  for (const p of ps) {
    const h = (n - 1) * p
    const r0 = Math.floor(h)
    // jump to the last checkpoint at or after i whose cumulative weight is ≤ r0
    if (checkpoints) {
      while (c + 1 < checkpoints.length) {
        const next = dotWeights(checkpoints[c + 1], w)
        if (next > r0) break
        c++
        if (c * CHECKPOINT > i) {
          i = c * CHECKPOINT
          cum = next
        }
      }
    }
    const at: number[] = []
    for (const rank of [r0, r0 + 1]) {
      while (i < sorted.length && cum + w[rowOf[i]] <= rank) cum += w[rowOf[i++]]
      at.push(sorted[Math.min(i, sorted.length - 1)])
    }
    quant.push(at[0] + (h - r0) * (at[1] - at[0]))
  }
  return mccullochFromQuantiles(quant[0], quant[1], quant[2], quant[3]).alpha
}

function dotWeights(counts: Float64Array, w: Float64Array): number {
  let s = 0
  for (let r = 0; r < counts.length; r++) s += counts[r] * w[r]
  return s
}

/** The values above the Hill threshold: their rows and ln(|x|/u). */
function hillTail(sub: SubPool, u: number) {
  const rows: number[] = []
  const logs: number[] = []
  if (u > 0)
    for (let i = 0; i < sub.values.length; i++) {
      const a = Math.abs(sub.values[i])
      if (a > u) {
        rows.push(sub.row[i])
        logs.push(Math.log(a / u))
      }
    }
  return { rows: Uint32Array.from(rows), logs: Float64Array.from(logs) }
}

function weightedHill(tail: { rows: Uint32Array; logs: Float64Array }, w: Float64Array): number {
  let k = 0
  let s = 0
  for (let i = 0; i < tail.rows.length; i++) {
    const wi = w[tail.rows[i]]
    k += wi
    s += wi * tail.logs[i]
  }
  return s > 0 ? k / s : NaN
}

/** Bootstrap replicates of 1/α̂ from block-row means (resampling block rows with replacement). */
function blockRowReplicates(means: Float64Array, B: number, rng: Rng): number[] {
  const k2 = means.length
  const out: number[] = []
  if (k2 < 2) return out
  for (let b = 0; b < B; b++) {
    let s = 0
    for (let i = 0; i < k2; i++) s += means[Math.floor(rng.uniform() * k2)]
    out.push(s / k2)
  }
  return out
}

/** 1/α → α ∈ (0, 2]: a 1/α ≤ 1/2 (or ≤ 0) means α = 2. */
const toAlpha = (v: number) => (v > 0 ? Math.min(2, 1 / v) : 2)

/** Percentile interval of the replicates (of 1/α when `inverse`, mapped to α and clipped at 2). */
function percentileInterval(reps: number[], confidence: number, inverse: boolean): Interval {
  const finite = reps.filter(Number.isFinite).sort((a, b) => a - b)
  if (finite.length < 10) return nanInterval(confidence)
  const lo = sortedAt(finite, (1 - confidence) / 2)
  const hi = sortedAt(finite, (1 + confidence) / 2)
  if (!inverse) return { lower: lo, upper: hi, confidence }
  return { lower: toAlpha(hi), upper: toAlpha(lo), confidence }
}

function sortedAt(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p
  const i = Math.floor(h)
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i]
}

function standardDeviation(xs: number[]): number {
  const f = xs.filter(Number.isFinite)
  if (f.length < 2) return NaN
  const m = f.reduce((a, b) => a + b, 0) / f.length
  return Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / (f.length - 1))
}

/** KS distance of one simulated SαS(α̂) pool of the same shape, standardised and fitted like the data. */
function simulatedKs(rows: number, columns: number, fit: StableFit, input: DiagnosticsInput, rng: Rng): number {
  const x = sample(fit.alpha, 1, rows * columns, rng)
  for (let c = 0; c < columns; c++) {
    const run = x.subarray(c * rows, (c + 1) * rows)
    if (input.centred) {
      let m = 0
      for (let j = 0; j < rows; j++) m += run[j]
      m /= rows
      for (let j = 0; j < rows; j++) run[j] -= m
    }
    if (input.standardized) {
      const med = medianAbs(run)
      for (let j = 0; j < rows; j++) run[j] /= med
    }
  }
  x.sort()
  const f = mccullochFromSorted(x)
  return ksDistanceToStable(x, f.alpha, f.scale)
}

function countTies(sorted: Float64Array): number {
  let ties = 0
  for (let i = 0; i < sorted.length; i++) if (sorted[i] === 0 || (i > 0 && sorted[i] === sorted[i - 1])) ties++
  return ties
}

/** Fewest pooled values the diagnostics run on (below, Hill, the bootstrap and the KS reference are void). */
export const MIN_DIAGNOSTIC_VALUES = 256

/**
 * The diagnostics with every non-finite number removed, for an answer: estimators and block sizes whose α̂
 * or interval is not finite are left out and named in `omitted`; `null` when the verdict itself could not
 * be formed (no finite KS distance or reference).
 */
export function finiteDiagnostics(d: TailDiagnostics): { diagnostics: TailDiagnostics; omitted: string[] } | null {
  const g = d.goodnessOfFit
  if (!Number.isFinite(g.ksDistance) || !Number.isFinite(g.ksReference)) return null
  const omitted: string[] = []
  const estimators = d.estimators.filter((e) => {
    const ok = [e.alpha, e.interval.lower, e.interval.upper].every(Number.isFinite)
    if (!ok) omitted.push(e.method)
    return ok
  })
  const blockSizes = d.blockSizes.filter((b) => {
    const ok = Number.isFinite(b.alpha)
    if (!ok) omitted.push(`block size ${b.blockSize}`)
    return ok
  })
  return {
    diagnostics: {
      estimators,
      blockSizes,
      goodnessOfFit: {
        ksDistance: g.ksDistance,
        ksReference: g.ksReference,
        consistent: g.consistent,
        reasons: g.reasons,
      },
    },
    omitted,
  }
}
