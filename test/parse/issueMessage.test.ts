/**
 * issueMessage / received / fieldDescription on valibot issues from small schemas. Oracle: the schema's
 * constraint and the input, written out by hand for each issue kind.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { editDistance, fieldDescription, issueMessage, received } from '../../src/parse/issueMessage.ts'
import type { SchemaNode } from '../../src/parse/schemaNode.ts'

const messages = (schema: v.GenericSchema, input: unknown): [string, string][] => {
  const r = v.safeParse(schema, input, { abortPipeEarly: true })
  expect(r.success).toBe(false)
  return (r.issues ?? []).map((i) => {
    const path = v.getDotPath(i) ?? ''
    return [path, issueMessage(i, path, schema as unknown as SchemaNode)]
  })
}

describe('received', () => {
  it('renders scalars, shortens long values and names containers', () => {
    expect(received(2.5)).toBe('2.5')
    expect(received(-1)).toBe('-1')
    expect(received(true)).toBe('true')
    expect(received('ab"c')).toBe('"ab\\"c"')
    expect(received('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…" (41 characters)`)
    expect(received([1, 2, 3])).toBe('an array of 3 items')
    expect(received([1])).toBe('an array of 1 item')
    expect(received({ a: 1 })).toBe('an object')
    expect(received(null)).toBe('null')
    expect(received(undefined)).toBe('nothing')
    expect(received(1.2345678901234567e-300).length).toBeLessThanOrEqual(41)
  })
})

describe('issueMessage', () => {
  const S = v.object({
    k: v.pipe(v.number(), v.minValue(0.5), v.maxValue(3), v.description('The k of the test.')),
    list: v.optional(v.pipe(v.array(v.string()), v.minLength(2), v.maxLength(3), v.description('Some names.'))),
    name: v.optional(v.pipe(v.string(), v.maxLength(4))),
    flag: v.optional(v.boolean()),
    count: v.optional(v.pipe(v.number(), v.integer())),
  })

  it('min/max value, with the description', () => {
    expect(messages(S, { k: 0.25 })).toEqual([['k', 'must be at least 0.5 (got 0.25): the k of the test.']])
    expect(messages(S, { k: 4 })).toEqual([['k', 'must be at most 3 (got 4): the k of the test.']])
  })

  it('array and string lengths, types, integer', () => {
    expect(messages(S, { k: 1, list: ['a'] })).toEqual([['list', 'must have at least 2 items (got 1): some names.']])
    expect(messages(S, { k: 1, list: ['a', 'b', 'c', 'd'] })).toEqual([
      ['list', 'must have at most 3 items (got 4): some names.'],
    ])
    expect(messages(S, { k: 1, name: 'abcdef' })).toEqual([['name', 'must have at most 4 characters (got 6)']])
    expect(messages(S, { k: 1, flag: 'yes' })).toEqual([['flag', 'must be true or false (got "yes")']])
    expect(messages(S, { k: 1, list: 'a,b' })).toEqual([['list', 'must be an array (got "a,b"): some names.']])
    expect(messages(S, { k: [1] })).toEqual([['k', 'must be a number (got an array of 1 item): the k of the test.']])
    expect(messages(S, { k: 1, count: 1.5 })).toEqual([['count', 'must be a whole number (got 1.5)']])
  })

  it('missing and unknown keys', () => {
    expect(messages(S, {})).toEqual([['k', 'is required: the k of the test.']])
    expect(messages(v.strictObject({ a: v.number() }), { a: 1, b: 2 })).toEqual([
      ['b', 'is not a known field: remove it or check its spelling (accepted here: `a`)'],
    ])
    // "did you mean" within edit distance 2 (case-insensitive), nothing beyond
    const Noise = v.strictObject({ noise: v.strictObject({ scale: v.number(), model: v.optional(v.string()) }) })
    expect(messages(Noise, { noise: { scale: 1, modle: 'x' } })).toEqual([
      ['noise.modle', 'is not a known field: did you mean `model`? (accepted here: `scale`, `model`)'],
    ])
    expect(messages(Noise, { noise: { scale: 1, Model: 'x' } })[0][1]).toMatch(/did you mean `model`\?/)
    expect(messages(Noise, { noise: { scale: 1, mdl: 'x' } })[0][1]).toMatch(/did you mean `model`\?/)
    expect(messages(Noise, { noise: { scale: 1, xyzzy: 'x' } })[0][1]).toMatch(/^is not a known field: remove it/)
    // a key of another form of a variant: the forms are mixed, not misspelt
    const Basin = v.variant('kind', [
      v.strictObject({ kind: v.literal('a'), left: v.number() }),
      v.strictObject({ kind: v.literal('b'), height: v.number() }),
    ])
    expect(messages(v.strictObject({ basin: Basin }), { basin: { kind: 'a', left: 1, height: 2 } })).toEqual([
      ['basin.height', 'does not go with the other fields given here: each form of this object takes its own fields'],
    ])
  })

  it('edit distance', () => {
    expect(editDistance('modle', 'model')).toBe(2)
    expect(editDistance('alpa', 'alpha')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('beta', 'beta')).toBe(0)
  })

  it('keeps a message written in the schema and adds the received scalar', () => {
    expect(messages(v.pipe(v.number(), v.ltValue(1, 'p must be below 1')), 2)).toEqual([
      ['', 'p must be below 1 (got 2)'],
    ])
    expect(messages(v.pipe(v.array(v.number()), v.minLength(1, 'x needs a point')), [])).toEqual([
      ['', 'x needs a point'],
    ])
  })
})

describe('fieldDescription', () => {
  it('follows entries, optional wrappers, variant options and array items', () => {
    const S = v.object({
      a: v.optional(v.object({ b: v.pipe(v.number(), v.description('B.')) })),
      xs: v.pipe(v.array(v.number()), v.description('Xs.')),
      u: v.variant('kind', [v.object({ kind: v.literal('p'), p: v.pipe(v.number(), v.description('P.')) })]),
    }) as unknown as SchemaNode
    expect(fieldDescription(S, 'a.b')).toBe('B.')
    expect(fieldDescription(S, 'xs.3')).toBe('Xs.')
    expect(fieldDescription(S, 'u.p')).toBe('P.')
    expect(fieldDescription(S, 'a')).toBeUndefined()
    expect(fieldDescription(S, 'nope.b')).toBeUndefined()
  })
})
