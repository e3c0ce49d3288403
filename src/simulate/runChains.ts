/**
 * The chains of the simulator: the discrete dynamics of docs/theory.md#validation-1d, docs/theory.md#validation-2d (docs/api.md#simulation),
 *   θ ← θ − η G_d ∇F(θ) + η G ζ,   θ₀ = θ* = 0,
 * with diagonal G_d = diag(driftGain/η) and G = diag(noiseGain/η) (SGD: G_d = I, G = Σ; Adam: G_d = Q⁻¹,
 * G = Q⁻¹Σ), ∇F(θ) = Hθ (interval: κθ), and ζ either independent SαS(1) coordinates ("axis") or an isotropic
 * SαS(1) vector ("isotropic", X = √A·G of docs/theory.md#isotropic-sampler). A chain escapes at the first iteration k with
 * θ_k ∉ Ω: θ ≤ −left or θ ≥ right (interval), ½θᵀHθ ≥ h (quadratic). Chains run one after the other from
 * one seeded stream (StableSource(α, seed): SαS draws in blocks of 1024 for the axis model; for the isotropic
 * model one mixing draw A = σ_A·skewedCms(α/2, U1, U2), σ_A = cos(πα/4)^(2/α), then d polar-method normals per
 * iteration); each runs at most `cap` iterations (type-I right-censoring at `cap`).
 *
 * `chainRunner` runs them in stages: `advance(until)` stops once the iterations run in all (the exposure of the
 * censoring-aware estimator, the running chain included) reach `until`, and the next call resumes exactly where it
 * stopped, so a run cut into stages draws the same numbers in the same order as a run in one go (tested). This is
 * what lets `simulate` look at the first part of a run (its pilot) before deciding to spend the rest.
 *
 * Non-finite states: a chain whose iterate θ stops being finite (a draw that overflows double precision, at tiny
 * α) is not an exit. It ends there, right-censored after its last finite iteration, is counted in `nonFinite`, and
 * `advance` returns at once so that the caller can decide. A finite θ whose energy ½θᵀHθ overflows is far outside
 * the basin: that is an exit.
 *
 * Exit direction: "left"/"right" for an interval; for a quadratic basin the dominant coordinate
 * i = argmax_j H_jj θ_j² of the first point outside Ω (the axis whose jump threw the chain out, in the
 * one-big-jump regime of the theory, docs/theory.md#exit-location).
 *
 * No approximation beyond the SαS source's tabulation (≤ 1e-12 relative per draw) and floating point: per iteration d draws
 * (axis) or d normals plus one mixing draw (isotropic, α < 2), and for a full Hessian one d×d product.
 * In d = 1 the two noise models are the same law, so the faster axis draw is used for both.
 */
import { isotropicMixingScale } from '../stable/sampleIsotropic.ts'
import { skewedCms } from '../stable/sampleSkewed.ts'
import { StableSource } from '../stable/stableSource.ts'

const BLOCK = 1024

/**
 * Everything a chain of the discrete dynamics needs: α, basin, gains, chains, cap and seed (docs/theory.md#simulator).
 */
export interface ChainSetup {
  alpha: number
  dimension: number
  isotropic: boolean
  /** Interval walls (d = 1): Ω = (−left, right). */
  interval?: { left: number; right: number }
  /** Full Hessian (row-major d×d) or undefined when H is diagonal. */
  hessian?: Float64Array
  /** Diagonal of H (interval: [κ]). */
  diagonal: Float64Array
  /** 2h (quadratic only). */
  twoHeight: number
  /** η·(G_d)_ii. */
  driftGain: Float64Array
  /** η·G_ii. */
  noiseGain: Float64Array
  chains: number
  /** Per-chain iteration limit (≥ 1). */
  cap: number
  seed: number
}

/** Iterations run, escapes and exit directions of a set of chains (docs/theory.md#simulation-estimator). */
export interface ChainStats {
  /** Σ over chains of the iterations run (escape iteration, or cap for a censored chain). */
  totalIterations: number
  escaped: number
  /** Escapes per direction: [left, right] for an interval, one per coordinate for a quadratic basin. */
  exitCounts: number[]
  /** Scalar random draws made. */
  draws: number
  /** Iterations computed (equal to totalIterations unless a chain reached a non-finite state). */
  iterations: number
  /** Chains ended by a non-finite state (not exits; censored after their last finite iteration). */
  nonFinite: number
  /** Chains finished (escaped, censored at the cap, or ended by a non-finite state). */
  finished: number
  /** Whether every chain has finished. */
  done: boolean
}

/** A run of the chains of a setup, advanced in stages (see the file's comment). */
export interface ChainRunner {
  /**
   * Runs until the exposure reaches `until` (Infinity: to the end), every chain has finished, or a chain has
   * reached a non-finite state; returns the statistics so far. Resumable: the next call continues the same run.
   */
  advance(until: number): ChainStats
  /** The statistics so far. */
  stats(): ChainStats
}

