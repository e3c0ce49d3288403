/**
 * Linear and logarithmic scales for the widget's SVG plots: a map from a data interval to a pixel
 * interval, and "nice" tick positions (1-2-5 steps for linear axes, powers of ten for log axes).
 * Pure functions, no DOM; non-finite or empty domains give an identity-like scale that never throws.
 */
export interface Scale {
  /** Data value → pixel coordinate. */
  (value: number): number
  domain: [number, number]
  range: [number, number]
  kind: 'linear' | 'log'
  /** Tick positions in data units, inside the domain. */
  ticks(count?: number): number[]
}

function safeDomain(d0: number, d1: number, log: boolean): [number, number] {
  const ok = (x: number) => Number.isFinite(x) && (!log || x > 0)
  let a = ok(d0) ? d0 : log ? 1 : 0
  let b = ok(d1) ? d1 : log ? 10 : 1
  if (a === b) {
    if (log) [a, b] = [a / 10, b * 10]
    else [a, b] = [a - 1, b + 1]
  }
  return [a, b]
}

/** Linear scale: x ↦ r0 + (x − d0)(r1 − r0)/(d1 − d0). */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = safeDomain(domain[0], domain[1], false)
  const [r0, r1] = range
  const f = ((x: number) => r0 + ((x - d0) * (r1 - r0)) / (d1 - d0)) as Scale
  f.domain = [d0, d1]
  f.range = [r0, r1]
  f.kind = 'linear'
  f.ticks = (count = 5) => linearTicks(d0, d1, count)
  return f
}

/** Logarithmic scale (base 10): x ↦ r0 + (log x − log d0)(r1 − r0)/(log d1 − log d0); x ≤ 0 maps to NaN. */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = safeDomain(domain[0], domain[1], true)
  const [r0, r1] = range
  const l0 = Math.log10(d0)
  const l1 = Math.log10(d1)
  const f = ((x: number) => (x > 0 ? r0 + ((Math.log10(x) - l0) * (r1 - r0)) / (l1 - l0) : Number.NaN)) as Scale
  f.domain = [d0, d1]
  f.range = [r0, r1]
  f.kind = 'log'
  f.ticks = (count = 5) => logTicks(d0, d1, count)
  return f
}

/** Ticks at multiples of a 1-2-5 step, about `count` of them, covering [min(a,b), max(a,b)]. */
export function linearTicks(a: number, b: number, count = 5): number[] {
  const lo = Math.min(a, b)
  const hi = Math.max(a, b)
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return []
  const raw = (hi - lo) / Math.max(1, count)
  const mag = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / mag
  const step = (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag
  const out: number[] = []
  const first = Math.ceil(lo / step - 1e-9)
  const last = Math.floor(hi / step + 1e-9)
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)))
  return out
}

/**
 * Powers of ten inside [min(a,b), max(a,b)], thinned to every k-th decade so that at most about
 * `count` remain (k = ceil(decades / count)).
 */
export function logTicks(a: number, b: number, count = 5): number[] {
  const lo = Math.min(a, b)
  const hi = Math.max(a, b)
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return []
  const e0 = Math.ceil(Math.log10(lo) - 1e-9)
  const e1 = Math.floor(Math.log10(hi) + 1e-9)
  const every = Math.max(1, Math.ceil((e1 - e0 + 1) / Math.max(1, count)))
  const out: number[] = []
  for (let e = e0; e <= e1; e++) if ((e - e0) % every === 0) out.push(Number(`1e${e}`))
  return out
}
