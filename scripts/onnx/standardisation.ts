/**
 * The input standardisation of the bundled models, as practitioners do it for image data (one mean and
 * one standard deviation for all pixels, as torchvision's `Normalize((0.1307,), (0.3081,))` for MNIST):
 *
 *   x = pixel × inputScale  (what every consumer feeds the graphs),
 *   network input = (x − μ) / σ,  μ and σ the mean and (population) standard deviation of x over every
 *   pixel of the training set, in float64.
 *
 * The graphs apply it themselves (exportMlp.ts: Sub then Div by float32 constants), so the Worker, the
 * probe, the widget and user tools keep feeding x. The float64 references and tfjs apply it through
 * `standardise`, with the same float32 roundings as the graph. A blank pixel thus enters the network as
 * −μ/σ ≠ 0, and its first-layer weights get nonzero gradients.
 */
import type { InputStandardisation } from '../../src/probe/index.ts'

export type { InputStandardisation } from '../../src/probe/index.ts'

/** Global mean and population standard deviation of x = pixel × inputScale over all training pixels. */
export function trainingStandardisation(pixels: Uint8Array, inputScale: number): InputStandardisation {
  const counts = new Float64Array(256)
  for (let i = 0; i < pixels.length; i++) counts[pixels[i]]++
  let n = 0
  let sum = 0
  for (let v = 0; v < 256; v++) {
    n += counts[v]
    sum += counts[v] * v * inputScale
  }
  const mean = sum / n
  let ss = 0
  for (let v = 0; v < 256; v++) ss += counts[v] * (v * inputScale - mean) ** 2
  return {
    mean,
    std: Math.sqrt(ss / n),
    statistic: 'global mean and population standard deviation of x = pixel × inputScale over all training pixels',
  }
}

/** (x − μ)/σ element-wise in float32, as the graphs compute it; x unchanged without a standardisation. */
export function standardise(x: Float32Array, s?: InputStandardisation): Float32Array {
  if (!s) return x
  const m = Math.fround(s.mean)
  const d = Math.fround(s.std)
  return x.map((v) => Math.fround(v - m) / d)
}
