/**
 * Stand-in for `zod-to-json-schema` (wrangler.toml `[alias]`): hono-openapi reaches it only for zod schemas and the
 * MCP SDK only for zod v3 tool schemas, and this Worker has neither (valibot describes every schema, and the MCP
 * tools take JSON Schema). Keeping the real converter out keeps zod out of the calculator-only build.
 */
export function zodToJsonSchema() {
  throw new Error('zod-to-json-schema is not bundled: this Worker describes its schemas with valibot')
}

export default zodToJsonSchema
