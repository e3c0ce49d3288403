/**
 * The answers a running Worker gave to the example requests (workers/docs/exampleRequests.ts), by operation
 * key, recorded by `npm run docs:examples` in two files: the calculator operations
 * (generated/examples.json), bundled in every build, and the model routes (generated/modelExamples.json: tens of
 * KiB of probe and comparison answers), which only the full Worker serves and adds at start-up
 * (`addRecordedExamples` in workers/app.ts). The calculator-only build thus carries no answers of routes it does
 * not have, and stays within its 1 MiB budget.
 */
import calculator from './generated/examples.json'

export type RecordedExamples = Record<string, { status: number; response: unknown }>

const recorded: RecordedExamples = { ...(calculator as RecordedExamples) }

/** Whether an operation's path belongs to the model routes (recorded in generated/modelExamples.json). */
export const isModelPath = (path: string): boolean => /^\/v1\/(models|compare|probe)(\/|$)/.test(path)

/** Adds the recorded answers of routes that this build serves beyond the calculator. */
export function addRecordedExamples(more: RecordedExamples): void {
  Object.assign(recorded, more)
}

/** The recorded answer of an operation (`exampleKey`), if this build has it. */
export function recordedAnswer(key: string): { status: number; response: unknown } | undefined {
  return recorded[key]
}
