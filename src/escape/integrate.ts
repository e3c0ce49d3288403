/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss / 15-point Kronrod pair, the QUADPACK
 * QAG rule qk15 of Piessens et al. 1983, with its error estimate resasc·min(1, (200|K−G|/resasc)^1.5)).
 * The interval with the largest estimated error is bisected until the summed estimate is below
 * max(absTol, relTol·|I|) or `maxIntervals` intervals exist. The K15 rule is exact for polynomials of
 * degree ≤ 22; for an integrand analytic in a strip around [a, b] the error falls geometrically with
 * the number of bisections.
 *
 * Used for the middle part of the exact sphere average (docs/theory.md#sphere-average). Total: returns NaN
 * for a non-finite bound or integrand value; never throws; work is bounded by 15·maxIntervals calls.
 */

const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
]
const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
]
/** Gauss 7-point weights at XGK[1], XGK[3], XGK[5], XGK[7] = 0. */
const WG = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
]

/** A definite integral with its estimated absolute error and the integrand evaluations spent. */
export interface Quadrature {
  value: number
  /** Estimated absolute error (QUADPACK estimate, usually pessimistic for smooth integrands). */
  error: number
  evaluations: number
}

interface Panel {
  a: number
  b: number
  value: number
  error: number
}

function rule(f: (x: number) => number, a: number, b: number): Panel {
  const c = 0.5 * (a + b)
  const h = 0.5 * (b - a)
  const fc = f(c)
  let resk = fc * WGK[7]
  let resg = fc * WG[3]
  let resabs = Math.abs(resk)
  const fv1 = new Array<number>(7)
  const fv2 = new Array<number>(7)
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j]
    const f1 = f(c - dx)
    const f2 = f(c + dx)
    fv1[j] = f1
    fv2[j] = f2
    resk += WGK[j] * (f1 + f2)
    resabs += WGK[j] * (Math.abs(f1) + Math.abs(f2))
    if (j % 2 === 1) resg += WG[(j - 1) / 2] * (f1 + f2)
  }
  const reskh = resk * 0.5
  let resasc = WGK[7] * Math.abs(fc - reskh)
  for (let j = 0; j < 7; j++) resasc += WGK[j] * (Math.abs(fv1[j] - reskh) + Math.abs(fv2[j] - reskh))
  const value = resk * h
  resasc *= Math.abs(h)
  resabs *= Math.abs(h)
  let error = Math.abs((resk - resg) * h)
  if (resasc !== 0 && error !== 0) error = resasc * Math.min(1, ((200 * error) / resasc) ** 1.5)
  const uflow = Number.MIN_VALUE / Number.EPSILON
  if (resabs > uflow / (50 * Number.EPSILON)) error = Math.max(50 * Number.EPSILON * resabs, error)
  return { a, b, value, error }
}

/** ∫_a^b f(x) dx for finite a ≤ b, starting from `initialPanels` equal panels. */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { relTol?: number; absTol?: number; maxIntervals?: number; initialPanels?: number } = {},
): Quadrature {
  const relTol = options.relTol ?? 1e-13
  const absTol = options.absTol ?? 0
  const maxIntervals = Math.max(1, options.maxIntervals ?? 400)
  const n0 = Math.max(1, Math.min(maxIntervals, Math.floor(options.initialPanels ?? 1)))
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return { value: NaN, error: NaN, evaluations: 0 }
  if (a === b) return { value: 0, error: 0, evaluations: 0 }
  const panels: Panel[] = []
  for (let i = 0; i < n0; i++)
    panels.push(rule(f, a + ((b - a) * i) / n0, i === n0 - 1 ? b : a + ((b - a) * (i + 1)) / n0))
  let evaluations = 15 * n0
  for (;;) {
    let value = 0
    let error = 0
    let worst = 0
    for (let i = 0; i < panels.length; i++) {
      value += panels[i].value
      error += panels[i].error
      if (panels[i].error > panels[worst].error) worst = i
    }
    if (!Number.isFinite(value) || !Number.isFinite(error)) return { value: NaN, error: NaN, evaluations }
    if (error <= Math.max(absTol, relTol * Math.abs(value)) || panels.length >= maxIntervals)
      return { value, error, evaluations }
    const p = panels[worst]
    const mid = 0.5 * (p.a + p.b)
    if (!(mid > p.a && mid < p.b)) return { value, error, evaluations }
    panels[worst] = rule(f, p.a, mid)
    panels.push(rule(f, mid, p.b))
    evaluations += 30
  }
}
