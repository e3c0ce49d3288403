export { normal } from './normal.ts'
export { createRng, type Rng } from './rng.ts'
