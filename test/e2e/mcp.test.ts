/**
 * The MCP server (`POST /mcp`) against `wrangler dev`, driven by the official SDK client over Streamable HTTP:
 * initialize, tools/list (every tool, schemas from the OpenAPI document), tools/call of every tool whose
 * structuredContent must equal the HTTP endpoint's own answer to the same request (and pass the SDK client's
 * validation against the tool's output schema), bad arguments as tool errors naming the field, and /llms.txt.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pkg from '../../package.json'

const base = inject('baseUrl')
let client: Client

beforeAll(async () => {
  client = new Client({ name: 'levy-escape-e2e', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)))
})
afterAll(async () => {
  await client?.close()
})

async function http(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(res.status, path).toBe(200)
  return res.json()
}

const escapeArgs = {
  basin: { kind: 'interval', left: 1, right: 2 },
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
}
const light = { measures: ['loss', 'escape'], batches: 8, topK: 1, iterations: 4, traceSamples: 2 }

/** Every tool with arguments and the HTTP request that must give the same answer. */
const CASES: { tool: string; args: Record<string, unknown>; method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
  { tool: 'escape_time', args: escapeArgs, method: 'POST', path: '/v1/escape-time', body: escapeArgs },
  ...(['pdf', 'cdf'] as const).map((f) => ({
    tool: `stable_${f}`,
    args: { alpha: 1.5, x: [-1, 0, 2] },
    method: 'POST' as const,
    path: `/v1/stable/${f}`,
    body: { alpha: 1.5, x: [-1, 0, 2] },
  })),
  {
    tool: 'stable_quantile',
    args: { alpha: 1.2, p: [0.1, 0.5, 0.99] },
    method: 'POST',
    path: '/v1/stable/quantile',
    body: { alpha: 1.2, p: [0.1, 0.5, 0.99] },
  },
  {
    tool: 'landscape',
    args: {
      walls: [0],
      minima: [-1, 1.5],
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    },
    method: 'POST',
    path: '/v1/landscape',
    body: { walls: [0], minima: [-1, 1.5], noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } },
  },
  {
    tool: 'tail_index',
    args: { samples: Array.from({ length: 400 }, (_, i) => Math.tan(Math.PI * ((i + 0.5) / 400 - 0.5))) },
    method: 'POST',
    path: '/v1/tail-index',
    body: { samples: Array.from({ length: 400 }, (_, i) => Math.tan(Math.PI * ((i + 0.5) / 400 - 0.5))) },
  },
  {
    tool: 'simulate',
    args: {
      optimizer: 'sgd',
      alpha: 1.2,
      lr: 0.1,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 1 },
      chains: 50,
      seed: 3,
    },
    method: 'POST',
    path: '/v1/simulate',
    body: {
      optimizer: 'sgd',
      alpha: 1.2,
      lr: 0.1,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 1 },
      chains: 50,
      seed: 3,
    },
  },
  { tool: 'list_models', args: {}, method: 'GET', path: '/v1/models' },
  {
    tool: 'probe_model',
    args: { id: 'digits-mlp-sgd', ...light },
    method: 'POST',
    path: '/v1/models/digits-mlp-sgd/probe',
    body: light,
  },
  {
    tool: 'compare_minima',
    args: { models: ['digits-mlp-sgd', 'digits-mlp-adam'], ...light },
    method: 'POST',
    path: '/v1/compare',
    body: { models: ['digits-mlp-sgd', 'digits-mlp-adam'], ...light },
  },
]

describe('MCP server', () => {
  it('initializes with the server name, version and instructions', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'levy-escape', version: pkg.version })
    expect(client.getServerCapabilities()?.tools).toBeDefined()
    expect(client.getInstructions()).toMatch(/structured result is that endpoint/)
  })

  it('lists every tool with JSON Schemas from the API schemas and descriptions linking the theory', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(CASES.map((c) => c.tool).sort())
    const escapeTool = tools.find((t) => t.name === 'escape_time')!
    expect(escapeTool.inputSchema.type).toBe('object')
    expect(escapeTool.inputSchema.required).toEqual(expect.arrayContaining(['basin', 'noise', 'optimizers']))
    expect(escapeTool.description).toContain(`${base}/docs/theory#`)
    expect(escapeTool.outputSchema?.type).toBe('object')
    const probe = tools.find((t) => t.name === 'probe_model')!
    expect(probe.inputSchema.required).toContain('id')
    expect(Object.keys(probe.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['id', 'measures', 'seed']))
  })

  for (const c of CASES) {
    it(`${c.tool}: structuredContent is the answer of ${c.method} ${c.path}`, async () => {
      const result = await client.callTool({ name: c.tool, arguments: c.args })
      expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false)
      const expected = await http(c.method, c.path, c.body)
      expect(result.structuredContent).toEqual(expected)
      const text = (result.content as { type: string; text: string }[])[0]
      expect(text.type).toBe('text')
      expect(text.text.length).toBeGreaterThan(10)
    })
  }

  it('summarises escape_time with the numbers of the answer', async () => {
    const result = await client.callTool({ name: 'escape_time', arguments: escapeArgs })
    const answer = result.structuredContent as { sgd: { meanEscapeIterations: number } }
    const text = (result.content as { text: string }[])[0].text
    expect(text).toContain(String(Math.round(answer.sgd.meanEscapeIterations)).slice(0, 3))
  })

  it('answers bad arguments with a tool error naming each field', async () => {
    const result = await client.callTool({
      name: 'escape_time',
      arguments: { ...escapeArgs, basin: { kind: 'interval', left: -1, right: 2 }, extra: 1 },
    })
    expect(result.isError).toBe(true)
    const text = (result.content as { text: string }[])[0].text
    expect(text).toMatch(/- basin\.left: must be greater than 0/)
    const missing = await client.callTool({ name: 'probe_model', arguments: { measures: ['loss'] } })
    expect(missing.isError).toBe(true)
    expect((missing.content as { text: string }[])[0].text).toMatch(/^id: required/)
    const unknown = await client.callTool({ name: 'probe_model', arguments: { id: 'nope' } })
    expect(unknown.isError).toBe(true)
    expect((unknown.content as { text: string }[])[0].text).toMatch(/- id: unknown model id/)
  })

  it('refuses an unknown tool with a JSON-RPC error listing the tools', async () => {
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(/escape_time/)
  })

  it('/llms.txt describes the endpoints and the MCP server', async () => {
    const res = await fetch(`${base}/llms.txt`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const text = await res.text()
    expect(text).toMatch(/^# levy-escape\n/)
    expect(text).toContain(`POST ${base}/v1/escape-time:`)
    expect(text).toContain(`Server: ${base}/mcp`)
    expect(text).toContain('probe_model')
  })
})
