/**
 * Chains of the diagonal quadratic model driven by resampled noise vectors instead of a parametric law
 * (docs/escape-experiment.md#predictions, the "empirical" column): in eigen-coordinates y ∈ R^d,
 *
 *   y_i ← (1 − a_i λ_i) y_i − b_i c_{J,i},   y₀ = 0,   J uniform on {0, …, n − 1} afresh at every step,
 *
 * with a_i = η/q_i (drift gain), b_i = η/q_i (noise gain; q = 1 for SGD), c_j the n measured noise vectors (rows of a
 * row-major n × d array) and exit at the first step with ½ Σ λ_i y_i² ≥ h. This is the simulator's quadratic
 * dynamics (runChains) with the SαS draw replaced by a draw from the empirical law of the measured noise, so the
 * difference between this column and the SαS one isolates the noise law. Each chain runs at most `cap` iterations
 * (type-I censoring); the result feeds `censoredExponentialMean`. Deterministic for a given seed.
 */
import { createRng } from '../random/rng.ts'

/** Chains of the diagonal quadratic model driven by measured noise rows: gains, rows, exit level, cap, seed. */
export interface ResampledChainSetup {
  curvatures: ArrayLike<number>
  driftGain: ArrayLike<number>
  noiseGain: ArrayLike<number>
  /** Noise vectors, row-major n × d. */
  rows: ArrayLike<number>
  /** h: the exit level of ½ Σ λ_i y_i². */
  height: number
  chains: number
  cap: number
  seed: number
}

/** Iterations run and exits of the resampled-noise chains, for `censoredExponentialMean`. */
export interface ResampledChainStats {
  /** Σ over chains of the iterations run (exit iteration, or cap). */
  totalIterations: number
  escaped: number
}

/**
 * Censored chains of the diagonal quadratic model driven by measured noise vectors drawn with replacement:
 * y_i ← (1 − a_i λ_i) y_i − b_i c_{J,i}, exit at ½ Σ λ_i y_i² ≥ h, at most `cap` iterations per chain
 * (docs/theory.md#simulator, docs/escape-experiment.md#predictions). Returns total iterations and exits for
 * `censoredExponentialMean` (docs/theory.md#simulation-estimator). Deterministic for a given seed.
 */
export function resampledNoiseChains(s: ResampledChainSetup): ResampledChainStats {
  const d = s.curvatures.length
  const n = Math.floor(s.rows.length / Math.max(1, d))
  if (d === 0 || n === 0 || !(s.height > 0)) return { totalIterations: 0, escaped: 0 }
  const rng = createRng(s.seed)
  const decay = new Float64Array(d)
  for (let i = 0; i < d; i++) decay[i] = 1 - s.driftGain[i] * s.curvatures[i]
  const y = new Float64Array(d)
  const twoH = 2 * s.height
  let total = 0
  let escaped = 0
  for (let c = 0; c < s.chains; c++) {
    y.fill(0)
    let t = 0
    while (t < s.cap) {
      t++
      const o = Math.floor(rng.uniform() * n) * d
      let e = 0
      for (let i = 0; i < d; i++) {
        const v = decay[i] * y[i] - s.noiseGain[i] * s.rows[o + i]
        y[i] = v
        e += s.curvatures[i] * v * v
      }
      if (!(e < twoH)) {
        escaped++
        break
      }
    }
    total += t
  }
  return { totalIterations: total, escaped }
}
