/**
 * How the widget writes numbers: `digits` significant figures, plain notation for magnitudes in
 * [1e-3, 1e6) with thousands separated by a narrow no-break space from 10 000 on ("119 500"),
 * otherwise scientific as "1.23 × 10⁷" (Unicode superscript exponent). Non-finite values are "—".
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return '—'
  if (x === 0) return '0'
  const ax = Math.abs(x)
  if (ax >= 1e-3 && ax < 1e6) {
    const s = x.toPrecision(digits)
    const plain = s.includes('e') ? String(Number(s)) : s
    const trimmed = plain.includes('.') ? plain.replace(/\.?0+$/, '') : plain
    return group(trimmed).replace('-', '−')
  }
  const [m, e] = x.toExponential(digits - 1).split('e')
  const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m
  return `${mant.replace('-', '−')} × 10${superscript(Number(e))}`
}

/** Groups the integer digits of a plain decimal in threes when there are five or more. */
function group(s: string): string {
  const m = /^(-?)(\d+)(.*)$/.exec(s)
  if (!m || m[2].length < 5) return s
  return m[1] + m[2].replace(/\B(?=(\d{3})+$)/g, '\u202f') + m[3]
}

const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
}

/** An integer written with Unicode superscript digits (−3 → "⁻³"). */
export function superscript(k: number): string {
  return String(Math.trunc(k))
    .split('')
    .map((ch) => SUP[ch] ?? ch)
    .join('')
}

/** Tick label: powers of ten as "10ᵏ" except 0.01…1000 written plainly; other values with 3 significant digits. */
export function formatTick(x: number): string {
  if (!Number.isFinite(x)) return ''
  if (x === 0) return '0'
  const e = Math.log10(Math.abs(x))
  if (Math.abs(e - Math.round(e)) < 1e-9) {
    const k = Math.round(e)
    if (k >= -2 && k <= 3) return String(Number(x.toPrecision(3))).replace('-', '−')
    return `${x < 0 ? '−' : ''}10${superscript(k)}`
  }
  return String(Number(x.toPrecision(3))).replace('-', '−')
}
