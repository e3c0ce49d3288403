/** A synchronous escape-time computation: the core `escapeTime` (src/escape) or a stand-in with its signature. */
import type { Result } from '../result.ts'
import type { EscapeTimeInput, EscapeTimeOutput } from '../schemas/escapeTime.ts'

export type ComputeFn = (input: EscapeTimeInput) => Result<EscapeTimeOutput>
