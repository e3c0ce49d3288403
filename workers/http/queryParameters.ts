/**
 * OpenAPI `parameters` of a GET form: one query parameter per leaf of the request schema, named by its
 * dotted path (`basin.left`, `optimizers.sgd.alpha`), with the leaf's type in the description.
 */
import type { GenericSchema } from 'valibot'
import type { SchemaNode as Node } from './schemaNode.ts'

export interface QueryParameter {
  name: string
  in: 'query'
  required: boolean
  description: string
  schema: { type: 'string' }
}

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
            description: prev.description.includes(text) ? prev.description : `${prev.description} Or: ${text}`,
          }
        : { name: path, in: 'query', required: req, description: text, schema: { type: 'string' } },
    )
  }
  walk(schema as unknown as Node, '', true)
  return [...out.values()]
}
