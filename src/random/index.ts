export { createRng, rngFromState, type Rng } from './rng.ts'
export { exponential } from './exponential.ts'
export { normal } from './normal.ts'
