/**
 * Loose structural view of a valibot schema node: the fields the GET-form coercion, the OpenAPI query
 * parameters and the fuzz arbitraries read when they walk a request schema (`type`, `wrapped`,
 * `entries`, `item`, `options`, pipe actions, ...). valibot's own types are generic per schema kind;
 * this one lets a single recursive walk handle every kind.
 */
export interface SchemaNode {
  type: string
  wrapped?: SchemaNode
  entries?: Record<string, SchemaNode>
  item?: SchemaNode
  options?: SchemaNode[] | readonly (string | number)[]
  key?: string
  literal?: unknown
  pipe?: { kind: string; type: string; description?: string; requirement?: unknown }[]
  getter?: (input: unknown) => SchemaNode
}
