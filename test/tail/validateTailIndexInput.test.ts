import { describe, expect, it } from 'vitest'
import { validateTailIndexInput } from '../../src/tail/validateTailIndexInput.ts'

describe('validateTailIndexInput (docs/api.md#tail-index defaults)', () => {
  it('applies the defaults: pooled, standardised, not centred, automatic K1, 95%', () => {
    const r = validateTailIndexInput({
      samples: [
        [1, 2],
        [3, 4],
      ],
    })
    expect(r.ok && r.value).toMatchObject({
      method: 'pooled',
      standardize: true,
      center: false,
      blockSize: undefined,
      confidence: 0.95,
      ignored: [],
    })
    const s = validateTailIndexInput({ samples: [1, 2, 3, 4], center: true, confidence: 0.9, blockSize: 2 })
    expect(s.ok && s.value).toMatchObject({
      method: 'scalar',
      center: true,
      confidence: 0.9,
      blockSize: 2,
      values: [1, 2, 3, 4],
      rows: null,
    })
  })
  it('records fields that do not apply to the input', () => {
    const r = validateTailIndexInput({ samples: [1, 2, 3, 4], method: 'pooled', standardize: false })
    expect(r.ok && r.value.ignored).toEqual(['method', 'standardize'])
    const v = validateTailIndexInput({ samples: [[1], [2], [3], [4]], method: 'vector', standardize: true })
    expect(v.ok && v.value.ignored).toEqual(['standardize'])
  })
  it('counts blocks in rows for the vector method and in numbers for the pooled one', () => {
    const rows = Array.from({ length: 5 }, (_, i) => [i, -i, 2 * i])
    expect(validateTailIndexInput({ samples: rows, method: 'vector', blockSize: 3 }).ok).toBe(false) // 5 rows: 1 block of 3
    expect(validateTailIndexInput({ samples: rows, blockSize: 3 }).ok).toBe(true) // 15 numbers: 5 blocks of 3
  })
})
