/**
 * One plain-words message per valibot issue (docs/api.md#errors: a bad field names the field and the
 * fix). An unknown key is named with the closest accepted key ("did you mean", edit distance ≤ 2) and the
 * keys accepted there. valibot's default text (`Invalid value: Expected <2 but received 2.5`) is rendered per issue kind as
 * the broken constraint, the received value and, when the schema describes the field, that description:
 * `must be less than 2 (got 2.5): tail index α of the symmetric α-stable gradient noise, in the open interval (1, 2).`
 * A message written in the schema itself is kept, with the received value appended when it is a scalar.
 * Received values are shortened to at most 40 characters; objects and arrays are named, never dumped.
 */
import type { BaseIssue } from 'valibot'
import type { SchemaNode } from './schemaNode.ts'

/** Longest rendering of a received string or number. */
const MAX_RECEIVED = 40

/** A short, finite rendering of a received value: `2.5`, `"abc"`, `an array of 3 items`, `an object`. */
export function received(input: unknown): string {
  if (input === undefined) return 'nothing'
  if (input === null) return 'null'
  if (Array.isArray(input)) return `an array of ${input.length} item${input.length === 1 ? '' : 's'}`
  if (typeof input === 'string') {
    const s = JSON.stringify(input.length > MAX_RECEIVED ? input.slice(0, MAX_RECEIVED) : input)
    return input.length > MAX_RECEIVED ? `${s.slice(0, -1)}…" (${input.length} characters)` : s
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') {
    const s = String(input)
    return s.length > MAX_RECEIVED ? `${s.slice(0, MAX_RECEIVED)}…` : s
  }
  if (typeof input === 'object') return 'an object'
  return typeof input
}

/** valibot's own English text for `issue` (src/utils/_addIssue), whatever its label (`type`, `value`, `key`, ...). */
function isDefaultMessage(issue: BaseIssue<unknown>): boolean {
  const m = /^Invalid [a-z ]+: /.exec(issue.message)
  if (!m) return false
  const rest = `${issue.expected ? `Expected ${issue.expected} but r` : 'R'}eceived ${issue.received}`
  return issue.message.slice(m[0].length) === rest
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  loose_object: 'an object',
  strict_object: 'an object',
  object_with_rest: 'an object',
  record: 'an object',
  tuple: 'an array',
  strict_tuple: 'an array',
  loose_tuple: 'an array',
  bigint: 'an integer',
}

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  Array: 'an array',
  Object: 'an object',
  null: 'null',
}

/** valibot's `expected` (`"a" | "b"`, `("a" | "b")`, `number | Array`) as words: `"a", "b"`, `a number or an array`. */
function alternatives(expected: string | null, joiner: string): string {
  const parts = (expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ')
  return parts.map((p) => EXPECTED_WORDS[p] ?? p).join(joiner)
}

const show = (requirement: unknown): string =>
  typeof requirement === 'number' || typeof requirement === 'string' ? received(requirement) : String(requirement)

const sizeOf = (input: unknown): number | undefined =>
  Array.isArray(input) || typeof input === 'string' ? input.length : undefined

function unit(input: unknown, n: unknown): string {
  const one = n === 1
  return typeof input === 'string' ? (one ? 'character' : 'characters') : one ? 'item' : 'items'
}

/** Levenshtein distance between two short strings (keys of a request). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = row
  }
  return previous[b.length]
}

/** Largest edit distance at which an unknown key is answered with "did you mean". */
const SUGGEST_DISTANCE = 2

/** The keys accepted by the object at `node` (all options of a union or variant). */
function keysOf(node: SchemaNode | undefined, depth = 0): string[] {
  const n = unwrap(node)
  if (!n || depth > 4) return []
  if (n.entries) return Object.keys(n.entries)
  if (!Array.isArray(n.options)) return []
  const keys: string[] = []
  for (const o of n.options) {
    if (typeof o === 'object' && o !== null) for (const k of keysOf(o as SchemaNode, depth + 1)) keys.push(k)
  }
  return [...new Set(keys)]
}

/** The node of `schema` at a dotted path ('' is the root). */
export function nodeAt(schema: SchemaNode | undefined, path: string): SchemaNode | undefined {
  let node = schema
  if (path === '') return node
  for (const key of path.split('.')) {
    node = child(node, key)
    if (!node) return undefined
  }
  return node
}

/**
 * The message for an unknown key at `path`: the closest accepted key within edit distance 2 (and under
 * half the longer key's length) as "did you mean", and the accepted keys of that object.
 */
function unknownKeyMessage(path: string, schema: SchemaNode | undefined): string {
  const cut = path.lastIndexOf('.')
  const key = path.slice(cut + 1)
  const known = keysOf(nodeAt(schema, cut < 0 ? '' : path.slice(0, cut)))
  // A key of another form of this object (a union or variant): the fields given mix two forms.
  if (known.includes(key))
    return 'does not go with the other fields given here: each form of this object takes its own fields'
  let best: string | undefined
  let bestDistance = SUGGEST_DISTANCE + 1
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase())
    // A short key is not "close" to every other short key: the edits must change under half of the longer one.
    if (d < bestDistance && d < Math.max(key.length, k.length) / 2) {
      best = k
      bestDistance = d
    }
  }
  const list =
    known.length > 0 && known.length <= 24 ? ` (accepted here: ${known.map((k) => `\`${k}\``).join(', ')})` : ''
  return best
    ? `is not a known field: did you mean \`${best}\`?${list}`
    : `is not a known field: remove it or check its spelling${list}`
}

