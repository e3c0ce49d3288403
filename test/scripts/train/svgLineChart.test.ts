import { describe, expect, it } from 'vitest'
import { niceTicks, svgLineChart } from '../../../scripts/train/svgLineChart.ts'

describe('svgLineChart', () => {
  it('chooses 1-2-5 ticks inside the range', () => {
    expect(niceTicks(0, 1760)).toEqual([0, 500, 1000, 1500])
    expect(niceTicks(1.15, 1.7)).toEqual([1.2, 1.3, 1.4, 1.5, 1.6, 1.7])
    expect(niceTicks(0.4, 1)).toEqual([0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
  })

  it('draws one polyline per series, one band per banded series, and maps points into the plot box', () => {
    const svg = svgLineChart({
      title: 'a < b',
      xLabel: 'x',
      yLabel: 'y',
      yMin: 0,
      yMax: 2,
      width: 400,
      height: 300,
      series: [
        {
          name: 's1',
          color: '#f00',
          points: [
            [0, 0],
            [10, 2],
          ],
          band: [
            [0, 0, 1],
            [10, 1, 2],
          ],
        },
        {
          name: 's2',
          color: '#00f',
          dashed: true,
          points: [
            [0, 1],
            [10, 1],
          ],
        },
      ],
    })
    expect(svg.match(/<polyline /g)!.length).toBe(2)
    expect(svg.match(/<polygon /g)!.length).toBe(1)
    expect(svg).toContain('a &lt; b')
    // margins l 60, r 150, t 36, b 48: x 0 → 60, x 10 → 250; y 0 → 252, y 2 → 36
    expect(svg).toContain('points="60.0,252.0 250.0,36.0"')
    expect(svg).toContain('points="60.0,144.0 250.0,144.0"')
  })
})
