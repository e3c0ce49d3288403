/**
 * `GET /openapi.json` (OpenAPI 3.1 from the valibot schemas, via hono-openapi) and `GET /docs` (the HTML
 * reference generated from it). Both describe every route registered on `app`, including routes added
 * after this module (the document is generated at the first request).
 */
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { openApiDocument } from '../docs/openApiDocument.ts'
import { renderDocs } from '../docs/renderDocs.ts'
import type { AppEnv } from '../env.ts'
import { sendBytes } from '../http/respond.ts'

const encoder = new TextEncoder()
const docsHtml = new WeakMap<object, Uint8Array<ArrayBuffer>>()

export function describeRoutes(app: Hono<any, any, any>) {
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      describeRoute({
        summary: 'OpenAPI 3.1 document of this API',
        tags: ['service'],
        responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': {} } } },
      }),
      async (c) => sendBytes(c, encoder.encode(JSON.stringify(await openApiDocument(app, c))), 'application/json'),
    )
    .get(
      '/docs',
      describeRoute({
        summary: 'API reference page (HTML, works offline)',
        tags: ['service'],
        responses: { 200: { description: 'The reference page.', content: { 'text/html': {} } } },
      }),
      async (c) => {
        let html = docsHtml.get(app)
        if (!html) {
          html = encoder.encode(renderDocs(await openApiDocument(app, c)))
          docsHtml.set(app, html)
        }
        return sendBytes(c, html, 'text/html; charset=utf-8')
      },
    )
}
