/**
 * fast-check arbitraries for fuzzing the HTTP endpoints:
 * - `fromSchema(schema)`: values shaped by a valibot request schema (ranges read from its pipe actions,
 *   small array lengths, optional keys sometimes left out), mostly valid, with cross-field rules left to chance;
 * - `mutate(valid)`: the same body with one field replaced by something hostile (wrong type, NaN/Infinity
 *   strings, unicode, a huge array, deep nesting, null, out-of-range extremes);
 * - `toQuery(body)`: a body flattened into a dotted query string (the GET form), and hostile query strings;
 * - `checkAnswer`: the property every answer must satisfy (no 5xx; a 200 that passes the response schema with
 *   finite numbers, or a problem body with a 4xx status).
 */
import fc from 'fast-check'
import * as v from 'valibot'
import { expect } from 'vitest'
import { findNonFinite } from '../../src/parse/findNonFinite.ts'
import type { SchemaNode as Node } from '../../src/parse/schemaNode.ts'
import { Problem } from '../../src/schemas/problem.ts'

const MAX_LEN = 12

function bounds(s: Node) {
  let lo = -1e6
  let hi = 1e6
  let loOpen = false
  let hiOpen = false
  let integer = false
  let minLen = 0
  let maxLen = MAX_LEN
  for (const a of s.pipe ?? []) {
    const r = a.requirement as number
    if (a.type === 'min_value') lo = Math.max(lo, r)
    if (a.type === 'gt_value') {
      lo = Math.max(lo, r)
      loOpen = true
    }
    if (a.type === 'max_value') hi = Math.min(hi, r)
    if (a.type === 'lt_value') {
      hi = Math.min(hi, r)
      hiOpen = true
    }
    if (a.type === 'integer' || a.type === 'safe_integer') integer = true
    if (a.type === 'min_length') minLen = r
    if (a.type === 'max_length') maxLen = Math.min(MAX_LEN, r)
  }
  return { lo, hi, loOpen, hiOpen, integer, minLen, maxLen: Math.max(minLen, maxLen) }
}

export function fromSchema(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = schema as Node
  switch (s.type) {
    case 'optional':
    case 'nullish':
    case 'exact_optional':
      return fromSchema(s.wrapped, depth)
    case 'number': {
      const b = bounds(s)
      if (b.integer) return fc.integer({ min: Math.ceil(Math.max(b.lo, -1e6)), max: Math.floor(Math.min(b.hi, 2000)) })
      const edges = [b.lo, b.hi].filter((x) => Number.isFinite(x))
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc.double({
            min: b.lo,
            max: b.hi,
            minExcluded: b.loOpen,
            maxExcluded: b.hiOpen,
            noNaN: true,
            noDefaultInfinity: true,
          }),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...edges, ...edges.map((e) => e + 1e-9), ...edges.map((e) => e - 1e-9)),
        },
      )
    }
    case 'boolean':
      return fc.boolean()
    case 'string':
      return fc.string()
    case 'picklist':
      return fc.constantFrom(...(s.options as (string | number)[]))
    case 'literal':
      return fc.constant(s.literal)
    case 'array': {
      const b = bounds(s)
      return fc.array(fromSchema(s.item, depth + 1), { minLength: b.minLen, maxLength: b.maxLen })
    }
    case 'object':
    case 'loose_object':
    case 'strict_object': {
      const entries = s.entries ?? {}
      const required = Object.keys(entries).filter(
        (k) => !['optional', 'nullish', 'exact_optional'].includes(entries[k].type),
      )
      const rec: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, e] of Object.entries(entries)) rec[k] = fromSchema(e, depth + 1)
      return fc.record(rec, { requiredKeys: required }) as fc.Arbitrary<unknown>
    }
    case 'union':
    case 'variant':
      return fc.oneof(...(s.options as Node[]).map((o) => fromSchema(o, depth + 1)))
    default:
      return fc.anything()
  }
}

const deep = (n: number): unknown => {
  let x: unknown = 1
  for (let i = 0; i < n; i++) x = [x]
  return x
}

/** Hostile values. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '',
    ' ',
    '0x10',
    '1,2',
    'true',
    null,
    true,
    [],
    {},
    -0,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0,
    2.0000001,
    1e-300,
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1001, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i / 7)),
  fc.integer({ min: 33, max: 80 }).map(deep),
  fc.anything({ maxDepth: 3 }),
  fc.double(),
)

type Json = Record<string, unknown>

/** Replaces one (possibly nested) field of an object body, or adds an unknown one. */
export function mutate(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, hostile, fc.nat(), fc.nat()).map(([body, bad, pick, pick2]) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return bad
    const copy = structuredClone(body) as Json
    const keys = Object.keys(copy)
    if (keys.length === 0) return { [String(pick)]: bad }
    const k = keys[pick % keys.length]
    const inner = copy[k]
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && pick2 % 2 === 0) {
      const ik = Object.keys(inner as Json)
      if (ik.length > 0) (inner as Json)[ik[pick2 % ik.length]] = bad
      else copy[k] = bad
    } else if (Array.isArray(inner) && inner.length > 0 && pick2 % 3 === 0) {
      inner[pick2 % inner.length] = bad
    } else copy[k] = bad
    return copy
  })
}

/** A body flattened into the GET form: dotted keys, arrays comma-separated, rows `;`-separated. */
export function toQuery(body: unknown): string {
  const params = new URLSearchParams()
  const walk = (x: unknown, path: string): void => {
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      for (const [k, vv] of Object.entries(x as Json)) walk(vv, path ? `${path}.${k}` : k)
    } else if (Array.isArray(x)) {
      params.append(
        path || 'body',
        x.map((r) => (Array.isArray(r) ? r.join(',') : String(r))).join(x.some(Array.isArray) ? ';' : ','),
      )
    } else params.append(path || 'body', String(x))
  }
  walk(body, '')
  return params.toString()
}

/** Hostile query strings. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 8 })
    .map((kv) => new URLSearchParams(kv).toString()),
  fc.constantFrom(
    'a=1&a=2',
    'x=NaN',
    'x=1..2',
    '__proto__.x=1',
    'constructor.prototype.x=1',
    '%',
    '%E0%A4%A',
    'a.b=1&a=2',
    `x=${'9'.repeat(400)}`,
    `x=${Array.from({ length: 5000 }, () => '1').join(',')}`,
  ),
)

const ALLOWED_PROBLEM = new Set([400, 404, 405, 413, 415, 422])

/** The fuzz property of one answer. Returns the status. */
export async function checkAnswer(res: Response, response: v.GenericSchema): Promise<number> {
  expect(res.status).toBeLessThan(500)
  const text = await res.text()
  if (res.status === 200) {
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = JSON.parse(text)
    const parsed = v.safeParse(response, body)
    if (!parsed.success)
      throw new Error(
        `200 body fails the response schema: ${JSON.stringify(parsed.issues.map((i) => [v.getDotPath(i), i.message]))} in ${text.slice(0, 300)}`,
      )
    expect(findNonFinite(body, 64)).toBeUndefined()
  } else {
    expect(ALLOWED_PROBLEM.has(res.status), `status ${res.status}: ${text.slice(0, 200)}`).toBe(true)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = JSON.parse(text)
    expect(v.is(Problem, body)).toBe(true)
    expect(body.status).toBe(res.status)
  }
  return res.status
}