/** Starts a staged run of the chains of `s` (nothing is drawn before the first `advance`). */
export function chainRunner(s: ChainSetup): ChainRunner {
  const d = s.dimension
  const iso = s.isotropic && d > 1
  const mixing = iso && s.alpha < 2
  const perIteration = s.interval ? 1 : d + (mixing ? 1 : 0)
  const source = new StableSource(s.alpha, s.seed)
  const buf = new Float64Array(BLOCK)
  const theta = new Float64Array(d)
  const grad = new Float64Array(d)
  const normals = new Float64Array(d)
  const decay = new Float64Array(d)
  for (let i = 0; i < d; i++) decay[i] = 1 - s.driftGain[i] * s.diagonal[i]
  const exitCounts = new Array<number>(s.interval ? 2 : d).fill(0)
  const mixingScale = isotropicMixingScale(s.alpha)
  const half = s.alpha / 2
  const { diagonal, driftGain, noiseGain, hessian, twoHeight, cap, chains } = s
  const left = s.interval ? -s.interval.left : 0
  const right = s.interval ? s.interval.right : 0
  // state of the run: the next block draw k, the running chain and its iterations t, and the totals
  let k = BLOCK
  let chain = 0
  let t = 0
  let total = 0
  let iterations = 0
  let escaped = 0
  let nonFinite = 0

  /** Runs the current chain while t < limit: −1 still inside, −2 a non-finite state, else the exit direction. */
  function runInterval(limit: number): number {
    const a = decay[0]
    const amp = noiseGain[0]
    let x = theta[0]
    let tt = t
    let kk = k
    let exit = -1
    while (tt < limit) {
      tt++
      if (kk === BLOCK) {
        source.fill(buf, BLOCK)
        kk = 0
      }
      x = a * x + amp * buf[kk++]
      if (!(x > left && x < right)) {
        exit = Number.isFinite(x) ? (x >= right ? 1 : 0) : -2
        break
      }
    }
    theta[0] = x
    t = tt
    k = kk
    return exit
  }

  function runQuadratic(limit: number): number {
    let tt = t
    let kk = k
    let exit = -1
    while (tt < limit) {
      tt++
      let r = 0
      if (iso) {
        r = Math.sqrt(2 * (mixing ? mixingScale * skewedCms(half, source.uniform(), source.uniform()) : 1))
        source.fillNormal(normals, d)
      }
      let energy = 0
      // The draw of ζ_i (isotropic r·N_i, or the next axis draw of the block) is written out in both
      // branches on purpose: fused into the update loop it is 8–28 % faster on the diagonal axis path than
      // a pre-drawn noise vector or a shared closure (measured; same ChainStats bit for bit).
      if (hessian === undefined) {
        for (let i = 0; i < d; i++) {
          let z: number
          if (iso) z = r * normals[i]
          else {
            if (kk === BLOCK) {
              source.fill(buf, BLOCK)
              kk = 0
            }
            z = buf[kk++]
          }
          const x = decay[i] * theta[i] + noiseGain[i] * z
          theta[i] = x
          energy += diagonal[i] * x * x
        }
      } else {
        for (let i = 0; i < d; i++) {
          let z: number
          if (iso) z = r * normals[i]
          else {
            if (kk === BLOCK) {
              source.fill(buf, BLOCK)
              kk = 0
            }
            z = buf[kk++]
          }
          theta[i] += noiseGain[i] * z - driftGain[i] * grad[i]
        }
        for (let i = 0; i < d; i++) {
          let g = 0
          const o = i * d
          for (let j = 0; j < d; j++) g += hessian[o + j] * theta[j]
          grad[i] = g
          energy += theta[i] * g
        }
      }
      if (!(energy < twoHeight)) {
        // An energy that is not finite comes from a finite θ far outside (an exit) or from a θ that is not
        // finite (not an exit). The exit direction: the axis i with the largest H_ii θ_i².
        let best = -1
        exit = 0
        for (let i = 0; i < d; i++) {
          if (!Number.isFinite(theta[i])) exit = -2
          const e = diagonal[i] * theta[i] * theta[i]
          if (exit >= 0 && e > best) {
            best = e
            exit = i
          }
        }
        break
      }
    }
    t = tt
    k = kk
    return exit
  }

  const run = s.interval ? runInterval : runQuadratic
  const stats = (): ChainStats => ({
    totalIterations: total + t,
    escaped,
    exitCounts: exitCounts.slice(),
    draws: (iterations + t) * perIteration,
    iterations: iterations + t,
    nonFinite,
    finished: chain,
    done: chain >= chains,
  })
  return {
    stats,
    advance(until) {
      while (chain < chains) {
        const exit = run(Math.min(cap, until - total))
        if (exit === -2) nonFinite++
        else if (exit >= 0) {
          escaped++
          exitCounts[exit]++
        } else if (t < cap) break // paused at `until`
        // the chain ends: its iterations join the exposure (a non-finite one's up to its last finite iteration)
        total += exit === -2 ? t - 1 : t
        iterations += t
        chain++
        t = 0
        theta.fill(0)
        grad.fill(0)
        if (exit === -2) break
      }
      return stats()
    },
  }
}

/** Runs all chains of a prepared setup in one go (see `simulate` for the validation and the staging around it). */
export function runChains(setup: ChainSetup): ChainStats {
  const runner = chainRunner(setup)
  let stats = runner.advance(Infinity)
  while (!stats.done) stats = runner.advance(Infinity)
  return stats
}
