/**
 * One chain of the simulator's discrete dynamics, advanced one iteration at a time (docs/theory.md#simulator):
 *   θ ← θ − η G_d ∇F(θ) + η G ζ,   θ₀ = θ* = 0,
 * with the diagonal gains of a `ChainSetup` (driftGain = η·(G_d)_ii, noiseGain = η·G_ii) and ∇F(θ) = diag(λ)θ
 * (interval: κθ). Exit is the simulator's: θ ≤ −left or θ ≥ right (interval), ½θᵀdiag(λ)θ ≥ h (quadratic). After
 * an exit the walk restarts at θ*, so the escapes form a renewal sequence and the censoring-aware estimate of the
 * mean escape iteration is (iterations run, the running excursion included) / escapes — the estimator of
 * `simulate` (docs/theory.md#simulation-estimator).
 *
 * The draws come from the same seeded `StableSource` in the same order and blocks as `runChains`, so stepping a
 * walk through N escapes reproduces `runChains` with N chains bit for bit (tested). This is what the widget's
 * animation runs: the same core as `/v1/simulate`, one frame at a time.
 *
 * Diagonal curvatures only (a full Hessian would need the d×d product each step; the widget never has one).
 */
import { isotropicMixingScale } from '../stable/sampleIsotropic.ts'
import { skewedCms } from '../stable/sampleSkewed.ts'
import { StableSource } from '../stable/stableSource.ts'
import type { ChainSetup } from './runChains.ts'

const BLOCK = 1024

/** `step()`'s answer when the iterate is still inside the basin. */
export const INSIDE = -1

/**
 * One chain of the discrete dynamics θ ← θ − η G_d ∇F(θ) + η G ζ stepped one iteration at a time, restarting at θ*
 * after each exit (docs/theory.md#simulator). Stepping through N escapes reproduces `runChains` with N chains bit for
 * bit; the running estimate of the mean escape is (iterations run)/(escapes) (docs/theory.md#simulation-estimator).
 */
export class Walk {
  /** The current point (θ − θ*); after an exit it holds the first point outside, until the next step. */
  readonly theta: Float64Array
  /** Escapes so far. */
  escapes = 0
  /** Iterations run in all, the running excursion included. */
  totalIterations = 0
  /** Iterations of the running excursion. */
  current = 0
  /** Escapes per direction ([left, right] for an interval, one per coordinate for a quadratic basin). */
  readonly exitCounts: number[]
  readonly #s: ChainSetup
  readonly #source: StableSource
  readonly #buf = new Float64Array(BLOCK)
  #k = BLOCK
  readonly #decay: Float64Array
  readonly #normals: Float64Array
  readonly #mixingScale: number
  #restart = false

  constructor(setup: ChainSetup) {
    this.#s = setup
    const d = setup.dimension
    this.theta = new Float64Array(d)
    this.#decay = new Float64Array(d)
    for (let i = 0; i < d; i++) this.#decay[i] = 1 - setup.driftGain[i] * setup.diagonal[i]
    this.#normals = new Float64Array(d)
    this.#mixingScale = isotropicMixingScale(setup.alpha)
    this.#source = new StableSource(setup.alpha, setup.seed)
    this.exitCounts = new Array<number>(setup.interval ? 2 : d).fill(0)
  }

  /** Censoring-aware mean escape iteration so far: totalIterations / escapes (NaN before the first escape). */
  get meanEscapeIterations(): number {
    return this.escapes > 0 ? this.totalIterations / this.escapes : Number.NaN
  }

  #axisDraw(): number {
    if (this.#k === BLOCK) {
      this.#source.fill(this.#buf, BLOCK)
      this.#k = 0
    }
    return this.#buf[this.#k++]
  }

  /**
   * Advances one iteration. Returns INSIDE (−1) while the iterate stays in the basin, else the exit direction:
   * 0 = left, 1 = right (interval); the dominant coordinate i = argmax λ_i θ_i² (quadratic). No allocation.
   */
  step(): number {
    const s = this.#s
    const theta = this.theta
    if (this.#restart) {
      theta.fill(0)
      this.current = 0
      this.#restart = false
    }
    this.current++
    this.totalIterations++
    if (s.interval) {
      const x = this.#decay[0] * theta[0] + s.noiseGain[0] * this.#axisDraw()
      theta[0] = x
      if (x > -s.interval.left && x < s.interval.right) return INSIDE
      return this.#exit(x >= s.interval.right ? 1 : 0)
    }
    const d = s.dimension
    const iso = s.isotropic && d > 1
    let r = 0
    if (iso) {
      const mixing = s.alpha < 2
      r = Math.sqrt(
        2 * (mixing ? this.#mixingScale * skewedCms(s.alpha / 2, this.#source.uniform(), this.#source.uniform()) : 1),
      )
      this.#source.fillNormal(this.#normals, d)
    }
    let energy = 0
    for (let i = 0; i < d; i++) {
      const z = iso ? r * this.#normals[i] : this.#axisDraw()
      const x = this.#decay[i] * theta[i] + s.noiseGain[i] * z
      theta[i] = x
      energy += s.diagonal[i] * x * x
    }
    if (energy < s.twoHeight) return INSIDE
    let best = 0
    let arg = 0
    for (let i = 0; i < d; i++) {
      const e = s.diagonal[i] * theta[i] * theta[i]
      if (e > best) {
        best = e
        arg = i
      }
    }
    return this.#exit(arg)
  }

  #exit(direction: number): number {
    this.escapes++
    this.exitCounts[direction]++
    this.#restart = true
    return direction
  }
}
