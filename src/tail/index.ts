export { coordinatewiseTailIndex } from './coordinatewiseTailIndex.ts'
export { estimateTailIndex, type TailIndexOutput } from './estimateTailIndex.ts'
export { logMomentEstimate } from './logMomentEstimate.ts'
export { type LogMomentEstimate, logMomentFromBlocks } from './logMomentFromBlocks.ts'
export { pooledNoiseTailIndex } from './pooledNoiseTailIndex.ts'
export { MACHINE_EPSILON } from './sumLogAbs.ts'
export {
  DEFAULT_BOOTSTRAP,
  DEFAULT_MAX_VALUES,
  DEFAULT_REFERENCES,
  DRIFT_WIDTH,
  KS_MULTIPLE,
  KS_VALUES,
  SPREAD_WIDTH,
  tailDiagnostics,
  Z,
} from './tailDiagnostics.ts'
export { vectorLogMomentEstimate } from './vectorLogMomentEstimate.ts'
