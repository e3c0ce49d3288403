export {
  exponentialZiggurat,
  type WordSource,
  ZIGGURAT_R,
  type ZigguratTables,
  zigguratSlow,
  zigguratTables,
} from './exponentialZiggurat.ts'
export { type ChainSetup, type ChainStats, runChains } from './runChains.ts'
export { MAX_HESSIAN_MULTIPLY_ADDS, MAX_NOISE_DRAWS, type SimulateLimits, simulate } from './simulate.ts'
export { type SimulationTheory, simulationTheory, type TheoryValue } from './simulationTheory.ts'
export { isTabulated, StableSource } from './stableSource.ts'
