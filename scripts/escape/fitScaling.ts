/**
 * How the measured mean exit iteration K scales with the learning rate η (docs/escape-experiment.md#scaling): two
 * least-squares fits on ln K, over the cells with a finite estimate,
 *   power law (the Lévy theory, K ∝ η^(−α)):     ln K = a − b ln η,
 *   exponential in 1/η (Gaussian/Kramers picture): ln K = a + c/η,
 * each with its residuals r_j = ln K_j − fit and their root mean square. Fewer than three points: no fit (null).
 */
export interface ScalingFit {
  /** Points used (η, K). */
  points: [number, number][]
  powerLaw: { exponent: number; intercept: number; residuals: number[]; rms: number } | null
  exponential: { c: number; intercept: number; residuals: number[]; rms: number } | null
}

/** Ordinary least squares y = a + b x; returns a, b and the residuals. */
function line(x: number[], y: number[]): { a: number; b: number; residuals: number[] } {
  const n = x.length
  const mx = x.reduce((s, v) => s + v, 0) / n
  const my = y.reduce((s, v) => s + v, 0) / n
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2
    sxy += (x[i] - mx) * (y[i] - my)
  }
  const b = sxy / sxx
  const a = my - b * mx
  return { a, b, residuals: y.map((v, i) => v - (a + b * x[i])) }
}

const rms = (r: number[]) => Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length)

export function fitScaling(cells: { lr: number; mean?: number | null }[]): ScalingFit {
  const points = cells
    .filter((c): c is { lr: number; mean: number } => typeof c.mean === 'number' && c.mean > 0 && c.lr > 0)
    .map((c) => [c.lr, c.mean] as [number, number])
  if (points.length < 3) return { points, powerLaw: null, exponential: null }
  const y = points.map((p) => Math.log(p[1]))
  const p = line(
    points.map((q) => Math.log(q[0])),
    y,
  )
  const e = line(
    points.map((q) => 1 / q[0]),
    y,
  )
  return {
    points,
    powerLaw: { exponent: -p.b, intercept: p.a, residuals: p.residuals, rms: rms(p.residuals) },
    exponential: { c: e.b, intercept: e.a, residuals: e.residuals, rms: rms(e.residuals) },
  }
}
