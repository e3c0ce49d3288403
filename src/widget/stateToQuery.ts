/**
 * Writes the widget state as URL query parameters with the API's dotted GET keys (docs/api.md
 * "Conventions": arrays as comma-separated lists), plus `panel=compare` when the trained-minima panel
 * is open. Only the keys of the chosen basin kind are written, so the query is also a valid
 * `GET /v1/escape-time` query (apart from `panel`).
 */
import { defaultState, type WidgetState } from './state.ts'

const num = (x: number) => String(x)
const list = (xs: number[]) => xs.map(num).join(',')

/**
 * The widget state as the API's dotted GET keys (docs/api.md#get-forms), only those of the chosen basin kind, plus
 * `panel=compare` when asked: a valid `GET /v1/escape-time` query apart from `panel`.
 */
export function stateToQuery(s: WidgetState, options: { includePanel?: boolean } = {}): URLSearchParams {
  const q = new URLSearchParams()
  q.set('basin.kind', s.basin)
  if (s.basin === 'interval') {
    q.set('basin.left', num(s.left))
    q.set('basin.right', num(s.right))
  } else {
    q.set('basin.curvatures', list(s.curvatures))
    q.set('basin.height', num(s.height))
  }
  q.set('noise.scale', list(s.noiseScale))
  q.set('noise.model', s.noiseModel)
  q.set('normalization', s.normalization)
  q.set('optimizers.sgd.alpha', num(s.sgd.alpha))
  q.set('optimizers.sgd.lr', num(s.sgd.lr))
  q.set('optimizers.adam.alpha', num(s.adam.alpha))
  q.set('optimizers.adam.lr', num(s.adam.lr))
  q.set('optimizers.adam.preconditioner', s.adam.preconditioner === 'auto' ? 'auto' : list(s.adam.preconditioner))
  if (options.includePanel !== false && s.compareOpen) q.set('panel', 'compare')
  // The animation's seed and speed: written only when they differ from the defaults.
  if (s.watchSeed !== defaultState.watchSeed) q.set('watch.seed', num(s.watchSeed))
  if (s.watchSpeed !== defaultState.watchSpeed) q.set('watch.speed', num(s.watchSpeed))
  return q
}
