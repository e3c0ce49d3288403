import { describe, expect, it } from 'vitest'
import { nonFiniteIssues } from '../../src/escape/nonFiniteIssues.ts'

describe('nonFiniteIssues', () => {
  it('lists the dotted path of every non-finite number and nothing else', () => {
    const issues = nonFiniteIssues({ a: 1, b: [2, Infinity, { c: NaN }], d: 'x', e: null, f: { g: -Infinity } })
    expect(issues.map((i) => i.path)).toEqual(['b.1', 'b.2.c', 'f.g'])
    expect(nonFiniteIssues({ a: [1, 2, 3], b: { c: 0 } })).toEqual([])
    expect(nonFiniteIssues(new Array(100).fill(NaN), 5).length).toBe(5)
    expect(nonFiniteIssues(NaN)).toEqual([{ path: '', message: 'must be a finite number' }])
  })
})
