/**
 * The public surface of the `levy-escape` package (its main entry): the pure core — escape times and the
 * landscape of basins (docs/theory.md#calculator, docs/theory.md#landscape), the SαS law
 * (docs/theory.md#sas-law), tail-index estimation with its diagnostics (docs/theory.md#tail-index), the
 * simulator of the discrete dynamics (docs/theory.md#simulator) — and the valibot schemas of their requests
 * and answers. No Node, Worker or DOM API: it runs in Node, workers and browsers. Failures are values
 * (`Result`), never throws.
 */
export { escapeTime, landscape, leadingOrder, stationaryDistribution } from './escape/index.ts'
export { createRng, type Rng } from './random/index.ts'
export type { Failure, FieldIssue, Result, Success } from './result.ts'
export { EscapeTimeRequest, EscapeTimeResponse } from './schemas/escapeTime.ts'
export { LandscapeRequest, LandscapeResponse } from './schemas/landscape.ts'
export { SimulateRequest, SimulateResponse } from './schemas/simulate.ts'
export {
  StableCdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSampleRequest,
  StableSampleResponse,
} from './schemas/stable.ts'
export { TailIndexRequest, TailIndexResponse } from './schemas/tailIndex.ts'
export { type SimulateLimits, simulate } from './simulate/index.ts'
export { cdf, characteristicFunction, medianConstant, pdf, quantile, sample, sf } from './stable/index.ts'
export {
  estimateTailIndex,
  logMomentEstimate,
  pooledNoiseTailIndex,
  type TailIndexOutput,
  type TailIndexRequestBody,
} from './tail/index.ts'
