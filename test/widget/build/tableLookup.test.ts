import { describe, expect, it } from 'vitest'
import { exactTail } from '../../../src/stable/exactTail.ts'
import { pdf } from '../../../src/stable/index.ts'
import { tableLookup as original } from '../../../src/stable/tableLookup.ts'
import { tableLookup } from '../../../src/widget/build/tableLookup.ts'

describe('browser stand-in for the SαS table', () => {
  it('has the original signature and answers "not tabled" everywhere, also where the original is tabled', () => {
    expect(original(5, 1.5)).toBeDefined()
    expect(tableLookup(5, 1.5)).toBeUndefined()
  })
  it('so the widget density (table-free path) equals the API pdf (tabled) to 1e-11 relative on its plot grid', () => {
    for (const alpha of [1.1, 1.3, 1.5, 1.77, 1.9])
      for (let i = 0; i <= 24; i++) {
        const x = (10 * i) / 24
        const a = exactTail(x, alpha).pdf
        const b = pdf(x, alpha)
        expect(Math.abs(a - b) / b, `α=${alpha} x=${x}`).toBeLessThan(1e-11)
      }
  })
})
