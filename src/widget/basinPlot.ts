/**
 * Plot 3: the basin and where each optimizer leaves it. Top: a sketch of the basin — the interval
 * (θ* − a, θ* + b) as a well with its two walls, or the quadratic basin {½xᵀHx < h} as the ellipse of
 * its first two coordinates (semi-axes √(2h/λ_i)). Bottom: one stacked bar per optimizer with the
 * exit-location probabilities m(W_U)/m(W) (docs/theory.md#exit-location), which the theory gives for an
 * interval and for the quadratic basin under the axis noise model.
 */
import { escapeXml } from './escapeXml.ts'
import { formatNumber } from './formatNumber.ts'
import { CHART_FONT } from './lineChart.ts'
import type { WidgetState } from './state.ts'

/** One optimizer's bar in the basin plot: label, CSS class and exit probabilities. */
export interface ExitSplit {
  label: string
  className: string
  probabilities?: { direction: string; probability: number }[]
}

const f1 = (v: number) => (Math.round(v * 10) / 10).toString()
const MAX_SEGMENTS = 6

function directionLabel(d: string): string {
  const m = /^axis-(\d+)$/.exec(d)
  return m ? `axis ${m[1]}` : d
}

/** Groups directions beyond the first MAX_SEGMENTS − 1 into "other axes" when there are too many. */
export function exitSegments(
  p: { direction: string; probability: number }[],
): { label: string; probability: number }[] {
  const segs = p.map((e) => ({ label: directionLabel(e.direction), probability: e.probability }))
  if (segs.length <= MAX_SEGMENTS) return segs
  const head = segs.slice(0, MAX_SEGMENTS - 1)
  const rest = segs.slice(MAX_SEGMENTS - 1).reduce((a, e) => a + e.probability, 0)
  return [...head, { label: 'other axes', probability: rest }]
}

function sketch(s: WidgetState, W: number, top: number, h: number): string {
  const out: string[] = []
  const cx = W / 2
  if (s.basin === 'interval' || s.curvatures.length === 1) {
    const a = s.basin === 'interval' ? s.left : Math.sqrt((2 * s.height) / s.curvatures[0])
    const b = s.basin === 'interval' ? s.right : a
    const span = (a + b) * 1.3
    const left = 24
    const right = W - 24
    const sx = (x: number) => left + ((x + a * 1.15) / span) * (right - left)
    const yTop = top + 14
    const yBot = top + h - 22
    const well = (x: number) => (x < 0 ? (x / a) ** 2 : (x / b) ** 2)
    let d = ''
    const n = 48
    for (let i = 0; i <= n; i++) {
      const x = -a + ((a + b) * i) / n
      d += `${i ? 'L' : 'M'}${f1(sx(x))} ${f1(yBot - (yBot - yTop) * well(x))}`
    }
    out.push(
      `<rect class="basin-fill" x="${f1(sx(-a))}" y="${yTop}" width="${f1(sx(b) - sx(-a))}" height="${f1(yBot - yTop)}"/>`,
      `<line class="wall" x1="${f1(sx(-a))}" x2="${f1(sx(-a))}" y1="${yTop - 6}" y2="${yBot + 4}"/>`,
      `<line class="wall" x1="${f1(sx(b))}" x2="${f1(sx(b))}" y1="${yTop - 6}" y2="${yBot + 4}"/>`,
      `<line class="axis" x1="${left}" x2="${right}" y1="${yBot}" y2="${yBot}"/>`,
      `<path class="well" d="${d}" fill="none"/>`,
      `<circle class="minimum" cx="${f1(sx(0))}" cy="${yBot}" r="3.5"/>`,
      `<text class="tick" x="${f1(sx(0))}" y="${yBot + CHART_FONT + 5}" text-anchor="middle">θ*</text>`,
      `<text class="tick" x="${f1(sx(-a))}" y="${yBot + CHART_FONT + 5}" text-anchor="middle">−${escapeXml(formatNumber(a, 3))}</text>`,
      `<text class="tick" x="${f1(sx(b))}" y="${yBot + CHART_FONT + 5}" text-anchor="middle">+${escapeXml(formatNumber(b, 3))}</text>`,
      `<text class="legend" x="${f1(sx(-a) - 4)}" y="${yTop}" text-anchor="end">← left</text>`,
      `<text class="legend" x="${f1(sx(b) + 4)}" y="${yTop}">right →</text>`,
    )
  } else {
    const r0 = Math.sqrt((2 * s.height) / s.curvatures[0])
    const r1 = Math.sqrt((2 * s.height) / s.curvatures[1])
    const cy = top + (h - CHART_FONT - 6) / 2
    const halfY = (h - CHART_FONT - 10) / 2
    const halfX = Math.min(W / 2 - 50, halfY * 2.2)
    const k = Math.min(halfX / r0, halfY / r1) / 1.3
    out.push(
      `<line class="axis" x1="${f1(cx - halfX)}" x2="${f1(cx + halfX)}" y1="${f1(cy)}" y2="${f1(cy)}"/>`,
      `<line class="axis" x1="${f1(cx)}" x2="${f1(cx)}" y1="${f1(cy - halfY)}" y2="${f1(cy + halfY)}"/>`,
      `<ellipse class="basin-fill well" cx="${f1(cx)}" cy="${f1(cy)}" rx="${f1(r0 * k)}" ry="${f1(r1 * k)}"/>`,
      `<circle class="minimum" cx="${f1(cx)}" cy="${f1(cy)}" r="3.5"/>`,
      `<text class="legend" x="${f1(cx + halfX + 4)}" y="${f1(cy)}" dy="0.35em">axis 0</text>`,
      `<text class="legend" x="${f1(cx + 5)}" y="${f1(cy - halfY + CHART_FONT - 2)}">axis 1</text>`,
      `<text class="tick" x="${f1(cx)}" y="${f1(top + h - 2)}" text-anchor="middle">basin ½xᵀHx &lt; ${escapeXml(formatNumber(s.height, 3))}${s.curvatures.length > 2 ? `, first 2 of ${s.curvatures.length} axes` : ''}; semi-axes √(2h/λᵢ)</text>`,
    )
  }
  return out.join('')
}

