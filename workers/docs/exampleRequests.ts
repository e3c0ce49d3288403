/**
 * One example request per operation of the OpenAPI document, small and realistic: the inputs of the
 * theory's validation cases where one fits (docs/theory.md#validation-1d: α = 1.5, basin (−1, 2), η = 0.01;
 * the T4 vector of docs/theory.md#validation-tables). Their answers are recorded from a running Worker by
 * scripts/docs/recordExamples.ts into workers/docs/generated/ (workers/docs/recordedExamples.ts); a test replays every request
 * against the Worker and compares.
 */

export interface ExampleRequest {
  method: 'get' | 'post'
  path: string
  /** The query string of a GET form, without `?`. */
  query?: string
  /** The JSON body of a POST. */
  body?: unknown
}

const ESCAPE_BODY = {
  basin: { kind: 'interval', left: 1, right: 2 },
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.8, lr: 0.001, preconditioner: [1] } },
}
const ESCAPE_QUERY =
  'basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'

const LANDSCAPE_BODY = {
  walls: [0],
  minima: [-1, 2],
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
}

export const EXAMPLE_REQUESTS: ExampleRequest[] = [
  { method: 'get', path: '/healthz' },
  { method: 'get', path: '/v1/stable/pdf', query: 'alpha=1.5&x=0,1,10' },
  { method: 'post', path: '/v1/stable/pdf', body: { alpha: 1.5, x: [0, 1, 10] } },
  { method: 'get', path: '/v1/stable/cdf', query: 'alpha=1.5&x=-1,0,1' },
  { method: 'post', path: '/v1/stable/cdf', body: { alpha: 1.5, scale: 2, x: [-1, 0, 1] } },
  { method: 'get', path: '/v1/stable/sf', query: 'alpha=1.5&x=0,10,1e20' },
  { method: 'post', path: '/v1/stable/sf', body: { alpha: 1.5, loc: 1, scale: 2, x: [1, 100, 1e20] } },
  { method: 'get', path: '/v1/stable/logpdf', query: 'alpha=1.5&x=0,1e10,1e200' },
  { method: 'post', path: '/v1/stable/logpdf', body: { alpha: 1.2, x: [0, 1e300] } },
  { method: 'get', path: '/v1/stable/quantile', query: 'alpha=1.5&p=0.05,0.5,0.99' },
  { method: 'post', path: '/v1/stable/quantile', body: { alpha: 1.2, p: [0.75] } },
  { method: 'post', path: '/v1/stable/sample', body: { alpha: 1.5, n: 5, seed: 1 } },
  {
    method: 'post',
    path: '/v1/tail-index',
    body: { samples: [0.3, -1.2, 2.5, 0.05, -0.7, 4.0, -0.01, 1.1, -3.3, 0.6, 0.2, -0.9], blockSize: 3 },
  },
  { method: 'get', path: '/v1/escape-time', query: ESCAPE_QUERY },
  { method: 'post', path: '/v1/escape-time', body: ESCAPE_BODY },
  {
    method: 'get',
    path: '/v1/landscape',
    query: 'walls=0&minima=-1,2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01',
  },
  { method: 'post', path: '/v1/landscape', body: LANDSCAPE_BODY },
  {
    method: 'post',
    path: '/v1/simulate',
    body: {
      optimizer: 'sgd',
      alpha: 1.5,
      lr: 0.05,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 0.5 },
      chains: 200,
      seed: 1,
    },
  },
  { method: 'get', path: '/v1/models' },
  { method: 'get', path: '/v1/models/{id}', query: undefined },
  { method: 'post', path: '/v1/models/{id}/probe', body: { measures: ['loss'] } },
  {
    method: 'post',
    path: '/v1/compare',
    body: { models: ['digits-mlp-sgd', 'digits-mlp-adam'], measures: ['loss'] },
  },
  {
    method: 'post',
    path: '/mcp',
    body: {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'stable_pdf', arguments: { alpha: 1.5, x: [0, 1] } },
    },
  },
]

/** Headers of an example request (MCP's Streamable HTTP wants both answer types accepted). */
export function exampleHeaders(e: ExampleRequest): Record<string, string> {
  if (e.body === undefined) return {}
  return {
    'content-type': 'application/json',
    ...(e.path === '/mcp' ? { accept: 'application/json, text/event-stream' } : {}),
  }
}

/** The model id the `{id}` examples use. */
export const EXAMPLE_MODEL_ID = 'digits-mlp-sgd'

/** The URL path (with query) an example request is sent to. */
export function exampleUrl(e: ExampleRequest): string {
  const path = e.path.replace('{id}', EXAMPLE_MODEL_ID)
  return e.query ? `${path}?${e.query}` : path
}

/** `get /v1/stable/pdf` */
export const exampleKey = (e: { method: string; path: string }): string => `${e.method} ${e.path}`
