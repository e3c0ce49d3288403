import { describe, expect, it } from 'vitest'
import { nonFinitePaths, numericLeaves } from './numericLeaves.ts'

describe('numericLeaves: the check that JSON.stringify cannot make', () => {
  it('finds NaN and ±Infinity that JSON.stringify writes as null', () => {
    const v = { a: 1, b: { c: [2, Number.NaN, { d: Number.POSITIVE_INFINITY }] }, e: new Float64Array([3, -Infinity]) }
    expect(JSON.stringify({ a: Number.NaN })).toBe('{"a":null}')
    expect(nonFinitePaths(v)).toEqual(['b.c.1', 'b.c.2.d', 'e.1'])
    expect(numericLeaves(v).numbers.map((n) => n.path)).toEqual(['a', 'b.c.0', 'b.c.1', 'b.c.2.d', 'e.0', 'e.1'])
  })
  it('reports null and undefined leaves separately; strings and booleans are neither', () => {
    expect(numericLeaves({ a: null, b: [undefined], c: 'x', d: true })).toEqual({ numbers: [], other: ['a', 'b.0'] })
  })
})
