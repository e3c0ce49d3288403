/**
 * Plot 2: the SαS(1) density at SGD's and Adam's α against the Gaussian (α = 2), on a log density
 * axis so that the power-law tails (∝ |x|^(−1−α)) stand out from the Gaussian's e^(−x²/4).
 */
import type { DensityCurves } from './densityCurves.ts'
import { lineChart, type Series } from './lineChart.ts'

const CLASSES = ['sgd', 'adam', 'gauss']

/**
 * SVG markup of the SGD and Adam noise densities against the Gaussian on a log density axis, where the tails
 * ∝ |x|^(−1−α) separate from e^(−x²/4) (docs/theory.md#sas-law).
 */
export function densityPlot(d: DensityCurves, labels: string[], width: number, height = 240): string {
  const series: Series[] = d.curves.map((c, i) => ({
    label: labels[i] ?? `α = ${c.alpha}`,
    className: CLASSES[i] ?? 'gauss',
    points: d.x.map((x, j) => [x, c.y[j]] as const),
    dashed: c.alpha === 2,
  }))
  const xMax = d.x[d.x.length - 1] ?? 10
  return lineChart({
    id: 'plot-density',
    width,
    height,
    title: 'Noise density: symmetric α-stable against Gaussian (log scale)',
    description: `${labels.join(', ')}. Heavy tails decay like |x|^(−1−α); the Gaussian falls off like e^(−x²/4).`,
    x: { kind: 'linear', label: 'noise value x (scale σ = 1)', domain: [-xMax, xMax] },
    y: { kind: 'log', label: 'density', domain: [1e-5, 1] },
    series,
  })
}
