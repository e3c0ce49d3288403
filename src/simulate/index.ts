export { censoredExponentialMean } from './censoredExponentialMean.ts'
export { resampledNoiseChains } from './resampledNoiseChains.ts'
export { type SimulateLimits, simulate } from './simulate.ts'
