/**
 * Validation and defaults of the `/v1/tail-index` body (docs/api.md#tail-index), done in the core so
 * that estimateTailIndex is total for any caller: every shape or range problem becomes an `invalid`
 * failure with one issue per offending field and its dotted path (`samples.3.1`, `blockSize`, ...), at
 * most MAX_ISSUES of them. The HTTP layer's valibot schema (src/schemas/tailIndex.ts) checks the same
 * shapes; this function also checks what depends on the data (block size against the number of samples).
 */
import { type FieldIssue, invalid, type Result, success } from '../result.ts'

/** docs/api.md: at most 250,000 numbers in all. */
export const MAX_TAIL_INDEX_NUMBERS = 250_000
/** Issues reported before giving up on listing more. */
export const MAX_ISSUES = 20

export interface TailIndexRequestBody {
  samples: number[] | number[][]
  method?: 'pooled' | 'vector'
  standardize?: boolean
  center?: boolean
  blockSize?: number
  confidence?: number
  diagnostics?: boolean
}

export interface ValidTailIndexInput {
  /** 1-D samples, or null for 2-D input. */
  values: number[] | null
  /** 2-D rows, or null for 1-D input. */
  rows: number[][] | null
  method: 'scalar' | 'pooled' | 'vector'
  standardize: boolean
  center: boolean
  blockSize: number | undefined
  confidence: number
  /** Add the estimators, block-size curve and goodness-of-fit verdict. */
  diagnostics: boolean
  /** Fields given that do not apply to this input (for warnings). */
  ignored: string[]
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

export function validateTailIndexInput(input: unknown): Result<ValidTailIndexInput> {
  if (!isObject(input)) {
    return invalid('The body must be a JSON object with a "samples" array.', [{ path: 'samples', message: 'required' }])
  }
  const issues: FieldIssue[] = []
  const add = (path: string, message: string): boolean => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message })
    return issues.length < MAX_ISSUES
  }
  const { samples, method, standardize, center, blockSize, confidence, diagnostics } = input

  if (method !== undefined && method !== 'pooled' && method !== 'vector') add('method', 'must be "pooled" or "vector"')
  if (standardize !== undefined && typeof standardize !== 'boolean') add('standardize', 'must be a boolean')
  if (center !== undefined && typeof center !== 'boolean') add('center', 'must be a boolean')
  if (diagnostics !== undefined && typeof diagnostics !== 'boolean') add('diagnostics', 'must be a boolean')
  if (blockSize !== undefined && !(Number.isSafeInteger(blockSize) && (blockSize as number) >= 2))
    add('blockSize', 'must be an integer ≥ 2')
  if (confidence !== undefined && !(isFiniteNumber(confidence) && confidence > 0 && confidence < 1))
    add('confidence', 'must be a number in (0, 1)')

  let values: number[] | null = null
  let rows: number[][] | null = null
  if (samples === undefined) add('samples', 'required')
  else if (!Array.isArray(samples))
    add('samples', 'must be an array of numbers or an array of equal-length rows of numbers')
  else if (samples.length === 0) add('samples', 'must not be empty')
  else if (Array.isArray(samples[0])) {
    const width = (samples[0] as unknown[]).length
    let total = 0
    for (const row of samples) total += Array.isArray(row) ? row.length : 1
    if (total > MAX_TAIL_INDEX_NUMBERS)
      add('samples', `holds ${total} numbers; at most ${MAX_TAIL_INDEX_NUMBERS} are accepted`)
    else if (width === 0) add('samples.0', 'a row must not be empty')
    else {
      scan: for (let i = 0; i < samples.length; i++) {
        const row = samples[i]
        if (!Array.isArray(row)) {
          if (!add(`samples.${i}`, 'must be an array of numbers (a row), like samples.0')) break
          continue
        }
        if (row.length !== width) {
          if (!add(`samples.${i}`, `has ${row.length} numbers; every row must have ${width}, like samples.0`)) break
          continue
        }
        for (let j = 0; j < width; j++) {
          if (!isFiniteNumber(row[j]) && !add(`samples.${i}.${j}`, 'must be a finite number')) break scan
        }
      }
      if (issues.length === 0) rows = samples as number[][]
    }
  } else {
    if (samples.length > MAX_TAIL_INDEX_NUMBERS)
      add('samples', `holds ${samples.length} numbers; at most ${MAX_TAIL_INDEX_NUMBERS} are accepted`)
    else {
      for (let i = 0; i < samples.length; i++) {
        if (
          !isFiniteNumber(samples[i]) &&
          !add(
            `samples.${i}`,
            Array.isArray(samples[i])
              ? 'must be a number (samples.0 is a number, so samples is 1-D)'
              : 'must be a finite number',
          )
        )
          break
      }
      if (issues.length === 0) values = samples as number[]
    }
  }

  if (issues.length === 0) {
    const kind: ValidTailIndexInput['method'] =
      values !== null ? 'scalar' : ((method as 'pooled' | 'vector' | undefined) ?? 'pooled')
    // Number of units the blocks are made of: samples (1-D), pooled numbers, or rows (vector).
    const units = values !== null ? values.length : kind === 'vector' ? rows!.length : rows!.length * rows![0].length
    const unitName = kind === 'vector' ? 'rows' : 'numbers'
    if (units < 4)
      add(
        'samples',
        `holds ${units} ${unitName}; at least 4 are needed (2 blocks of 2), and thousands for a useful interval`,
      )
    else if (blockSize !== undefined && Math.floor(units / (blockSize as number)) < 2) {
      add('blockSize', `leaves fewer than 2 blocks of the ${units} ${unitName}: use at most ${Math.floor(units / 2)}`)
    }
    if (issues.length === 0) {
      const ignored: string[] = []
      if (kind === 'scalar' && method !== undefined) ignored.push('method')
      if (kind !== 'pooled' && standardize !== undefined) ignored.push('standardize')
      return success({
        values,
        rows,
        method: kind,
        standardize: (standardize as boolean | undefined) ?? true,
        center: (center as boolean | undefined) ?? false,
        blockSize: blockSize as number | undefined,
        confidence: (confidence as number | undefined) ?? 0.95,
        diagnostics: (diagnostics as boolean | undefined) ?? false,
        ignored,
      })
    }
  }
  const more = issues.length >= MAX_ISSUES ? ` (the first ${MAX_ISSUES} problems are listed)` : ''
  return invalid(`The tail-index request is invalid${more}: ${issues[0].path} ${issues[0].message}.`, issues)
}
