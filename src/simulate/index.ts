export {
  type CensoredMean,
  censoredExponentialMean,
  chiSquareEvenQuantile,
  gammaUpperTail,
} from './censoredExponentialMean.ts'
export {
  type ResampledChainSetup,
  type ResampledChainStats,
  resampledNoiseChains,
} from './resampledNoiseChains.ts'
export { ChainRunner, type ChainSetup, type ChainStats, runChains } from './runChains.ts'
export {
  EXPECTED_ESCAPES_FLOOR,
  MAX_HESSIAN_MULTIPLY_ADDS,
  MAX_NOISE_DRAWS,
  PILOT_HESSIAN_MULTIPLY_ADDS,
  PILOT_NOISE_DRAWS,
  type SimulateLimits,
  simulate,
} from './simulate.ts'
export { INSIDE, Walk } from './walk.ts'
