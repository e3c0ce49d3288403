/**
 * Completes the OpenAPI document that hono-openapi generates into the published contract:
 * - `servers` (this Worker's origin, relative) and `security: []` (no operation needs credentials);
 * - JSON Schema 2020-12 tuples: a draft-04/07 `items: [a, b]` (+ `additionalItems`) becomes `prefixItems: [a, b]`
 *   with `items` = the former `additionalItems` (false when absent);
 * - a named component schema for every request and response body (`EscapeTimeRequest`,
 *   `EscapeTimeResponse`, …), shared by the GET and POST forms of an operation, and one per problem type
 *   (`InvalidInputProblem`, `NotFoundProblem`, …) with reusable responses (`#/components/responses/…`);
 * - the problems each operation can answer: 400 for every operation (bad input; operations without
 *   parameters refuse any query key), 404 for the `{id}` routes, 413/415 for bodies, 422 for computations.
 *   405 answers a method that a path does not have, so it belongs to no operation; `/docs` lists it;
 * - an example request and answer for every operation that computes something: the requests of
 *   workers/docs/exampleRequests.ts and the answers a running Worker gave them
 *   (workers/docs/recordedExamples.ts, replayed against the Worker by a test).
 * Pure: returns a new document.
 */
import { PROBLEM_TYPES, problemType } from '../problem.ts'
import { EXAMPLE_MODEL_ID, EXAMPLE_REQUESTS, exampleKey } from './exampleRequests.ts'
import { recordedAnswer } from './recordedExamples.ts'

type Json = Record<string, any>

/** Reusable responses by status: [component name, problem schema name, description]. */
const PROBLEM_RESPONSES: Record<number, [string, string, string]> = {
  400: ['BadRequest', 'InvalidInputProblem', 'Invalid input: one `errors` entry per bad field, with its dotted path.'],
  404: ['NotFound', 'NotFoundProblem', 'Unknown path or unknown model id.'],
  413: ['PayloadTooLarge', 'PayloadTooLargeProblem', 'The body is over the size limit; refused before it is read.'],
  415: ['UnsupportedMediaType', 'UnsupportedMediaTypeProblem', 'The body is not sent as JSON.'],
  422: [
    'Unanswerable',
    'UnanswerableProblem',
    'Valid input that the theory or the budget cannot answer; `detail` says what to change.',
  ],
}

/** Base names of the operations' bodies, by path. */
const BODY_NAMES: Record<string, string> = {
  '/healthz': 'Health',
  '/v1/models': 'ModelList',
  '/v1/models/{id}': 'Model',
  '/v1/models/{id}/probe': 'ModelProbe',
  '/v1/probe': 'UserModelProbe',
}

export function bodyName(path: string): string {
  if (BODY_NAMES[path]) return BODY_NAMES[path]
  return path
    .replace(/^\/v1\//, '')
    .split(/[/.-]/)
    .filter((s) => s && !s.startsWith('{'))
    .map((s) => s[0].toUpperCase() + s.slice(1))
    .join('')
}

/** Draft-04 tuples to 2020-12 `prefixItems`, everywhere in a schema tree. */
function tuplesToPrefixItems(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) tuplesToPrefixItems(n)
    return
  }
  if (!node || typeof node !== 'object') return
  const o = node as Json
  if (Array.isArray(o.items)) {
    o.prefixItems = o.items
    // draft-07 `additionalItems` (false: nothing after the tuple) is 2020-12 `items`
    o.items = o.additionalItems ?? false
    delete o.additionalItems
    o.minItems ??= o.prefixItems.length
    o.maxItems ??= o.prefixItems.length
  }
  for (const v of Object.values(o)) tuplesToPrefixItems(v)
}

const isRef = (s: Json | undefined) => !!s && typeof s.$ref === 'string'

