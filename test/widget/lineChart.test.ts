import { describe, expect, it } from 'vitest'
import { basinPlot, exitSegments } from '../../src/widget/basinPlot.ts'
import { densityCurves } from '../../src/widget/densityCurves.ts'
import { densityPlot } from '../../src/widget/densityPlot.ts'
import { legendLayout, lineChart, pathData } from '../../src/widget/lineChart.ts'
import { linearScale, logScale } from '../../src/widget/scales.ts'
import { defaultState } from '../../src/widget/state.ts'

/** Closed-form SαS densities: α = 1 is Cauchy 1/(π(1+x²)); α = 2 is N(0, 2): e^(−x²/4)/(2√π) (docs/theory.md#sas-law). */
const closedPdf = (x: number, a: number) =>
  a === 1 ? 1 / (Math.PI * (1 + x * x)) : a === 2 ? Math.exp((-x * x) / 4) / (2 * Math.sqrt(Math.PI)) : Number.NaN

describe('pathData', () => {
  it('places points by the scales and breaks the line at non-finite values', () => {
    const sx = linearScale([0, 10], [0, 100])
    const sy = logScale([1, 100], [100, 0])
    expect(
      pathData(
        [
          [0, 1],
          [5, 10],
          [10, 100],
        ],
        sx,
        sy,
      ),
    ).toBe('M0 100L50 50L100 0')
    expect(
      pathData(
        [
          [0, 1],
          [5, Number.NaN],
          [10, 100],
          [2, 0],
        ],
        sx,
        sy,
      ),
    ).toBe('M0 100M100 0')
  })
})

describe('legendLayout', () => {
  it('wraps items onto a new row when the width is used up (320 px plots)', () => {
    const rows = legendLayout(['SGD noise, α = 1.5', 'Adam noise, α = 1.8', 'Gaussian, α = 2'], 270)
    expect(rows[0]).toEqual({ x: 0, row: 0 })
    expect(rows.map((r) => r.row)).toEqual([0, 1, 2])
    expect(legendLayout(['SGD', 'Adam'], 270).map((r) => r.row)).toEqual([0, 0])
  })
})

describe('lineChart', () => {
  it('has an accessible name, labelled axes, a legend entry per series and the marker', () => {
    const svg = lineChart({
      id: 't',
      width: 320,
      height: 240,
      title: 'T & <title>',
      description: 'D',
      x: { kind: 'log', label: 'learning rate η' },
      y: { kind: 'log', label: 'iterations' },
      series: [
        {
          label: 'SGD',
          className: 'sgd',
          points: [
            [1e-3, 1e5],
            [1e-1, 1e2],
          ],
          marker: [1e-2, 3e3],
        },
        {
          label: 'Adam',
          className: 'adam',
          points: [
            [1e-3, 1e6],
            [1e-1, 1e3],
          ],
          dashed: true,
        },
      ],
    })
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="t-t t-d"/)
    expect(svg).toContain('<title id="t-t">T &amp; &lt;title&gt;</title>')
    expect(svg).toContain('>learning rate η</text>')
    expect(svg).toContain('>iterations</text>')
    expect(svg.match(/class="legend"/g)?.length).toBe(2)
    expect(svg).toContain('series series-adam dashed')
    expect(svg).toMatch(/<circle class="marker series-sgd"/)
    expect(svg).not.toMatch(/style=/) // the pages' CSP allows no inline style attributes
    // log axes padded to whole decades: ticks at 10^-3 … 10^-1 on x
    expect(svg).toContain('>10⁻³</text>')
  })
})

describe('densityCurves', () => {
  it('evaluates x ≥ 0 and mirrors it: symmetric, 2·half+1 points, equal to the closed forms', () => {
    const d = densityCurves([1, 2], closedPdf, 10, 40)
    expect(d.x.length).toBe(81)
    expect(d.x[0]).toBe(-10)
    expect(d.x[40]).toBe(0)
    expect(d.x[80]).toBe(10)
    for (const c of d.curves)
      for (let i = 0; i < d.x.length; i++) {
        expect(c.y[i]).toBe(c.y[80 - i])
        expect(c.y[i]).toBeCloseTo(closedPdf(d.x[i], c.alpha), 15)
      }
  })
  it('the density plot draws the Gaussian dashed and the tails on a log axis from 1e-5 to 1', () => {
    const svg = densityPlot(densityCurves([1, 2], closedPdf), ['Cauchy', 'Gaussian'], 320)
    expect(svg).toContain('series series-adam dashed')
    expect(svg).toContain('>10⁻⁵</text>')
  })
})

describe('basinPlot', () => {
  it('groups many exit directions so that the bar stays readable, keeping the total', () => {
    const p = Array.from({ length: 9 }, (_, i) => ({ direction: `axis-${i}`, probability: 1 / 9 }))
    const segs = exitSegments(p)
    expect(segs.length).toBe(6)
    expect(segs[5].label).toBe('other axes')
    expect(segs.reduce((a, s) => a + s.probability, 0)).toBeCloseTo(1, 14)
  })
  it('draws one bar segment per exit direction with its width proportional to the probability', () => {
    const s = { ...defaultState, basin: 'interval' as const, left: 1, right: 2, noiseScale: [1] }
    const svg = basinPlot(
      s,
      [
        {
          label: 'SGD',
          className: 'sgd',
          probabilities: [
            { direction: 'left', probability: 0.75 },
            { direction: 'right', probability: 0.25 },
          ],
        },
      ],
      320,
    )
    const widths = [
      ...svg.matchAll(/<rect class="dir dir-(\d)" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="22"/g),
    ].map((m) => Number(m[2]))
    expect(widths.length).toBe(2)
    expect(widths[0] / (widths[0] + widths[1])).toBeCloseTo(0.75, 2)
    expect(svg).toContain('>75%</text>')
    expect(svg).toContain('exit left')
  })
})
