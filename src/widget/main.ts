/**
 * Bundle entry of /widget.js: gives the element the compute core (the request parsed by the API's own parse
 * step, then `escapeTime` from src/escape; the SαS `pdf` from src/stable — the same code the API runs) and registers `<escape-time-calculator>`.
 */
import { escapeTime } from '../escape/index.ts'
import { parseAndCompute } from '../parse/parseInput.ts'
import { EscapeTimeRequest } from '../schemas/escapeTime.ts'
import { pdf } from '../stable/index.ts'
import { ELEMENT_NAME } from './embedSnippet.ts'
import { EscapeTimeCalculator } from './escapeTimeCalculator.ts'

performance.mark?.('escape-time-calculator:module-evaluated')
EscapeTimeCalculator.core = {
  compute: parseAndCompute(EscapeTimeRequest, escapeTime),
  pdf: (x, alpha) => pdf(x, alpha),
}
if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, EscapeTimeCalculator)

export { EscapeTimeCalculator }
