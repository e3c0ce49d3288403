import { createRng, type Rng } from '../../src/random/index.ts'

/** Fisher–Yates shuffle driven by a seeded Rng (uniform() in (0,1)), in place; returns the array. */
export function shuffleInPlace<T>(a: T[], rng: Rng): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/** A seeded permutation of 0..n−1. */
export function seededPermutation(n: number, seed: number): number[] {
  return shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    createRng(seed),
  )
}
