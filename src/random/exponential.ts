import type { Rng } from './rng.ts'

/**
 * Standard exponential draw by inversion: E = −ln U with U uniform on (0, 1), so E ∈ (0, ~36.7].
 * See docs/theory.md#cms-sampler.
 */
export function exponential(rng: Rng): number {
  return -Math.log(rng.uniform())
}
