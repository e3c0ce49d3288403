/**
 * How the widget headlines one optimizer's mean escape time: the number of iterations, or "leaves within one step"
 * in the single-step regime (docs/theory.md#single-step) — the API's `regime: "single-step"`, or a mean escape
 * under one iteration — where a number such as 0.16 iterations would be meaningless.
 */
import { formatNumber } from './formatNumber.ts'

/** What the headline says instead of a number in the single-step regime (docs/theory.md#single-step). */
export const SINGLE_STEP_TEXT = 'leaves within one step'

/** How one optimizer's escape time is headlined. */
export interface Headline {
  text: string
  /** The unit shown after the text ('' when the text says it all). */
  unit: string
  singleStep: boolean
}

/**
 * The headline of one optimizer's mean escape: the number of iterations to `digits` significant digits, or
 * SINGLE_STEP_TEXT when the answer's regime is "single-step" or the mean escape is under one iteration
 * (docs/theory.md#single-step).
 */
export function escapeHeadline(o: { meanEscapeIterations: number; regime?: string } | undefined, digits = 4): Headline {
  if (!o || !Number.isFinite(o.meanEscapeIterations)) return { text: '—', unit: 'iterations', singleStep: false }
  if (o.regime === 'single-step' || o.meanEscapeIterations < 1)
    return { text: SINGLE_STEP_TEXT, unit: '', singleStep: true }
  return { text: formatNumber(o.meanEscapeIterations, digits), unit: 'iterations', singleStep: false }
}
