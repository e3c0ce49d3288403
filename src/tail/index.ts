export { type BlockLayout, blockLayout } from './blockLayout.ts'
export { accumulateTrig, CF_POINTS, cfRegressionEstimate, cfRegressionFromMoments } from './cfRegressionEstimate.ts'
export { columnMeans } from './columnMeans.ts'
export {
  type CoordinatewiseEstimate,
  type CoordinatewiseOptions,
  coordinatewiseTailIndex,
  type PointMasses,
} from './coordinatewiseTailIndex.ts'
export { estimateTailIndex, type TailIndexOutput } from './estimateTailIndex.ts'
export { type HillEstimate, hillEstimate, hillFromDescending } from './hillEstimate.ts'
export { ksDistanceToStable } from './ksDistanceToStable.ts'
export { type BlockSizeEstimate, logMomentByBlockSize } from './logMomentByBlockSize.ts'
export { logMomentEstimate } from './logMomentEstimate.ts'
export { emptyEstimate, type LogMomentEstimate, logMomentFromBlocks } from './logMomentFromBlocks.ts'
export { mccullochEstimate, mccullochFromSorted, type StableFit } from './mccullochEstimate.ts'
export { medianAbs, medianInPlace } from './medianAbs.ts'
export { type PooledEstimate, type PooledOptions, pooledNoiseTailIndex } from './pooledNoiseTailIndex.ts'
export { MACHINE_EPSILON, naiveSumLogAbs, sumLogAbs } from './sumLogAbs.ts'
export {
  type DiagnosticsInput,
  type DiagnosticsOptions,
  finiteDiagnostics,
  type TailDiagnostics,
  tailDiagnostics,
} from './tailDiagnostics.ts'
export { type ValidTailIndexInput, validateTailIndexInput } from './validateTailIndexInput.ts'
export { type VectorOptions, vectorLogMomentEstimate } from './vectorLogMomentEstimate.ts'
