export { MAX_DIMENSION } from './common.ts'
export { type EscapeExperimentRowOutput, EscapeExperimentRows } from './escapeExperiment.ts'
export { EscapeTimeRequest, EscapeTimeResponse } from './escapeTime.ts'
export { LandscapeRequest, LandscapeResponse } from './landscape.ts'
export {
  CompareRequest,
  CompareResponse,
  MEASURES,
  ModelDetail,
  ModelList,
  ProbeOptions,
  type ProbeOptionsParsed,
  type ProbeOutput,
  ProbeResponse,
  UserProbeOptions,
  type UserProbeOptionsParsed,
} from './probe.ts'
export { Problem, type ProblemBody } from './problem.ts'
export { SimulateRequest, SimulateResponse } from './simulate.ts'
export {
  MAX_SAMPLES,
  StableCdfResponse,
  StableLogPdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSampleRequest,
  StableSampleResponse,
  StableSfResponse,
} from './stable.ts'
export { TailIndexRequest, TailIndexResponse } from './tailIndex.ts'
export { WARNING_CODES, Warning, type WarningOutput, warning } from './warning.ts'
