/**
 * Reads widget state from URL query parameters (the keys written by stateToQuery, i.e. the API's
 * dotted GET keys). Missing or unreadable values keep the value of `base`; a value that parses but is
 * out of range is kept, so the calculator can show the API's own validation message for it.
 */
import { cloneState, WATCH_SPEEDS, type WidgetState } from './state.ts'

function parseNumber(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined
  const x = Number(v)
  return Number.isFinite(x) ? x : undefined
}

/** A comma-separated list of finite numbers; undefined if empty or any entry is not a number. */
export function parseList(v: string | null): number[] | undefined {
  if (v === null || v.trim() === '') return undefined
  const xs = v.split(',').map((t) => Number(t.trim()))
  return xs.every((x) => Number.isFinite(x)) && xs.length > 0 ? xs : undefined
}

/**
 * Widget state from the API's dotted GET keys in `q`, on top of `base`: missing or unreadable values keep `base`'s;
 * out-of-range values are kept for the API's validation to explain.
 */
export function stateFromQuery(q: URLSearchParams, base: WidgetState): WidgetState {
  const s = cloneState(base)
  const kind = q.get('basin.kind')
  if (kind === 'interval' || kind === 'quadratic') s.basin = kind
  s.left = parseNumber(q.get('basin.left')) ?? s.left
  s.right = parseNumber(q.get('basin.right')) ?? s.right
  s.curvatures = parseList(q.get('basin.curvatures')) ?? s.curvatures
  s.height = parseNumber(q.get('basin.height')) ?? s.height
  s.noiseScale = parseList(q.get('noise.scale')) ?? s.noiseScale
  const model = q.get('noise.model')
  if (model === 'axis' || model === 'isotropic') s.noiseModel = model
  const norm = q.get('normalization')
  if (norm === 'stable' || norm === 'unit') s.normalization = norm
  s.sgd.alpha = parseNumber(q.get('optimizers.sgd.alpha')) ?? s.sgd.alpha
  s.sgd.lr = parseNumber(q.get('optimizers.sgd.lr')) ?? s.sgd.lr
  s.adam.alpha = parseNumber(q.get('optimizers.adam.alpha')) ?? s.adam.alpha
  s.adam.lr = parseNumber(q.get('optimizers.adam.lr')) ?? s.adam.lr
  const pre = q.get('optimizers.adam.preconditioner')
  if (pre === 'auto') s.adam.preconditioner = 'auto'
  else s.adam.preconditioner = parseList(pre) ?? s.adam.preconditioner
  const seed = parseNumber(q.get('watch.seed'))
  if (seed !== undefined && Number.isSafeInteger(seed) && seed >= 0) s.watchSeed = seed
  const speed = parseNumber(q.get('watch.speed'))
  if (speed !== undefined && WATCH_SPEEDS.includes(speed)) s.watchSpeed = speed
  const panel = q.get('panel')
  if (panel !== null) s.compareOpen = panel === 'compare'
  return s
}
