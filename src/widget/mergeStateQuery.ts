/**
 * The page's query string with the widget's state written into it: parameters the widget does not own
 * (for example `/embed`'s `theme`, or a host page's own keys) are kept, in their order, and the state
 * keys (ATTRIBUTE_KEYS' values) are replaced by stateToQuery's.
 */
import { ATTRIBUTE_KEYS } from './attributeKeys.ts'
import type { WidgetState } from './state.ts'
import { stateToQuery } from './stateToQuery.ts'

const OWNED = new Set(Object.values(ATTRIBUTE_KEYS))

/**
 * `current` with the widget's state keys replaced by stateToQuery's; parameters the widget does not own are kept in
 * their order.
 */
export function mergeStateQuery(current: URLSearchParams, state: WidgetState): URLSearchParams {
  const q = new URLSearchParams()
  for (const [k, v] of current) if (!OWNED.has(k)) q.append(k, v)
  for (const [k, v] of stateToQuery(state)) q.append(k, v)
  return q
}
