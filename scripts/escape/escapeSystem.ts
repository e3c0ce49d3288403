/**
 * What the escape experiment runs an optimizer on (docs/escape-experiment.md#setup): a parameter vector θ* (the
 * minimum), a stochastic gradient at θ drawn with a fresh random stream (a fresh minibatch, or fresh injected noise),
 * the full gradient and the full objective. Two kinds:
 *  - `mlpEscapeSystem`: a committed network on its training data through the float64 oracle of the probe
 *    (src/probe mlpOracle); the stochastic gradient is the mean over a minibatch of B distinct training samples drawn
 *    uniformly (a partial Fisher–Yates shuffle), independently at every step;
 *  - `quadraticEscapeSystem`: the control, F(θ) = ½(θ − θ*)ᵀA(θ − θ*) with A = V diag(λ) Vᵀ, whose stochastic
 *    gradient is A(θ − θ*) + V diag(s) ζ with ζ of independent SαS(1) coordinates: the quadratic model with
 *    axis-model noise in the eigenbasis, where the escape theory and the simulator hold by construction.
 */
import { evaluateSet, type GradientOracle, mlpOracle } from '../../src/probe/index.ts'

import type { Rng } from '../../src/random/index.ts'
import { StableSource } from '../../src/stable/index.ts'

export interface EscapeSystem {
  /** Short name used in progress lines. */
  name: string
  parameters: number
  thetaStar: Float64Array
  /** Minibatch size of the stochastic gradient (1 for the control). */
  batchSize: number
  /** A stochastic gradient at θ from the stream `rng`, written into `out`. */
  stochasticGradient(theta: Float64Array, rng: Rng, out: Float64Array): Promise<void>
  /** Full objective and gradient at θ. */
  full(theta: Float64Array): Promise<{ loss: number; gradient: Float64Array }>
  /** Full objective only (cheaper). */
  loss(theta: Float64Array): Promise<number>
  /** H v at θ (finite differences of the full gradient for a network; exact for the control). */
  hessianVector(theta: Float64Array, v: Float64Array): Promise<Float64Array>
}

/** Draws B distinct indices of [0, n) into the first B entries of `perm` (partial Fisher–Yates). */
function drawBatch(perm: Int32Array, B: number, rng: Rng): Int32Array {
  const n = perm.length
  for (let i = 0; i < B; i++) {
    const k = i + Math.floor(rng.uniform() * (n - i))
    const t = perm[i]
    perm[i] = perm[k]
    perm[k] = t
  }
  return perm.subarray(0, B)
}

export interface NetworkData {
  /** Network inputs, row-major samples × layers[0] (already transformed as the model expects). */
  x: Float64Array
  labels: ArrayLike<number>
}

/** A committed network (layers, θ*) on its training data. */
export function mlpEscapeSystem(
  name: string,
  layers: readonly number[],
  thetaStar: ArrayLike<number>,
  data: NetworkData,
  batchSize: number,
  hessianVector: (oracle: GradientOracle, theta: Float64Array, v: Float64Array) => Promise<Float64Array>,
): EscapeSystem {
  const oracle = mlpOracle(layers, data)
  if (!oracle) throw new Error(`${name}: the data do not fit the network ${layers.join('-')}`)
  const perm = Int32Array.from({ length: oracle.samples }, (_, i) => i)
  return {
    name,
    parameters: oracle.parameters,
    thetaStar: Float64Array.from(thetaStar),
    batchSize,
    async stochasticGradient(theta, rng, out) {
      const r = await oracle.evaluate(theta, drawBatch(perm, batchSize, rng))
      out.set(r.gradient as Float64Array)
    },
    async full(theta) {
      const r = await evaluateSet(oracle, theta)
      return { loss: r.loss, gradient: r.gradient as Float64Array }
    },
    async loss(theta) {
      return (await evaluateSet(oracle, theta, { gradient: false })).loss
    },
    hessianVector: (theta, v) => hessianVector(oracle, theta, v),
  }
}

/**
 * The control: dimension d, eigenvalues λ (length d), orthonormal eigenvectors V (d vectors of length d),
 * noise scales s (length d) in the eigenbasis, tail index α. The noise source is seeded per run from `rng`.
 */
export function quadraticEscapeSystem(o: {
  lambdas: readonly number[]
  vectors: readonly Float64Array[]
  scales: readonly number[]
  alpha: number
  thetaStar: Float64Array
}): EscapeSystem {
  const d = o.lambdas.length
  const sources = new WeakMap<Rng, StableSource>()
  const zeta = new Float64Array(d)
  const y = new Float64Array(d)
  const applyA = (x: Float64Array, out: Float64Array) => {
    // out = V diag(λ) Vᵀ (x − θ*)
    for (let i = 0; i < d; i++) {
      let t = 0
      const v = o.vectors[i]
      for (let j = 0; j < d; j++) t += v[j] * (x[j] - o.thetaStar[j])
      y[i] = o.lambdas[i] * t
    }
    out.fill(0)
    for (let i = 0; i < d; i++) {
      const v = o.vectors[i]
      for (let j = 0; j < d; j++) out[j] += y[i] * v[j]
    }
  }
  const quadratic = (theta: Float64Array) => {
    let e = 0
    for (let i = 0; i < d; i++) {
      let t = 0
      const v = o.vectors[i]
      for (let j = 0; j < d; j++) t += v[j] * (theta[j] - o.thetaStar[j])
      e += 0.5 * o.lambdas[i] * t * t
    }
    return e
  }
  return {
    name: 'control',
    parameters: d,
    thetaStar: Float64Array.from(o.thetaStar),
    batchSize: 1,
    async stochasticGradient(theta, rng, out) {
      let src = sources.get(rng)
      if (!src) {
        src = new StableSource(o.alpha, rng.nextUint32())
        sources.set(rng, src)
      }
      src.fill(zeta, d)
      applyA(theta, out)
      for (let i = 0; i < d; i++) {
        const v = o.vectors[i]
        const a = o.scales[i] * zeta[i]
        for (let j = 0; j < d; j++) out[j] += a * v[j]
      }
    },
    async full(theta) {
      const g = new Float64Array(d)
      applyA(theta, g)
      return { loss: quadratic(theta), gradient: g }
    },
    loss: async (theta) => quadratic(theta),
    async hessianVector(_theta, v) {
      const out = new Float64Array(d)
      const shifted = Float64Array.from(v, (x, j) => x + o.thetaStar[j])
      applyA(shifted, out)
      return out
    },
  }
}