/** The constraint broken by an issue whose message is valibot's default, with the received value. */
function constraint(issue: BaseIssue<unknown>): string {
  const got = `(got ${received(issue.input)})`
  const req = issue.requirement
  switch (issue.type) {
    case 'gt_value':
      return `must be greater than ${show(req)} ${got}`
    case 'lt_value':
      return `must be less than ${show(req)} ${got}`
    case 'min_value':
      return `must be at least ${show(req)} ${got}`
    case 'max_value':
      return `must be at most ${show(req)} ${got}`
    case 'value':
      return `must be ${show(req)} ${got}`
    case 'not_value':
      return `must not be ${show(req)} ${got}`
    case 'integer':
      return `must be a whole number ${got}`
    case 'safe_integer':
      return `must be a whole number between −(2^53 − 1) and 2^53 − 1 ${got}`
    case 'finite':
      return `must be a finite number ${got}`
    case 'multiple_of':
      return `must be a multiple of ${show(req)} ${got}`
    case 'min_length':
      return `must have at least ${show(req)} ${unit(issue.input, req)} (got ${sizeOf(issue.input)})`
    case 'max_length':
      return `must have at most ${show(req)} ${unit(issue.input, req)} (got ${sizeOf(issue.input)})`
    case 'length':
      return `must have exactly ${show(req)} ${unit(issue.input, req)} (got ${sizeOf(issue.input)})`
    case 'non_empty':
      return `must not be empty`
    case 'regex':
      return `must match the pattern ${String(req)} ${got}`
    case 'picklist':
    case 'enum':
    case 'variant':
      return `must be one of ${alternatives(issue.expected, ', ')} ${got}`
    case 'literal':
      return `must be ${issue.expected} ${got}`
    case 'union':
      return issue.expected
        ? `must be ${alternatives(issue.expected, ' or ')} ${got}`
        : `does not match any of the accepted forms ${got}`
  }
  if (issue.kind === 'schema') {
    // A missing or unknown key of an object: the path already names the key.
    if (issue.input === undefined && /^".*"$/.test(issue.expected ?? '')) return 'is required'
    const want = TYPE_WORDS[issue.type] ?? issue.expected ?? issue.type
    return `must be ${want} ${got}`
  }
  return `is not valid ${got}`
}

/** Returns the description in a schema node's pipe (the outermost first), if any. */
function descriptionOf(node: SchemaNode | undefined): string | undefined {
  for (let n = node, depth = 0; n && depth < 8; depth++) {
    const d = n.pipe?.find((a) => a.type === 'description' && typeof a.description === 'string')
    if (d) return d.description
    n = n.wrapped
  }
  return undefined
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node
  for (let depth = 0; n?.wrapped && depth < 8; depth++) n = n.wrapped
  return n
}

/** The child of `node` at one path key (object entry, array item, or the first union/variant option with it). */
function child(node: SchemaNode | undefined, key: string, depth = 0): SchemaNode | undefined {
  const n = unwrap(node)
  if (!n || depth > 4) return undefined
  if (n.entries && Object.hasOwn(n.entries, key)) return n.entries[key]
  if (n.item && /^\d+$/.test(key)) return n.item
  if (Array.isArray(n.options)) {
    for (const o of n.options) {
      if (typeof o !== 'object' || o === null) continue
      const c = child(o as SchemaNode, key, depth + 1)
      if (c) return c
    }
  }
  return undefined
}

/**
 * The description of the field at a dotted path of `schema`; an array item without its own description
 * takes its array's. Returns undefined when the schema does not describe the field.
 */
export function fieldDescription(schema: SchemaNode | undefined, path: string): string | undefined {
  if (!schema || path === '') return undefined
  let node: SchemaNode | undefined = schema
  let inherited: string | undefined
  for (const key of path.split('.')) {
    const next = child(node, key)
    if (!next) return undefined
    inherited = /^\d+$/.test(key) ? (descriptionOf(next) ?? inherited) : descriptionOf(next)
    node = next
  }
  return inherited
}

/** Lower-cases a leading capital of an ordinary word ("Tail index" → "tail index"; "SαS", "Adam's" are kept). */
const lead = (s: string): string => (/^[A-Z][a-z]+[ ,-]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s)

/** The message of one valibot issue at `path` (dotted) of `schema`. */
export function issueMessage(issue: BaseIssue<unknown>, path: string, schema?: SchemaNode): string {
  // An unknown key of a strict object: the path names the key.
  if (issue.kind === 'schema' && issue.expected === 'never') return unknownKeyMessage(path, schema)
  if (!isDefaultMessage(issue)) {
    const scalar =
      typeof issue.input === 'number' || typeof issue.input === 'string' || typeof issue.input === 'boolean'
    return scalar && !issue.message.includes('(got ')
      ? `${issue.message} (got ${received(issue.input)})`
      : issue.message
  }
  const text = constraint(issue)
  const description = fieldDescription(schema, path)
  return description ? `${text}: ${lead(description)}` : text
}
