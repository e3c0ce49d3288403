import type { Rng } from './rng.ts'

/**
 * Standard normal draw by the Box–Muller transform (Box & Muller, 1958):
 * Z = sqrt(−2 ln U1) cos(2π U2). One pair of uniforms per draw (the sine half is discarded so that
 * the stream position is a pure function of the number of draws, which keeps runs reproducible
 * when draws are interleaved with other distributions).
 * See docs/theory.md#isotropic-sampler.
 */
export function normal(rng: Rng): number {
  const r = Math.sqrt(-2 * Math.log(rng.uniform()))
  return r * Math.cos(2 * Math.PI * rng.uniform())
}
