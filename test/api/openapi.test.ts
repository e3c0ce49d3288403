/**
 * `/openapi.json` is a valid OpenAPI 3.1 document (checked by @seriousme/openapi-schema-validator, which
 * compiles JSON Schemas with `new Function` and so runs in Node, not in workerd) and describes every route
 * of the full app, with request and response schemas for every compute endpoint. `/docs` lists them all.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { app } from '../../workers/app.ts'
import { pagesRoutes } from '../../workers/pages/pagesRoutes.ts'

/** The docs/api.md endpoints served by the calculator (the model routes are checked by their own tests). */
const API_ENDPOINTS: ['get' | 'post', string][] = [
  ['get', '/healthz'],
  ['get', '/openapi.json'],
  ['get', '/docs'],
  ['get', '/v1/stable/pdf'],
  ['post', '/v1/stable/pdf'],
  ['get', '/v1/stable/cdf'],
  ['post', '/v1/stable/cdf'],
  ['get', '/v1/stable/quantile'],
  ['post', '/v1/stable/quantile'],
  ['post', '/v1/stable/sample'],
  ['post', '/v1/tail-index'],
  ['get', '/v1/escape-time'],
  ['post', '/v1/escape-time'],
  ['get', '/v1/landscape'],
  ['post', '/v1/landscape'],
  ['post', '/v1/simulate'],
]

/** Browser pages and scripts (workers/pages, the script of /docs), not API operations. */
const PAGES = [...new Set(pagesRoutes.routes.map((r) => r.path)), '/docs/docs.js']

const doc = async () => (await (await app.request('/openapi.json')).json()) as Record<string, any>

/** Handler routes of the app (not middleware), as OpenAPI paths. */
function routes(): { path: string; method: string }[] {
  const seen = new Set<string>()
  const out: { path: string; method: string }[] = []
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path === '*' || r.path === '/*') continue
    const path = r.path.replace(/:([^/{?]+)(\{[^}]*\})?\??/g, '{$1}')
    const key = `${r.method} ${path}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ path, method: r.method.toLowerCase() })
  }
  return out
}

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const d = await doc()
    expect(d.openapi).toBe('3.1.0')
    const validator = new Validator()
    const res = await validator.validate(d)
    expect(res.errors ?? []).toEqual([])
    expect(res.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every route of the app', async () => {
    const d = await doc()
    const list = routes()
    for (const e of API_ENDPOINTS) expect(list, e.join(' ')).toContainEqual({ method: e[0], path: e[1] })
    for (const { path, method } of list.filter(({ path }) => !PAGES.includes(path)))
      expect(d.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined()
    // Pages and scripts are for browsers and left out of the contract.
    for (const path of PAGES) expect(d.paths[path], path).toBeUndefined()
  })

  it('gives request and response schemas for every endpoint of docs/api.md', async () => {
    const d = await doc()
    for (const [method, p] of API_ENDPOINTS.filter(([, p]) => p.startsWith('/v1/'))) {
      const op = d.paths[p][method]
      const resolve = (s: Record<string, any>) => (s.$ref ? d.components.schemas[s.$ref.split('/').pop()] : s)
      if (method === 'post') expect(resolve(op.requestBody.content['application/json'].schema).type).toBe('object')
      else expect(op.parameters.length).toBeGreaterThan(0)
      expect(resolve(op.responses['200'].content['application/json'].schema).type).toBe('object')
      expect(op.responses['400'].$ref).toBe('#/components/responses/BadRequest')
    }
    expect(d.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'errors'])
    expect(d.components.responses.BadRequest.content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/InvalidInputProblem',
    )
  })

  it('writes the two ids of /v1/compare as an array of exactly two strings (no draft-04 tuple form)', async () => {
    const models = (await doc()).components.schemas.CompareRequest.properties.models
    expect(models).toMatchObject({ type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 })
    expect(models.additionalItems).toBeUndefined()
    expect(Array.isArray(models.items)).toBe(false)
  })

  it('is served with an ETag and identical bytes on every request', async () => {
    const a = await app.request('/openapi.json')
    const b = await app.request('/openapi.json')
    expect(a.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(await a.text()).toBe(await b.text())
  })
})

describe('/docs', () => {
  it('is a self-contained HTML page listing every operation and the problem types', async () => {
    const res = await app.request('/docs')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).not.toMatch(/<link[^>]+href="http|src="http/)
    // One script, from this origin: the filter and the try-it forms.
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script type="module" src="/docs/docs.js">',
    ])
    const d = await doc()
    for (const path of Object.keys(d.paths)) expect(html).toContain(`<code>${path}</code>`)
    for (const slug of [
      'invalid-input',
      'not-found',
      'method-not-allowed',
      'payload-too-large',
      'unsupported-media-type',
      'unanswerable',
      'internal-error',
    ])
      expect(html).toContain(`id="problem-${slug}"`)
  })
})
