/** A synchronous escape-time computation from a request body: parse + `escapeTime` (src/parse, src/escape) or a stand-in. */
import type { Result } from '../result.ts'
import type { EscapeTimeOutput } from '../schemas/escapeTime.ts'

export type ComputeFn = (input: unknown) => Result<EscapeTimeOutput>
