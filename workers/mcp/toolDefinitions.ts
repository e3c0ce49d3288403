/**
 * The `tools/list` entries of the MCP server, read from the OpenAPI document of the app (whose schemas are
 * generated from the valibot request and response schemas): the request body's JSON Schema is the input schema
 * (plus `id` for a path parameter), the 200 answer's the output schema, and the operation's summary and
 * description (with its links to the theory pages made absolute) the description.
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js'
import type { McpTool } from './mcpTools.ts'

type Json = Record<string, any>

const EMPTY_INPUT: Json = { type: 'object', properties: {}, additionalProperties: false }

/** Site-relative links (`/docs/theory#…`) as absolute URLs of this deployment. */
const absolute = (text: string, origin: string) => text.replace(/(^|[\s(])\/docs\b/g, `$1${origin}/docs`)

/** `schema` with every `#/components/schemas/…` reference of `doc` replaced by the schema it names (MCP clients
 * see one self-contained JSON Schema per tool). */
function deref(schema: unknown, doc: Json, depth = 0): any {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, doc, depth))
  if (!schema || typeof schema !== 'object') return schema
  const { $ref, ...rest } = schema as Json
  const named =
    typeof $ref === 'string' && $ref.startsWith('#/components/schemas/') && depth < 32
      ? doc.components?.schemas?.[$ref.slice('#/components/schemas/'.length)]
      : undefined
  const base: Json = named
    ? { ...deref(named, doc, depth + 1), ...rest }
    : $ref === undefined
      ? rest
      : { $ref, ...rest }
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, deref(v, doc, depth + 1)]))
}

function operation(doc: Json, tool: McpTool): Json | undefined {
  return doc.paths?.[tool.path]?.[tool.method.toLowerCase()]
}

function inputSchema(op: Json, tool: McpTool, doc: Json): Json {
  const body: Json | undefined = deref(op.requestBody?.content?.['application/json']?.schema, doc)
  const schema: Json = body ? structuredClone(body) : structuredClone(EMPTY_INPUT)
  if (tool.path.includes('{id}')) {
    schema.properties = {
      id: { type: 'string', description: 'Id of a bundled model (the `list_models` tool lists them).' },
      ...(schema.properties ?? {}),
    }
    schema.required = ['id', ...(schema.required ?? [])]
  }
  schema.type = 'object'
  return schema
}

function outputSchema(op: Json, doc: Json): Json | undefined {
  const schema: Json | undefined = deref(op.responses?.['200']?.content?.['application/json']?.schema, doc)
  return schema?.type === 'object' ? schema : undefined
}

/** The MCP tool list of `tools`, described by the OpenAPI document `doc`, for clients reaching `origin`. */
export function toolDefinitions(doc: Json, tools: readonly McpTool[], origin: string): Tool[] {
  const out: Tool[] = []
  for (const tool of tools) {
    const op = operation(doc, tool)
    if (!op) continue
    const text = [op.summary, op.description].filter(Boolean).join('. ')
    const output = outputSchema(op, doc)
    out.push({
      name: tool.name,
      title: tool.title,
      description: `${absolute(text, origin)} (HTTP: ${tool.method} ${tool.path}; the structured result is that endpoint's JSON answer.)`,
      inputSchema: inputSchema(op, tool, doc) as Tool['inputSchema'],
      ...(output ? { outputSchema: output as Tool['outputSchema'] } : {}),
      annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    })
  }
  return out
}
