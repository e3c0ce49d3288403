/**
 * The HTML a blogger pastes to embed the calculator in its current state: one module script tag
 * (served with CORS by the Worker) and one element whose attributes hold the state.
 */
import { ATTRIBUTE_KEYS } from './attributeKeys.ts'
import { escapeXml } from './escapeXml.ts'
import type { WidgetState } from './state.ts'
import { stateToQuery } from './stateToQuery.ts'

/** Tag name of the calculator element, `<escape-time-calculator>`. */
export const ELEMENT_NAME = 'escape-time-calculator'

/**
 * The HTML to paste into a page to embed the calculator in `state`: the module script from `origin` and the element
 * with the state as attributes.
 */
export function embedSnippet(state: WidgetState, origin: string): string {
  const q = stateToQuery(state, { includePanel: false })
  const attrs: string[] = []
  for (const [attr, key] of Object.entries(ATTRIBUTE_KEYS)) {
    const v = q.get(key)
    if (v !== null) attrs.push(`${attr}="${escapeXml(v)}"`)
  }
  return `<script type="module" src="${escapeXml(origin)}/widget.js"></script>\n<${ELEMENT_NAME}\n  ${attrs.join('\n  ')}>\n</${ELEMENT_NAME}>`
}
