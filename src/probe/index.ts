export { estimateProbeCost } from './estimateProbeCost.ts'
export { evaluateSet } from './evaluateSet.ts'
export {
  exactHessianVectorProduct,
  finiteDifferenceHessianVectorProduct,
  finiteDifferenceStep,
} from './hessianVectorProduct.ts'
export { lanczos } from './lanczos.ts'
export { type LayoutEntry, layoutSize, mlpLayout } from './mlpLayout.ts'
export { mlpOracle } from './mlpOracle.ts'
export type { HistoryEntry, InputStandardisation, ModelRecord } from './modelRecord.ts'
export type { BatchEvaluation, EvaluateOptions, GradientOracle } from './oracle.ts'
export { type EscapeOptimizers, escapeRequest, type ProbeEscapeOutput, probeEscape } from './probeEscape.ts'
export { type Measure, type ProbeMeasurements, type ProbeSettings, probeMinimum } from './probeMinimum.ts'
export { dot } from './vector.ts'
