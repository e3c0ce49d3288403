/**
 * Downloads of what the widget shows: a plot as a standalone SVG file (its classes resolved into inline
 * presentation attributes, since the widget's stylesheet and theme variables do not travel with the file), the same
 * plot as a PNG (the standalone SVG drawn at twice its size), a canvas as PNG, and the calculator's state as the JSON
 * request the API takes.
 */

/** Presentation properties copied from the computed style of each element of a plot. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const

/** A self-contained copy of a rendered SVG: computed styles inlined, the background painted, namespaces declared. */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  const source = [svg, ...svg.querySelectorAll('*')]
  const target = [copy, ...copy.querySelectorAll('*')]
  for (let n = 0; n < source.length; n++) {
    const cs = getComputedStyle(source[n])
    for (const p of PROPERTIES) {
      const v = cs.getPropertyValue(p)
      if (v) target[n].setAttribute(p, v)
    }
    target[n].removeAttribute('class')
  }
  const box = svg.viewBox.baseVal
  const width = box?.width || svg.clientWidth
  const height = box?.height || svg.clientHeight
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  bg.setAttribute('width', '100%')
  bg.setAttribute('height', '100%')
  bg.setAttribute('fill', background)
  copy.insertBefore(bg, copy.firstChild)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`
}

/** Draws SVG text into a canvas at `scale` × its size and encodes it as PNG. */
export function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      const canvas = document.createElement('canvas')
      canvas.width = Math.round(width * scale)
      canvas.height = Math.round(height * scale)
      const ctx = canvas.getContext('2d')
      if (!ctx) return reject(new Error('no 2-D canvas'))
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
      canvasToPng(canvas).then(resolve, reject)
    }
    img.onerror = () => reject(new Error('the plot could not be drawn as an image'))
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
  })
}

/** The PNG image of a canvas, as a Blob (rejects if the browser cannot encode it). */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'),
  )
}

/** Saves a blob under `filename` through a temporary link inside `parent` (works inside a shadow root). */
export function download(parent: Node, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.hidden = true
  parent.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
