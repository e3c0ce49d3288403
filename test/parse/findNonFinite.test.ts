/** The boundary guard: the first non-finite number, null or too-deep value, with its dotted path. */
import { describe, expect, it } from 'vitest'
import { findNonFinite } from '../../src/parse/findNonFinite.ts'

describe('findNonFinite', () => {
  it('finds NaN, ±Infinity and null with their dotted paths', () => {
    expect(findNonFinite({ a: [1, 2, { b: [3, NaN] }] })).toEqual({ path: 'a.2.b.1', kind: 'non-finite' })
    expect(findNonFinite({ x: [1, -Infinity] })).toEqual({ path: 'x.1', kind: 'non-finite' })
    expect(findNonFinite({ a: { b: null } })).toEqual({ path: 'a.b', kind: 'null' })
    expect(findNonFinite({ a: { b: null } }, 32, true)).toBeUndefined()
    expect(findNonFinite(Infinity)).toEqual({ path: '', kind: 'non-finite' })
  })

  it('passes finite trees, strings and booleans', () => {
    expect(findNonFinite({ a: [1, -0, 5e-324, 1.7976931348623157e308], s: 'NaN', t: true, o: {} })).toBeUndefined()
  })

  it('refuses nesting deeper than the limit without recursion (10^5 levels)', () => {
    let x: unknown = 1
    for (let i = 0; i < 100_000; i++) x = [x]
    expect(findNonFinite(x, 32)?.kind).toBe('too-deep')
    expect(findNonFinite([[[1]]], 3)).toBeUndefined()
    expect(findNonFinite([[[[1]]]], 3)).toEqual({ path: '0.0.0', kind: 'too-deep' })
  })
})
