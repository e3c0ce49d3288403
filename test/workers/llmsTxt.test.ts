/**
 * `/llms.txt` inside workerd: the full Worker lists every /v1 operation and its MCP server; the calculator-only
 * build (no /mcp) lists its own operations and says that MCP is part of the full build.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../workers/createApp.ts'
import { LITE_OPTIONS } from '../../workers/lite.ts'

const BASE = 'https://levy-escape.test'

describe('/llms.txt', () => {
  it('full Worker: endpoints, MCP server and reference links with absolute URLs', async () => {
    const res = await SELF.fetch(`${BASE}/llms.txt`)
    expect(res.status).toBe(200)
    const text = await res.text()
    for (const line of [
      `- POST ${BASE}/v1/escape-time: `,
      `- GET ${BASE}/v1/stable/pdf: `,
      `- POST ${BASE}/v1/models/{id}/probe: `,
      `- Server: ${BASE}/mcp `,
      `[OpenAPI 3.1 document](${BASE}/openapi.json)`,
    ])
      expect(text).toContain(line)
    expect(text).not.toContain(`${BASE}/healthz`)
  })

  it('calculator-only build: no model routes, and MCP named as a full-build feature', async () => {
    const app = createApp(LITE_OPTIONS)
    const res = await app.fetch(new Request(`${BASE}/llms.txt`), {})
    const text = await res.text()
    expect(text).toContain(`- POST ${BASE}/v1/simulate: `)
    expect(text).not.toContain('/v1/models')
    expect(text).toMatch(/calculator-only build; the MCP server .* is part of the full build/)
    expect((await app.fetch(new Request(`${BASE}/mcp`, { method: 'POST' }), {})).status).toBe(404)
  })
})
