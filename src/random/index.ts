export { exponential } from './exponential.ts'
export { normal } from './normal.ts'
export { createRng, type Rng, rngFromState } from './rng.ts'
