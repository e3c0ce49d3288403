/**
 * Typed outcome of a core computation. The core is total: it never throws on bad
 * input, it returns a `Failure`. The HTTP layer maps `kind: 'invalid'` to a 400 problem and
 * `kind: 'unanswerable'` (valid input the theory or the budget cannot answer) to a 422 problem.
 */
export interface FieldIssue {
  /** Dotted path of the offending field in the request body, e.g. `optimizers.sgd.alpha`. */
  path: string
  /** What is wrong and how to fix it. */
  message: string
}

/**
 * Why a core function gave no answer: invalid input (with field issues) or an answer that cannot be a finite number.
 */
export interface Failure {
  ok: false
  kind: 'invalid' | 'unanswerable'
  /** One sentence for the problem's `detail`: what happened and what to change. */
  detail: string
  issues: FieldIssue[]
  /** Work done before a refusal of the simulator's work rule (docs/api.md#simulation-work-rule). */
  work?: WorkCounts
}

/** Deterministic counts of the work done before a refusal, and the limits that applied (never times). */
export interface WorkCounts {
  /** Chain iterations computed. */
  iterations: number
  /** Scalar noise draws made. */
  noiseDraws: number
  /** Hessian multiply-adds made (full-Hessian basins). */
  hessianMultiplyAdds: number
  /** Iterations of the pilot. */
  pilotIterations: number
  /** Iterations the request asked for after the caps: chains × iterationCap. */
  requestedIterations: number
}

/** An answer of a core function. */
export interface Success<T> {
  ok: true
  value: T
}

/** The outcome of every core function: an answer or a typed failure, never a throw. */
export type Result<T> = Success<T> | Failure

/** The value of a computation that answered. */
export const success = <T>(value: T): Success<T> => ({ ok: true, value })

/** Input outside the domain (HTTP 400): `detail` says what is wrong and how to fix it, `issues` name the fields. */
export const invalid = (detail: string, issues: FieldIssue[] = []): Failure => ({
  ok: false,
  kind: 'invalid',
  detail,
  issues,
})

/**
 * Valid input the theory or the budget cannot answer (HTTP 422): `detail` says what to change; `work` (optional)
 * counts the work done before the refusal.
 */
export const unanswerable = (detail: string, issues: FieldIssue[] = [], work?: WorkCounts): Failure => ({
  ok: false,
  kind: 'unanswerable',
  detail,
  issues,
  work,
})
