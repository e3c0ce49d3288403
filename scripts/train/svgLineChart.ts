/**
 * A small dependency-free SVG line chart for the experiment plots: several series of (x, y) points,
 * each with an optional shaded band (lower, upper), "nice" axis ticks (1, 2, 5 × 10^k), a legend.
 */
export interface Series {
  name: string
  color: string
  points: [number, number][]
  band?: [number, number, number][]
  dashed?: boolean
}

export interface Chart {
  title: string
  xLabel: string
  yLabel: string
  series: Series[]
  yMin?: number
  yMax?: number
  width?: number
  height?: number
}

export function niceTicks(lo: number, hi: number, target = 6): number[] {
  const span = hi - lo || 1
  const raw = span / target
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)))
  return out
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const f = (v: number) => v.toFixed(1)

export function svgLineChart(c: Chart): string {
  const W = c.width ?? 640
  const H = c.height ?? 360
  const m = { l: 60, r: 150, t: 36, b: 48 }
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0]))
  const ys = c.series
    .flatMap((s) => [...s.points.map((p) => p[1]), ...(s.band ?? []).flatMap((b) => [b[1], b[2]])])
    .filter(Number.isFinite)
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  let y0 = c.yMin ?? Math.min(...ys)
  let y1 = c.yMax ?? Math.max(...ys)
  if (c.yMin === undefined || c.yMax === undefined) {
    const pad = (y1 - y0) * 0.05 || 0.05
    if (c.yMin === undefined) y0 -= pad
    if (c.yMax === undefined) y1 += pad
  }
  const X = (v: number) => m.l + ((v - x0) / (x1 - x0 || 1)) * (W - m.l - m.r)
  const Y = (v: number) => H - m.b - ((v - y0) / (y1 - y0 || 1)) * (H - m.t - m.b)
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  )
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`)
  parts.push(
    `<defs><clipPath id="plot"><rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}"/></clipPath></defs>`,
  )
  parts.push(`<text x="${W / 2 - m.r / 2}" y="20" text-anchor="middle" font-size="14">${esc(c.title)}</text>`)
  for (const t of niceTicks(y0, y1)) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${f(Y(t))}" y2="${f(Y(t))}" stroke="#e5e5e5"/>`)
    parts.push(`<text x="${m.l - 6}" y="${f(Y(t) + 4)}" text-anchor="end">${t}</text>`)
  }
  for (const t of niceTicks(x0, x1)) {
    parts.push(`<line x1="${f(X(t))}" x2="${f(X(t))}" y1="${H - m.b}" y2="${H - m.b + 4}" stroke="#333"/>`)
    parts.push(`<text x="${f(X(t))}" y="${H - m.b + 18}" text-anchor="middle">${t}</text>`)
  }
  parts.push(
    `<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="#333"/>`,
  )
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 10}" text-anchor="middle">${esc(c.xLabel)}</text>`)
  parts.push(
    `<text transform="translate(16 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`,
  )
  c.series.forEach((s, i) => {
    if (s.band && s.band.length > 1) {
      const ok = s.band.filter((b) => Number.isFinite(b[1]) && Number.isFinite(b[2]))
      const d = [
        ...ok.map((b) => `${f(X(b[0]))},${f(Y(b[2]))}`),
        ...ok.reverse().map((b) => `${f(X(b[0]))},${f(Y(b[1]))}`),
      ].join(' ')
      parts.push(`<polygon points="${d}" fill="${s.color}" fill-opacity="0.18" stroke="none" clip-path="url(#plot)"/>`)
    }
    const pts = s.points.filter((p) => Number.isFinite(p[1]))
    parts.push(
      `<polyline points="${pts.map((p) => `${f(X(p[0]))},${f(Y(p[1]))}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''} clip-path="url(#plot)"/>`,
    )
    const ly = m.t + 12 + i * 18
    parts.push(
      `<line x1="${W - m.r + 10}" x2="${W - m.r + 34}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    )
    parts.push(`<text x="${W - m.r + 40}" y="${ly + 4}">${esc(s.name)}</text>`)
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
