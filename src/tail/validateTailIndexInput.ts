/**
 * The checks of a parsed `/v1/tail-index` request that depend on the data (docs/theory.md#block-layout):
 * the schema (src/schemas/tailIndex.ts, applied by `parseInput`) has already checked every shape and range
 * (1-D numbers or equal-length rows, at most 250,000 numbers, blockSize ≥ 2, confidence in (0, 1)). Here:
 * at least 4 units (samples, pooled numbers or rows) so that there are two blocks of two; a given
 * `blockSize` that leaves at least two blocks; the defaults; and the options that do not apply to this
 * input (reported as warnings by the estimator).
 */
import { invalid, type Result, success } from '../result.ts'
import type { TailIndexParsed } from '../schemas/tailIndex.ts'

/** A tail-index request after its data-dependent checks, defaults applied. */
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
  ignored: ('method' | 'standardize')[]
}

const isMatrix = (samples: number[] | number[][]): samples is number[][] => Array.isArray(samples[0])

/**
 * The data-dependent checks of a parsed tail-index request (docs/theory.md#block-layout): at least 4 units so that
 * there are two blocks of two, a `blockSize` that leaves two blocks, the defaults, and the options that do not apply.
 * `invalid` Failure with the dotted path otherwise.
 */
export function validateTailIndexInput(req: TailIndexParsed): Result<ValidTailIndexInput> {
  const { samples, blockSize } = req
  const rows = samples.length > 0 && isMatrix(samples) ? samples : null
  const values = rows ? null : (samples as number[])
  const method: ValidTailIndexInput['method'] = values !== null ? 'scalar' : (req.method ?? 'pooled')
  // Number of units the blocks are made of: samples (1-D), pooled numbers, or rows (vector).
  const units = values !== null ? values.length : method === 'vector' ? rows!.length : rows!.length * rows![0].length
  const unitName = method === 'vector' ? 'rows' : 'numbers'
  if (units < 4) {
    const message = `holds ${units} ${unitName}; at least 4 are needed (2 blocks of 2), and thousands for a useful interval`
    return invalid(`The tail-index request is invalid: samples ${message}.`, [{ path: 'samples', message }])
  }
  if (blockSize !== undefined && Math.floor(units / blockSize) < 2) {
    const message = `leaves fewer than 2 blocks of the ${units} ${unitName}: use at most ${Math.floor(units / 2)}`
    return invalid(`The tail-index request is invalid: blockSize ${message}.`, [{ path: 'blockSize', message }])
  }
  const ignored: ValidTailIndexInput['ignored'] = []
  if (method === 'scalar' && req.method !== undefined) ignored.push('method')
  if (method !== 'pooled' && req.standardize !== undefined) ignored.push('standardize')
  return success({
    values,
    rows,
    method,
    standardize: req.standardize ?? true,
    center: req.center ?? false,
    blockSize,
    confidence: req.confidence ?? 0.95,
    diagnostics: req.diagnostics ?? false,
    ignored,
  })
}
