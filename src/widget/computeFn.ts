/** A synchronous escape-time computation from a request body: parse + `escapeTime` (src/parse, src/escape) or a stand-in. */
import type { Result } from '../result.ts'
import type { EscapeTimeOutput } from '../schemas/escapeTime.ts'

/** The calculator's compute step: unknown input parsed and answered as `/v1/escape-time` would. */
export type ComputeFn = (input: unknown) => Result<EscapeTimeOutput>
