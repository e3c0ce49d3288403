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

export interface ChainStats {
  /** Σ over chains of the iterations run (escape iteration, or cap for a censored chain). */
  totalIterations: number
  escaped: number
  /** Escapes per direction: [left, right] for an interval, one per coordinate for a quadratic basin. */
  exitCounts: number[]
  /** Scalar random draws made. */
  draws: number
  /**
   * 1 when a chain reached a non-finite state (a draw that overflows double precision, at tiny α); the run stops
   * there, and that state is not counted as an exit.
   */
  nonFinite: number
}

function runInterval(s: ChainSetup): ChainStats {
  const source = new StableSource(s.alpha, s.seed)
  const buf = new Float64Array(BLOCK)
  let k = BLOCK
  const decay = 1 - s.driftGain[0] * s.diagonal[0]
  const amp = s.noiseGain[0]
  const left = -s.interval!.left
  const right = s.interval!.right
  const cap = s.cap
  let total = 0
  let nLeft = 0
  let nRight = 0
  for (let c = 0; c < s.chains; c++) {
    let theta = 0
    let t = 0
    while (t < cap) {
      t++
      if (k === BLOCK) {
        source.fill(buf, BLOCK)
        k = 0
      }
      theta = decay * theta + amp * buf[k++]
      if (!(theta > left && theta < right)) {
        if (!Number.isFinite(theta)) {
          // an overflowing or NaN draw is not an exit: stop the whole run and report it
          total += t
          return {
            totalIterations: total,
            escaped: nLeft + nRight,
            exitCounts: [nLeft, nRight],
            draws: total,
            nonFinite: 1,
          }
        }
        if (theta >= right) nRight++
        else nLeft++
        break
      }
    }
    total += t
  }
  return { totalIterations: total, escaped: nLeft + nRight, exitCounts: [nLeft, nRight], draws: total, nonFinite: 0 }
}

function runQuadratic(s: ChainSetup): ChainStats {
  const d = s.dimension
  const iso = s.isotropic && d > 1
  const mixing = iso && s.alpha < 2
  const source = new StableSource(s.alpha, s.seed)
  const buf = new Float64Array(BLOCK)
  let k = BLOCK
  const mixingScale = isotropicMixingScale(s.alpha)
  const half = s.alpha / 2
  const normals = new Float64Array(d)
  const { diagonal, driftGain, noiseGain, hessian, twoHeight, cap } = s
  const theta = new Float64Array(d)
  const grad = new Float64Array(d)
  const decay = new Float64Array(d)
  for (let i = 0; i < d; i++) decay[i] = 1 - driftGain[i] * diagonal[i]
  const exitCounts = new Array<number>(d).fill(0)
  let total = 0
  let escaped = 0
  for (let c = 0; c < s.chains; c++) {
    theta.fill(0)
    grad.fill(0)
    let t = 0
    let out = false
    while (t < cap) {
      t++
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
            if (k === BLOCK) {
              source.fill(buf, BLOCK)
              k = 0
            }
            z = buf[k++]
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
            if (k === BLOCK) {
              source.fill(buf, BLOCK)
              k = 0
            }
            z = buf[k++]
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
        if (!Number.isFinite(energy)) {
          // an overflowing or NaN draw is not an exit: stop the whole run and report it
          total += t
          const perIteration = d + (mixing ? 1 : 0)
          return { totalIterations: total, escaped, exitCounts, draws: total * perIteration, nonFinite: 1 }
        }
        out = true
        break
      }
    }
    total += t
    if (out) {
      escaped++
      let best = 0
      let arg = 0
      for (let i = 0; i < d; i++) {
        const e = diagonal[i] * theta[i] * theta[i]
        if (e > best) {
          best = e
          arg = i
        }
      }
      exitCounts[arg]++
    }
  }
  const perIteration = d + (mixing ? 1 : 0)
  return { totalIterations: total, escaped, exitCounts, draws: total * perIteration, nonFinite: 0 }
}

/** Runs all chains of a prepared setup (see `simulate` for the validation that precedes it). */
export function runChains(setup: ChainSetup): ChainStats {
  return setup.interval ? runInterval(setup) : runQuadratic(setup)
}
