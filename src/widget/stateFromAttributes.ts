/** Reads widget state from element attributes (names in ATTRIBUTE_KEYS) on top of `base`. */
import { ATTRIBUTE_KEYS } from './attributeKeys.ts'
import type { WidgetState } from './state.ts'
import { stateFromQuery } from './stateFromQuery.ts'

/**
 * Widget state from element attributes named as in ATTRIBUTE_KEYS, on top of `base`; unreadable values keep
 * `base`'s.
 */
export function stateFromAttributes(get: (name: string) => string | null, base: WidgetState): WidgetState {
  const q = new URLSearchParams()
  for (const [attr, key] of Object.entries(ATTRIBUTE_KEYS)) {
    const v = get(attr)
    if (v !== null) q.set(key, v)
  }
  return stateFromQuery(q, base)
}
