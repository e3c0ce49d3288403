/**
 * The public surface of the `levy-escape` package (its main entry): the pure core — escape times and the
 * landscape of basins (docs/theory.md#calculator, docs/theory.md#landscape), the SαS law
 * (docs/theory.md#sas-law), tail-index estimation with its diagnostics (docs/theory.md#tail-index), the
 * simulator of the discrete dynamics (docs/theory.md#simulator) — and the valibot schemas of their requests
 * and answers, with the one parse step of the API (`parseInput`, and `parseAndCompute(EscapeTimeRequest,
 * escapeTime)` for data of unknown shape: the core functions take the parsed input, defaults applied). No Node,
 * Worker or DOM API: it runs in Node, workers and browsers. Failures are values (`Result`), never throws.
 */
export { escapeTime, landscape, leadingOrder, stationaryDistribution } from './escape/index.ts'
export { parseAndCompute, parseInput } from './parse/index.ts'
export { createRng, type Rng } from './random/index.ts'
export type { Failure, FieldIssue, Result, Success } from './result.ts'
export {
  EscapeTimeRequest,
  EscapeTimeResponse,
  LandscapeRequest,
  LandscapeResponse,
  SimulateRequest,
  SimulateResponse,
  StableCdfResponse,
  StableLogPdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSampleRequest,
  StableSampleResponse,
  StableSfResponse,
  TailIndexRequest,
  TailIndexResponse,
  WARNING_CODES,
  Warning,
  type WarningOutput,
} from './schemas/index.ts'
export { type SimulateLimits, simulate } from './simulate/index.ts'
export { cdf, characteristicFunction, logpdf, medianConstant, pdf, quantile, sample, sf } from './stable/index.ts'
export {
  estimateTailIndex,
  logMomentEstimate,
  pooledNoiseTailIndex,
  type TailIndexOutput,
} from './tail/index.ts'