export function publishOpenApi(generated: Json): Json {
  const doc: Json = structuredClone(generated)
  doc.servers = [{ url: '/', description: 'The Worker that serves this document.' }]
  doc.security = []
  doc.components = { schemas: {}, responses: {}, ...doc.components }
  const schemas: Json = doc.components.schemas
  const responses: Json = doc.components.responses

  /** The reusable response of a problem status, added to the components on first use. */
  const problemResponse = (status: number): Json | undefined => {
    const entry = PROBLEM_RESPONSES[status]
    if (!entry) return undefined
    const [responseName, schemaName, description] = entry
    if (!responses[responseName]) {
      const [slug, title] = PROBLEM_TYPES[status]
      schemas[schemaName] = {
        description: `${title}: the problem body of a ${status} answer.`,
        allOf: [
          { $ref: '#/components/schemas/Problem' },
          { type: 'object', properties: { status: { const: status }, type: { const: problemType(status) } } },
        ],
        'x-problem-type': slug,
      }
      responses[responseName] = {
        description,
        content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
      }
    }
    return { $ref: `#/components/responses/${responseName}` }
  }

  /** Names a body schema: reuses an equal one, otherwise adds it under `name` (or name2, name3, …). */
  const named = (name: string, schema: Json): Json => {
    if (isRef(schema)) return schema
    const text = JSON.stringify(schema)
    let candidate = name
    for (let i = 2; schemas[candidate] && JSON.stringify(schemas[candidate]) !== text; i++) candidate = `${name}${i}`
    schemas[candidate] = schema
    return { $ref: `#/components/schemas/${candidate}` }
  }

  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const op of Object.values<Json>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue
      const base = bodyName(path)
      for (const [type, media] of Object.entries<Json>(op.requestBody?.content ?? {})) {
        if (media.schema) media.schema = named(`${base}Request`, media.schema)
        if (type === 'multipart/form-data' && media.schema) media.schema = named(`${base}Request`, media.schema)
      }
      const ok = op.responses['200']?.content?.['application/json']
      if (ok?.schema && Object.keys(ok.schema).length > 0) ok.schema = named(`${base}Response`, ok.schema)

      const statuses = new Set<number>(
        Object.keys(op.responses)
          .map(Number)
          .filter((s) => s >= 400),
      )
      statuses.add(400)
      if (path.includes('{id}')) statuses.add(404)
      for (const s of statuses) {
        const ref = problemResponse(s)
        if (ref) op.responses[String(s)] = ref
      }
    }
  }
  addExamples(doc)
  tuplesToPrefixItems(doc.components.schemas)
  tuplesToPrefixItems(doc.paths)
  return doc
}

/** A query value as the parameter's schema reads it (`x=0,1,10` → [0, 1, 10]). */
function typedValue(raw: string, schema: Json): unknown {
  const number = (t: string) => (Number.isFinite(Number(t)) && t.trim() !== '' ? Number(t) : t)
  const alternatives: Json[] = Array.isArray(schema.anyOf) ? schema.anyOf : [schema]
  const list = alternatives.find((a) => a.type === 'array')
  if (list && (raw.includes(',') || !alternatives.some((a) => a.type === 'number' || a.type === 'integer')))
    return raw.split(',').map(number)
  if (alternatives.some((a) => a.type === 'number' || a.type === 'integer')) return number(raw)
  return raw
}

function addExamples(doc: Json): void {
  for (const e of EXAMPLE_REQUESTS) {
    const op: Json | undefined = doc.paths?.[e.path]?.[e.method]
    const answer = recordedAnswer(exampleKey(e))
    if (!op || !answer) continue
    if (e.body !== undefined && op.requestBody?.content?.['application/json'])
      op.requestBody.content['application/json'].example = e.body
    for (const p of op.parameters ?? []) if (p.in === 'path' && p.name === 'id') p.example = EXAMPLE_MODEL_ID
    if (e.query) {
      const query = new URLSearchParams(e.query)
      for (const p of op.parameters ?? []) {
        const raw = query.get(p.name)
        if (raw !== null) p.example = typedValue(raw, p.schema ?? {})
      }
    }
    const ok = op.responses?.['200']?.content?.['application/json']
    if (ok) ok.example = answer.response
  }
}
