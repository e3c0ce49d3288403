/**
 * `POST /mcp`: a stateless Model Context Protocol server over Streamable HTTP (the official SDK's low-level
 * `Server`, with @hono/mcp's transport), so AI tools can call this API: one server and one transport per
 * request, JSON answers, no session. Its tools (workers/mcp/mcpTools.ts) are the HTTP operations, described
 * by the OpenAPI document of `app` and answered by `app` itself. The SDK brings zod, which does not fit the
 * calculator-only build's 1 MiB: MCP is a feature of the full build.
 */
import { StreamableHTTPTransport } from '@hono/mcp'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js'
import { type Context, Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { openApiDocument } from '../docs/openApiDocument.ts'
import type { AppEnv } from '../env.ts'
import { callTool } from '../mcp/callTool.ts'
import { MCP_TOOLS } from '../mcp/mcpTools.ts'
import { toolDefinitions } from '../mcp/toolDefinitions.ts'
import { VERSION } from '../version.ts'

export const MCP_INSTRUCTIONS =
  'levy-escape computes, for SGD and Adam under heavy-tailed symmetric α-stable gradient noise (Zhou et al., NeurIPS 2020), ' +
  'mean escape times from a basin, basin-hopping on a 1-D landscape, the SαS law, tail indices of samples, Monte-Carlo ' +
  'simulations of the discrete dynamics, and probes of bundled SGD- and Adam-trained networks. Each tool is one HTTP ' +
  'endpoint; its structured result is that endpoint’s JSON answer. Invalid arguments come back as tool errors naming each field.'

function executionContext(c: Context) {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}

/** The MCP route of `app` (its tools call `app`). */
export function mcpRoutes(app: Hono<any, any, any>) {
  return new Hono<AppEnv>().post(
    '/mcp',
    describeRoute({
      summary: 'Model Context Protocol server (Streamable HTTP, stateless) for AI tools',
      description:
        'JSON-RPC 2.0 messages of MCP (initialize, tools/list, tools/call). Tools: escape_time, landscape, stable_pdf, stable_cdf, stable_quantile, tail_index, simulate, list_models, probe_model, compare_minima; each result’s structuredContent is the JSON answer of the matching endpoint. See /llms.txt.',
      tags: ['service'],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { 200: { description: 'The JSON-RPC answer.', content: { 'application/json': {} } } },
    }),
    async (c) => {
      const origin = new URL(c.req.url).origin
      const server = new Server(
        { name: 'levy-escape', title: 'levy-escape', version: VERSION },
        { capabilities: { tools: {} }, instructions: MCP_INSTRUCTIONS },
      )
      server.setRequestHandler(ListToolsRequestSchema, async () => ({
        tools: toolDefinitions(await openApiDocument(app, c), MCP_TOOLS, origin),
      }))
      server.setRequestHandler(CallToolRequestSchema, async (request) => {
        const tool = MCP_TOOLS.find((t) => t.name === request.params.name)
        if (!tool)
          throw new McpError(
            ErrorCode.InvalidParams,
            `Unknown tool "${request.params.name}"; the tools are ${MCP_TOOLS.map((t) => t.name).join(', ')}.`,
          )
        return callTool(tool, request.params.arguments, origin, async (r) => app.fetch(r, c.env, executionContext(c)))
      })
      const transport = new StreamableHTTPTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
      await server.connect(transport)
      return (await transport.handleRequest(c)) ?? c.body(null, 202)
    },
  )
}
