/**
 * GET forms (docs/api.md#get-forms): a POST body flattened into the query string with dotted keys,
 * arrays as comma-separated lists (`x=1,2,3`), arrays of arrays as `;`-separated rows of comma-separated
 * numbers (`basin.hessian=2,0;0,1`). Strings are coerced to numbers and booleans where the valibot schema
 * at that path expects them; anything that does not coerce is left as a string, so validation reports it.
 */
import type { GenericSchema } from 'valibot'
import { is } from 'valibot'
import type { FieldIssue } from '../result.ts'
import type { SchemaNode as Node } from './schemaNode.ts'

type Raw = string | { [key: string]: Raw }

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor'])
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** Most distinct query keys accepted. */
const MAX_QUERY_KEYS = 64

/** Nests dotted keys; returns issues for repeated keys, empty segments and leaf/object clashes. */
export function nestQuery(params: URLSearchParams): { value: Record<string, Raw>; issues: FieldIssue[] } {
  const root: Record<string, Raw> = {}
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  for (const [key, val] of params) {
    if (seen.has(key)) {
      issues.push({ path: key, message: 'given more than once; send arrays as one comma-separated value' })
      continue
    }
    seen.add(key)
    if (seen.size > MAX_QUERY_KEYS) {
      issues.push({ path: '', message: `at most ${MAX_QUERY_KEYS} query parameters` })
      break
    }
    const parts = key.split('.')
    if (parts.some((p) => p === '' || FORBIDDEN.has(p))) {
      issues.push({ path: key, message: 'not a valid dotted key' })
      continue
    }
    let node: Record<string, Raw> = root
    let clash = false
    for (let i = 0; i < parts.length - 1; i++) {
      const next = Object.hasOwn(node, parts[i]) ? node[parts[i]] : undefined
      if (typeof next === 'string') {
        clash = true
        break
      }
      if (next === undefined) node[parts[i]] = {}
      node = node[parts[i]] as Record<string, Raw>
    }
    const last = parts[parts.length - 1]
    if (clash || Object.hasOwn(node, last)) {
      issues.push({
        path: key,
        message: 'clashes with another query key (a field cannot be both a value and an object)',
      })
      continue
    }
    node[last] = val
  }
  return { value: root, issues }
}

function unwrap(schema: Node): Node {
  let s = schema
  for (let i = 0; i < 8 && s.wrapped; i++) s = s.wrapped
  return s
}

function coerceString(text: string, schema: Node): unknown {
  const s = unwrap(schema)
  switch (s.type) {
    case 'number':
      return NUMBER.test(text.trim()) ? Number(text.trim()) : text
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text
    case 'literal':
      return typeof s.literal === 'number' && NUMBER.test(text) ? Number(text) : text
    case 'array': {
      const item = unwrap(s.item!)
      if (text === '') return []
      if (item.type === 'array') return text.split(';').map((row) => coerceString(row, item))
      return text.split(',').map((part) => coerceString(part, item))
    }
    case 'union': {
      const options = (s.options as Node[]).map(unwrap)
      const arrays = options.filter((o) => o.type === 'array')
      if (arrays.length > 0 && (text.includes(',') || text.includes(';'))) return coerceString(text, arrays[0])
      for (const o of options) {
        if (o.type === 'array') continue
        const value = coerceString(text, o)
        if (is(o as unknown as GenericSchema, value)) return value
      }
      return arrays.length > 0 ? coerceString(text, arrays[0]) : text
    }
    default:
      return text
  }
}

function coerceObject(raw: Record<string, Raw>, schema: Node): unknown {
  const s = unwrap(schema)
  if ((s.type === 'object' || s.type === 'loose_object' || s.type === 'strict_object') && s.entries) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(raw)) out[k] = Object.hasOwn(s.entries, k) ? coerce(v, s.entries[k]) : v
    return out
  }
  if (s.type === 'variant' && s.key) {
    const tag = raw[s.key]
    const matching = (s.options as Node[]).filter((o) => {
      const tagSchema = unwrap(o).entries?.[s.key!]
      return (
        tagSchema && typeof tag === 'string' && is(tagSchema as unknown as GenericSchema, coerceString(tag, tagSchema))
      )
    })
    for (const o of matching) {
      const value = coerceObject(raw, o)
      if (is(o as unknown as GenericSchema, value)) return value
    }
    return matching.length > 0 ? coerceObject(raw, matching[0]) : raw
  }
  if (s.type === 'union') {
    const objects = (s.options as Node[]).map(unwrap).filter((o) => o.entries || o.type === 'variant')
    for (const o of objects) {
      const value = coerceObject(raw, o)
      if (is(o as unknown as GenericSchema, value)) return value
    }
    return objects.length > 0 ? coerceObject(raw, objects[0]) : raw
  }
  return raw
}

function coerce(raw: Raw, schema: Node): unknown {
  return typeof raw === 'string' ? coerceString(raw, schema) : coerceObject(raw, schema)
}

/** The query string as an input for `schema`, plus the issues found while nesting the keys. */
export function queryToInput(params: URLSearchParams, schema: GenericSchema): { value: unknown; issues: FieldIssue[] } {
  const { value, issues } = nestQuery(params)
  return { value: coerceObject(value, schema as unknown as Node), issues }
}
