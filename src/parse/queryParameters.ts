/**
 * OpenAPI `parameters` of a GET form: one query parameter per leaf of the request schema, named by its
 * dotted path (`basin.left`, `optimizers.sgd.alpha`), typed by the leaf's own JSON Schema (number, integer,
 * enumeration, bounds). Lists are `style: form, explode: false` (comma-separated, `x=0,0.5,1`), which is how
 * the GET form reads them; a matrix (rows separated by `;`) has no OpenAPI style and is a string with a
 * pattern. The leaf's type is repeated in words in the description.
 */
import { toJsonSchema } from '@valibot/to-json-schema'
import type { GenericSchema } from 'valibot'
import type { SchemaNode as Node } from './schemaNode.ts'

/** One OpenAPI query parameter of a GET form (docs/api.md#get-forms). */
export interface QueryParameter {
  name: string
  in: 'query'
  required: boolean
  description: string
  schema: Record<string, unknown>
  style?: 'form'
  explode?: false
}

/** Rows of comma-separated numbers separated by `;`. */
const MATRIX_PATTERN = '^[^;]+(;[^;]+)*$'

/** JSON Schema of a leaf, without the annotations that belong to the parameter. */
function leafSchema(s: Node): Record<string, unknown> {
  if (s.type === 'array' && unwrap(s.item!).type === 'array') return { type: 'string', pattern: MATRIX_PATTERN }
  try {
    const {
      $schema: _,
      description: __,
      ...schema
    } = toJsonSchema(s as unknown as GenericSchema, {
      errorMode: 'ignore',
    }) as Record<string, unknown>
    return Object.keys(schema).length > 0 ? schema : { type: 'string' }
  } catch {
    return { type: 'string' }
  }
}

const isList = (schema: Record<string, unknown>): boolean =>
  schema.type === 'array' ||
  (Array.isArray(schema.anyOf) && (schema.anyOf as Record<string, unknown>[]).some((a) => a.type === 'array'))

function describe(s: Node): string {
  switch (s.type) {
    case 'number':
      return (s.pipe ?? []).some((a) => a.type === 'integer' || a.type === 'safe_integer') ? 'integer' : 'number'
    case 'boolean':
      return '`true` or `false`'
    case 'picklist':
      return `one of ${(s.options as readonly (string | number)[]).map((o) => `\`${o}\``).join(', ')}`
    case 'literal':
      return `\`${String(s.literal)}\``
    case 'array': {
      const item = unwrap(s.item!)
      return item.type === 'array'
        ? `rows of ${describe(unwrap(item.item!))}, rows separated by \`;\`, entries by \`,\``
        : `comma-separated list of ${describe(item)}`
    }
    case 'union':
      return (s.options as Node[]).map((o) => describe(unwrap(o))).join(' or ')
    default:
      return s.type
  }
}

function unwrap(schema: Node): Node {
  let s = schema
  for (let i = 0; i < 8 && s.wrapped; i++) s = s.wrapped
  return s
}

const isOptional = (s: Node): boolean => s.type === 'optional' || s.type === 'nullish' || s.type === 'exact_optional'

function note(s: Node): string {
  const d = (s.pipe ?? []).find((a) => a.type === 'description')?.description
  return d ? ` ${d}` : ''
}

/** The schema of a key that several variants share (`basin.kind`: `"interval"` or `"quadratic"`). */
function mergeSchemas(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  if (JSON.stringify(a) === JSON.stringify(b)) return a
  const values = (x: Record<string, unknown>) => ('const' in x ? [x.const] : Array.isArray(x.enum) ? x.enum : undefined)
  const [va, vb] = [values(a), values(b)]
  if (va && vb) return { type: 'string', enum: [...new Set([...va, ...vb])] }
  const alternatives = (x: Record<string, unknown>) => (Array.isArray(x.anyOf) ? x.anyOf : [x]) as unknown[]
  return { anyOf: [...alternatives(a), ...alternatives(b)] }
}

function parameter(name: string, required: boolean, description: string, s: Node): QueryParameter {
  const schema = leafSchema(s)
  return {
    name,
    in: 'query',
    required,
    description,
    schema,
    ...(isList(schema) ? { style: 'form' as const, explode: false as const } : {}),
  }
}

/**
 * One OpenAPI query parameter per leaf of a request schema, named by its dotted path, typed by the leaf's JSON Schema
 * and described in words (docs/api.md#get-forms). Lists are comma-separated; matrices are `;`-separated rows.
 */
export function queryParameters(schema: GenericSchema): QueryParameter[] {
  const out = new Map<string, QueryParameter>()
  const walk = (node: Node, path: string, required: boolean): void => {
    const s = unwrap(node)
    const req = required && !isOptional(node)
    if ((s.type === 'object' || s.type === 'loose_object' || s.type === 'strict_object') && s.entries) {
      for (const [k, child] of Object.entries(s.entries)) walk(child, path ? `${path}.${k}` : k, req)
      return
    }
    if (s.type === 'variant' || (s.type === 'union' && (s.options as Node[]).some((o) => unwrap(o).entries))) {
      for (const o of s.options as Node[]) walk(o, path, false)
      return
    }
    const prev = out.get(path)
    const text = `${describe(s)}.${note(s) || note(node)}`
    out.set(
      path,
      prev
        ? {
            ...prev,
            schema: mergeSchemas(prev.schema, leafSchema(s)),
            description: prev.description.includes(text) ? prev.description : `${prev.description} Or: ${text}`,
          }
        : parameter(path, req, text, s),
    )
  }
  walk(schema as unknown as Node, '', true)
  return [...out.values()]
}
