/**
 * Structured warnings, carried by every answer (docs/api.md#warnings): a request that is valid and answered,
 * but where the number should be read with care. Each warning is
 * `{ code, severity, optimizer?, message, see }`:
 * - `code`: a stable identifier from `WARNING_CODES` (the list is documented in docs/api.md and the OpenAPI
 *   document; a client can switch on it);
 * - `severity`: "info" (a note: nothing is wrong with the number), "caution" (the number is an approximation
 *   that may be off by more than its usual accuracy), "invalid" (the number does not describe what its name says,
 *   for example a mean escape below one iteration);
 * - `optimizer`: "sgd" or "adam" when the warning concerns one optimizer of the answer;
 * - `message`: plain words with the values that triggered it;
 * - `see`: the `/docs/theory#…` section that explains it (an anchor of docs/theory.md).
 */
import * as v from 'valibot'

/** How much a warning weakens the answer: "info", "caution" or "invalid" (docs/api.md#warnings). */
export type Severity = 'info' | 'caution' | 'invalid'

/** Every warning code: its severity and the docs/theory.md anchor that explains it. */
export const WARNING_CODES = {
  'epsilon-not-small': { severity: 'caution', anchor: 'warning-epsilon' },
  'alpha-near-one': { severity: 'caution', anchor: 'warning-alpha-near-1' },
  'alpha-near-two': { severity: 'caution', anchor: 'warning-alpha-near-2' },
  'one-step-escape': { severity: 'caution', anchor: 'warning-one-step' },
  'single-step': { severity: 'invalid', anchor: 'single-step' },
  'unstable-iteration': { severity: 'invalid', anchor: 'warning-unstable-axis' },
  'coarse-step': { severity: 'caution', anchor: 'warning-unstable-axis' },
  'narrow-basin': { severity: 'caution', anchor: 'warning-narrow-basin' },
  'preconditioner-ignored': { severity: 'info', anchor: 'simulator' },
  'no-theory': { severity: 'info', anchor: 'simulation-warnings' },
  'work-cap': { severity: 'info', anchor: 'simulation-warnings' },
  'censored-chains': { severity: 'caution', anchor: 'simulation-warnings' },
  'few-escapes': { severity: 'caution', anchor: 'simulation-warnings' },
  'non-finite-state': { severity: 'caution', anchor: 'simulation-warnings' },
  'columns-excluded': { severity: 'info', anchor: 'tail-index-warnings' },
  'samples-dropped': { severity: 'info', anchor: 'tail-index-warnings' },
  'alpha-capped': { severity: 'caution', anchor: 'tail-index-warnings' },
  'alpha-unbounded': { severity: 'caution', anchor: 'tail-index-warnings' },
  'few-blocks': { severity: 'caution', anchor: 'tail-index-warnings' },
  'exact-zeros': { severity: 'caution', anchor: 'tail-index-warnings' },
  'asymmetric-samples': { severity: 'caution', anchor: 'tail-index-warnings' },
  'tiny-values': { severity: 'caution', anchor: 'tail-index-warnings' },
  'option-not-applicable': { severity: 'info', anchor: 'tail-index-warnings' },
  'dead-parameters': { severity: 'info', anchor: 'probe' },
  'few-eigenvalues': { severity: 'info', anchor: 'probe' },
  'unconverged-eigenpairs': { severity: 'caution', anchor: 'probe' },
  'not-a-minimum': { severity: 'caution', anchor: 'probe' },
  'alpha-moved': { severity: 'caution', anchor: 'probe' },
  'direction-dropped': { severity: 'info', anchor: 'probe' },
  'escape-unavailable': { severity: 'invalid', anchor: 'probe' },
  'diagnostics-skipped': { severity: 'info', anchor: 'tail-index-diagnostics' },
  'not-stable-like': { severity: 'caution', anchor: 'goodness-of-fit' },
  'batch-size-skipped': { severity: 'info', anchor: 'batch-size-curve' },
  'pdf-underflow': { severity: 'info', anchor: 'sas-numerics' },
  'cdf-saturated': { severity: 'info', anchor: 'sas-numerics' },
} as const satisfies Record<string, { severity: Severity; anchor: string }>

/** The stable identifier of a warning (docs/api.md#warning-codes). */
export type WarningCode = keyof typeof WARNING_CODES

/** The codes, in catalogue order. */
export const WARNING_CODE_LIST = Object.keys(WARNING_CODES) as WarningCode[]

/**
 * One warning of an answer: code, severity, optimizer, message and its /docs/theory anchor (docs/api.md#warnings).
 */
export const Warning = v.pipe(
  v.object({
    code: v.pipe(v.picklist(WARNING_CODE_LIST), v.description('Stable identifier of the warning (docs/api.md).')),
    severity: v.pipe(
      v.picklist(['info', 'caution', 'invalid']),
      v.description(
        '"info": a note; "caution": the number may be off by more than its usual accuracy; ' +
          '"invalid": the number does not describe what its name says.',
      ),
    ),
    optimizer: v.optional(
      v.pipe(v.picklist(['sgd', 'adam']), v.description('The optimizer of the answer that the warning concerns.')),
    ),
    message: v.pipe(v.string(), v.description('What was found, with the values that triggered it.')),
    see: v.pipe(
      v.string(),
      v.regex(/^\/docs\/theory#[a-z0-9-]+$/),
      v.description('The section of the theory reference that explains the warning.'),
    ),
  }),
  v.metadata({ ref: 'Warning' }),
)

/** One warning as answered. */
export type WarningOutput = v.InferOutput<typeof Warning>

/** Warnings of an answer: possibly empty, never absent. */
export const Warnings = v.pipe(
  v.array(Warning),
  v.description('Warnings about the regime of the answer (possibly empty); see docs/api.md for the codes.'),
)

/** A warning of `code` with its catalogued severity and `see` anchor. */
export function warning(code: WarningCode, message: string, optimizer?: 'sgd' | 'adam'): WarningOutput {
  const { severity, anchor } = WARNING_CODES[code]
  return { code, severity, ...(optimizer ? { optimizer } : {}), message, see: `/docs/theory#${anchor}` }
}
