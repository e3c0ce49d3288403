export { type BlockLayout, blockLayout } from './blockLayout.ts'
export { columnMeans } from './columnMeans.ts'
export {
  type CoordinatewiseEstimate,
  type CoordinatewiseOptions,
  coordinatewiseTailIndex,
  type PointMasses,
} from './coordinatewiseTailIndex.ts'
export { estimateTailIndex, type TailIndexOutput, type TailIndexRequestBody } from './estimateTailIndex.ts'
export { logMomentEstimate } from './logMomentEstimate.ts'
export { emptyEstimate, type LogMomentEstimate, logMomentFromBlocks } from './logMomentFromBlocks.ts'
export { medianAbs, medianInPlace } from './medianAbs.ts'
export { type PooledEstimate, type PooledOptions, pooledNoiseTailIndex } from './pooledNoiseTailIndex.ts'
export { MACHINE_EPSILON, naiveSumLogAbs, sumLogAbs } from './sumLogAbs.ts'
export { MAX_TAIL_INDEX_NUMBERS, type ValidTailIndexInput, validateTailIndexInput } from './validateTailIndexInput.ts'
export { type VectorOptions, vectorLogMomentEstimate } from './vectorLogMomentEstimate.ts'
