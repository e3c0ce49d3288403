/**
 * `GET /llms.txt` (the llmstxt.org convention): a plain Markdown description of this deployment for language
 * models, generated from its OpenAPI document (every `/v1` operation with its summary), plus how to reach the MCP
 * server when this build has one (`POST /mcp`) and where the reference pages are.
 */
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { API_DESCRIPTION, openApiDocument } from '../docs/openApiDocument.ts'
import type { AppEnv } from '../env.ts'
import { noQuery } from '../http/noQuery.ts'
import { sendBytes } from '../http/respond.ts'

/** The llms.txt text of an OpenAPI document `doc`, for clients reaching `origin`. */
export function llmsTxt(doc: Record<string, any>, origin: string): string {
  const ops: string[] = []
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
    if (!path.startsWith('/v1/')) continue
    for (const method of ['get', 'post'] as const) {
      const op = item[method]
      if (op?.summary) ops.push(`- ${method.toUpperCase()} ${origin}${path}: ${op.summary}`)
    }
  }
  const hasMcp = Boolean(doc.paths?.['/mcp']?.post)
  const mcp = hasMcp
    ? `
## MCP (for AI tools)

- Server: ${origin}/mcp (Model Context Protocol, Streamable HTTP, stateless; no authentication).
- Tools: escape_time, landscape, stable_pdf, stable_cdf, stable_quantile, tail_index, simulate, list_models,
  probe_model, compare_minima. Each tool is one HTTP endpoint above: its arguments are that endpoint's JSON body
  (probe_model adds the model \`id\`), its structuredContent is that endpoint's JSON answer, and invalid arguments
  come back as a tool error naming each field.
`
    : `
## MCP

This deployment is the calculator-only build; the MCP server (${'`POST /mcp`'}) is part of the full build.
`
  return `# levy-escape

> ${API_DESCRIPTION}

Conventions: JSON in and out; every number in an answer is finite. GET forms take the POST body flattened into
the query string with dotted keys (\`basin.kind=interval&optimizers.sgd.alpha=1.5\`), arrays comma-separated.
Errors are RFC 9457 problems (\`application/problem+json\`) whose \`errors\` name each bad field with its dotted
path; 422 means valid input the theory or the work cap cannot answer, and \`detail\` says what to change.
Deterministic answers are cached at the edge (\`Cache-Status\` header).

## Endpoints

${ops.join('\n')}
${mcp}
## Reference

- [API reference](${origin}/docs): every operation, its request and answer schemas and problems.
- [OpenAPI 3.1 document](${origin}/openapi.json): generated from the schemas that validate the requests.
- [Theory](${origin}/docs/theory): the formulas, their provenance, assumptions and the meaning of each warning.
`
}

const encoder = new TextEncoder()

/** The route; `app` is the application whose operations are described. */
export function llmsTxtRoutes(app: Hono<any, any, any>) {
  return new Hono<AppEnv>().get(
    '/llms.txt',
    describeRoute({
      summary: 'Description of this service for language models (llms.txt)',
      tags: ['service'],
      responses: { 200: { description: 'Markdown text.', content: { 'text/markdown': {} } } },
    }),
    noQuery,
    async (c) =>
      sendBytes(
        c,
        encoder.encode(llmsTxt(await openApiDocument(app, c), new URL(c.req.url).origin)),
        'text/markdown; charset=utf-8',
      ),
  )
}