/**
 * SVG markup of the basin sketch (interval well or the ellipse ½xᵀHx = h of the first two coordinates) above one
 * stacked bar per optimizer of the exit-location probabilities m(W_U)/m(W) (docs/theory.md#exit-location).
 */
export function basinPlot(s: WidgetState, splits: ExitSplit[], width: number): string {
  const W = width
  const sketchH = 120
  const parts: string[] = []
  const desc = splits
    .map((sp) =>
      sp.probabilities
        ? `${sp.label}: ${sp.probabilities.map((p) => `${directionLabel(p.direction)} ${formatNumber(100 * p.probability, 3)}%`).join(', ')}`
        : `${sp.label}: no exit probabilities for this noise model`,
    )
    .join('; ')
  parts.push(
    '',
    `<title id="plot-basin-t">The basin and its exit probabilities</title><desc id="plot-basin-d">${escapeXml(desc)}</desc>`,
    '<g aria-hidden="true">',
    sketch(s, W, 4, sketchH),
  )
  const labelW = 44
  const barX = labelW
  const barW = W - labelW - 10
  const barH = 22
  let y = sketchH + 14
  const anyProbs = splits.some((sp) => sp.probabilities?.length)
  let legendSegs: { label: string }[] = []
  for (const sp of splits) {
    parts.push(`<text class="legend" x="0" y="${f1(y + barH / 2)}" dy="0.35em">${escapeXml(sp.label)}</text>`)
    if (sp.probabilities?.length) {
      const segs = exitSegments(sp.probabilities)
      if (segs.length > legendSegs.length) legendSegs = segs
      let x = barX
      segs.forEach((seg, i) => {
        const w = Math.max(0, seg.probability * barW)
        parts.push(`<rect class="dir dir-${i}" x="${f1(x)}" y="${y}" width="${f1(w)}" height="${barH}"/>`)
        const pct = `${formatNumber(100 * seg.probability, 3)}%`
        if (w > pct.length * CHART_FONT * 0.6 + 6)
          parts.push(
            `<text class="on-dir" x="${f1(x + w / 2)}" y="${f1(y + barH / 2)}" dy="0.35em" text-anchor="middle">${escapeXml(pct)}</text>`,
          )
        x += w
      })
    } else {
      parts.push(`<rect class="frame" x="${barX}" y="${y}" width="${f1(barW)}" height="${barH}" fill="none"/>`)
      parts.push(
        `<text class="tick" x="${f1(barX + barW / 2)}" y="${f1(y + barH / 2)}" dy="0.35em" text-anchor="middle">${s.noiseModel === 'isotropic' && s.basin === 'quadratic' ? 'not defined for isotropic noise' : 'no result'}</text>`,
      )
    }
    y += barH + 8
  }
  if (anyProbs) {
    let x = barX
    legendSegs.forEach((seg, i) => {
      const w = 16 + (seg.label.length + 5) * CHART_FONT * 0.58 + 4
      if (x + w > W && x > barX) {
        x = barX
        y += CHART_FONT + 6
      }
      parts.push(
        `<rect class="dir dir-${i}" x="${f1(x)}" y="${f1(y + 2)}" width="12" height="10"/>`,
        `<text class="legend" x="${f1(x + 16)}" y="${f1(y + 7)}" dy="0.35em">exit ${escapeXml(seg.label)}</text>`,
      )
      x += w + 14
    })
  }
  const height = Math.ceil(y + (anyProbs ? CHART_FONT + 8 : 0))
  parts[0] = `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="plot-basin-t plot-basin-d" font-size="${CHART_FONT}">`
  parts.push('</g></svg>')
  return parts.join('')
}
