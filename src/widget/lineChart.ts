/**
 * A small SVG line chart rendered to a markup string (no DOM, so it runs and is tested in Node):
 * linear or log axes with labelled ticks and light grid lines, any number of series (solid or
 * dashed, optional highlighted point), a legend that wraps onto several rows on narrow widths, and
 * an accessible name (`role="img"`, `<title>`, `<desc>`). Colours come from CSS classes
 * (`series-<className>`), so themes restyle it through custom properties; no inline styles (the pages'
 * CSP allows none).
 */
import { escapeXml } from './escapeXml.ts'
import { formatTick } from './formatNumber.ts'
import { linearScale, logScale, type Scale } from './scales.ts'

/** One line of a chart. */
export interface Series {
  label: string
  /** CSS class suffix: the path gets `series series-<className>`. */
  className: string
  points: ReadonlyArray<readonly [number, number]>
  dashed?: boolean
  /** A point drawn as a dot (for example the current learning rate). */
  marker?: readonly [number, number]
}

/** One axis of a chart: scale, label, domain and tick count. */
export interface Axis {
  kind: 'linear' | 'log'
  label: string
  /** Fixed domain; default: the extent of the finite data (positive data only for log axes). */
  domain?: [number, number]
  ticks?: number
}

/** Everything `lineChart` draws: size, accessible name, axes and series. */
export interface LineChartSpec {
  id: string
  width: number
  height: number
  title: string
  description: string
  x: Axis
  y: Axis
  series: Series[]
}

/** Font size of chart labels in SVG user units; label widths are estimated from it. */
export const CHART_FONT = 11
const CHAR_W = CHART_FONT * 0.58

function extent(values: number[], log: boolean): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return lo <= hi ? [lo, hi] : log ? [1, 10] : [0, 1]
}

/** Pads a log domain out to whole decades and a linear one by 5% on each side. */
function niceDomain(d: [number, number], log: boolean): [number, number] {
  if (log) {
    const lo = 10 ** Math.floor(Math.log10(d[0]) + 1e-9)
    const hi = 10 ** Math.ceil(Math.log10(d[1]) - 1e-9)
    return lo === hi ? [lo / 10, hi * 10] : [lo, hi]
  }
  const pad = (d[1] - d[0]) * 0.05 || 1
  return [d[0] - pad, d[1] + pad]
}

function makeScale(axis: Axis, data: number[], range: [number, number]): Scale {
  const log = axis.kind === 'log'
  const dom = axis.domain ?? niceDomain(extent(data, log), log)
  return log ? logScale(dom, range) : linearScale(dom, range)
}

/** Legend rows: greedy wrap of [swatch + label] items into the given width. */
export function legendLayout(labels: string[], width: number): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = []
  let x = 0
  let row = 0
  for (const l of labels) {
    const w = 22 + l.length * CHAR_W + 12
    if (x > 0 && x + w > width) {
      row++
      x = 0
    }
    out.push({ x, row })
    x += w
  }
  return out
}

const f1 = (v: number) => (Math.round(v * 10) / 10).toString()

/** SVG path data through the finite points, starting a new sub-path after every gap. */
export function pathData(points: ReadonlyArray<readonly [number, number]>, sx: Scale, sy: Scale): string {
  let d = ''
  let pen = false
  for (const [x, y] of points) {
    const px = sx(x)
    const py = sy(y)
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false
      continue
    }
    d += `${pen ? 'L' : 'M'}${f1(px)} ${f1(py)}`
    pen = true
  }
  return d
}

/**
 * SVG markup of a line chart: linear or log axes with ticks and grid, solid or dashed series with an optional
 * highlighted point, a wrapping legend and an accessible name. No DOM, no inline styles.
 */
export function lineChart(spec: LineChartSpec): string {
  const { width: W, height: H } = spec
  const legend = legendLayout(
    spec.series.map((s) => s.label),
    W - 50,
  )
  const legendRows = legend.length ? legend[legend.length - 1].row + 1 : 0
  const m = { top: 8 + legendRows * (CHART_FONT + 6), right: 12, bottom: 36, left: 50 }
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]))
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]))
  const sx = makeScale(spec.x, xs, [m.left, W - m.right])
  const sy = makeScale(spec.y, ys, [H - m.bottom, m.top])
  const clipId = `${spec.id}-clip`
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" font-size="${CHART_FONT}">`,
    `<title id="${spec.id}-t">${escapeXml(spec.title)}</title><desc id="${spec.id}-d">${escapeXml(spec.description)}</desc>`,
    `<defs><clipPath id="${clipId}"><rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}"/></clipPath></defs>`,
  )
  // grid and ticks
  const xt = sx.ticks(spec.x.ticks ?? Math.max(2, Math.floor((W - m.left - m.right) / 60)))
  const yt = sy.ticks(spec.y.ticks ?? Math.max(2, Math.floor((H - m.top - m.bottom) / 30)))
  const g: string[] = []
  for (const t of xt) {
    const x = f1(sx(t))
    g.push(`<line class="grid" x1="${x}" x2="${x}" y1="${m.top}" y2="${H - m.bottom}"/>`)
    g.push(
      `<text class="tick" x="${x}" y="${H - m.bottom + CHART_FONT + 3}" text-anchor="middle">${escapeXml(formatTick(t))}</text>`,
    )
  }
  for (const t of yt) {
    const y = f1(sy(t))
    g.push(`<line class="grid" x1="${m.left}" x2="${W - m.right}" y1="${y}" y2="${y}"/>`)
    g.push(
      `<text class="tick" x="${m.left - 4}" y="${y}" dy="0.35em" text-anchor="end">${escapeXml(formatTick(t))}</text>`,
    )
  }
  parts.push(`<g aria-hidden="true">${g.join('')}`)
  parts.push(
    `<rect class="frame" x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}" fill="none"/>`,
  )
  parts.push(
    `<text class="axis-label" x="${f1((m.left + W - m.right) / 2)}" y="${H - 6}" text-anchor="middle">${escapeXml(spec.x.label)}</text>`,
    `<text class="axis-label" transform="translate(12 ${f1((m.top + H - m.bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(spec.y.label)}</text>`,
  )
  // series
  parts.push(`<g clip-path="url(#${clipId})">`)
  for (const s of spec.series) {
    const d = pathData(s.points, sx, sy)
    if (d) parts.push(`<path class="series series-${s.className}${s.dashed ? ' dashed' : ''}" d="${d}" fill="none"/>`)
    if (s.marker) {
      const px = sx(s.marker[0])
      const py = sy(s.marker[1])
      if (Number.isFinite(px) && Number.isFinite(py))
        parts.push(`<circle class="marker series-${s.className}" cx="${f1(px)}" cy="${f1(py)}" r="4"/>`)
    }
  }
  parts.push('</g>')
  // legend
  legend.forEach((pos, i) => {
    const s = spec.series[i]
    const y = 6 + pos.row * (CHART_FONT + 6) + CHART_FONT / 2
    const x = m.left + pos.x
    parts.push(
      `<line class="series series-${s.className}${s.dashed ? ' dashed' : ''}" x1="${f1(x)}" x2="${f1(x + 18)}" y1="${f1(y)}" y2="${f1(y)}"/>`,
      `<text class="legend" x="${f1(x + 22)}" y="${f1(y)}" dy="0.35em">${escapeXml(s.label)}</text>`,
    )
  })
  parts.push('</g></svg>')
  return parts.join('')
}
