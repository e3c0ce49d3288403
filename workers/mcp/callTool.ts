/**
 * One `tools/call` of the MCP server: the arguments become the HTTP request of the tool's endpoint (path
 * parameters filled in, the rest as the JSON body), answered by the app itself, so validation, limits,
 * caching and numbers are those of the HTTP API. A 200 answer is the result's `structuredContent` as is, with
 * a one-line summary as text; a problem is a tool error (`isError`) whose text names each bad field
 * (`- path: message`, or the problem's detail when no field is at fault), then the problem body as JSON.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import type { McpTool } from './mcpTools.ts'

/** Sends a request to the app (the Worker's own `fetch`). */
export type AppFetch = (request: Request) => Promise<Response>

interface ProblemBody {
  detail?: string
  errors?: { path: string; message: string }[]
}

const toolError = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] })

export async function callTool(
  tool: McpTool,
  args: Record<string, unknown> | undefined,
  origin: string,
  fetchApp: AppFetch,
): Promise<CallToolResult> {
  const { id, ...rest } = args ?? {}
  let path = tool.path
  if (path.includes('{id}')) {
    if (typeof id !== 'string' || id === '')
      return toolError('id: required; give the id of a bundled model (the list_models tool lists them).')
    path = path.replace('{id}', encodeURIComponent(id))
  } else if (id !== undefined) rest.id = id
  const request =
    tool.method === 'GET'
      ? new Request(`${origin}${path}`)
      : new Request(`${origin}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(rest),
        })
  if (tool.method === 'GET' && Object.keys(rest).length > 0)
    return toolError(`${Object.keys(rest).join(', ')}: not an argument of ${tool.name}; it takes none.`)
  const res = await fetchApp(request)
  const text = await res.text()
  if (res.status === 200) {
    const answer = JSON.parse(text) as Record<string, unknown>
    return { content: [{ type: 'text', text: tool.summarize(answer) }], structuredContent: answer }
  }
  let problem: ProblemBody = {}
  try {
    problem = JSON.parse(text) as ProblemBody
  } catch {
    problem = { detail: text.slice(0, 500) }
  }
  const errors = problem.errors ?? []
  const lines =
    errors.length > 0
      ? [`Invalid arguments (HTTP ${res.status}):`, ...errors.map((e) => `- ${e.path || '(arguments)'}: ${e.message}`)]
      : [`HTTP ${res.status}: ${problem.detail ?? 'the request was refused'}`]
  return toolError(`${lines.join('\n')}\n\n${text}`)
}
