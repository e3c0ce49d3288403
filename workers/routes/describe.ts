/**
 * `GET /openapi.json` (OpenAPI 3.1 from the valibot schemas, via hono-openapi) and `GET /docs` (the HTML
 * reference generated from it). Both describe every route registered on `app`, including routes added
 * after this module (the document is generated at the first request); `/docs` carries the pages' security
 * headers (CSP with its stylesheet's hash, nosniff, no framing). `GET /docs/theory`: the theory
 * reference (docs/theory.md, rendered at build time), with the pages' security headers.
 */
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { docsScript } from '../docs/docsScript.ts'
import { openApiDocument } from '../docs/openApiDocument.ts'
import { renderDocs } from '../docs/renderDocs.ts'
import { theoryArticle, theoryPage, theoryStyles } from '../docs/theoryPage.ts'
import type { AppEnv } from '../env.ts'
import { noQuery } from '../http/noQuery.ts'
import { sendBytes } from '../http/respond.ts'
import { pageHeaders, sha256Base64 } from '../pages/securityHeaders.ts'

const encoder = new TextEncoder()
const docsHtml = new WeakMap<object, { bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string> }>()
let theory: Promise<{ html: string; headers: Record<string, string> }> | undefined
const theoryAnswer = () =>
  (theory ??= Promise.all([sha256Base64(theoryStyles), theoryArticle()]).then(([hash, article]) => ({
    html: theoryPage(`<style>${theoryStyles}</style>`, article),
    headers: pageHeaders({ styleHashes: [hash], framing: 'none' }),
  })))

export function describeRoutes(app: Hono<any, any, any>) {
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      describeRoute({
        summary: 'OpenAPI 3.1 document of this API',
        tags: ['service'],
        responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': {} } } },
      }),
      noQuery,
      async (c) => sendBytes(c, encoder.encode(JSON.stringify(await openApiDocument(app, c))), 'application/json'),
    )
    .get(
      '/docs',
      describeRoute({
        summary: 'API reference page (HTML, works offline)',
        tags: ['service'],
        responses: { 200: { description: 'The reference page.', content: { 'text/html': {} } } },
      }),
      noQuery,
      async (c) => {
        let page = docsHtml.get(app)
        if (!page) {
          const html = renderDocs(await openApiDocument(app, c), new URL(c.req.url).origin)
          // the same security headers as the other pages: the CSP allows exactly the page's inline stylesheets
          const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
          const {
            'Content-Type': _type,
            'Cache-Control': _cache,
            ...headers
          } = pageHeaders({
            styleHashes: await Promise.all(styles.map(sha256Base64)),
            framing: 'none',
          })
          page = { bytes: encoder.encode(html), headers }
          docsHtml.set(app, page)
        }
        const res = await sendBytes(c, page.bytes, 'text/html; charset=utf-8')
        for (const [k, v] of Object.entries(page.headers)) res.headers.set(k, v)
        return res
      },
    )
    .get('/docs/docs.js', describeRoute({ hide: true }), (c) =>
      c.body(docsScript, 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=300',
      }),
    )
    .get(
      '/docs/theory',
      describeRoute({
        summary: 'Theory reference page (HTML, MathML formulas, works offline)',
        description:
          'The mathematics behind every answer: noise model, SDEs, Theorem 1, exit sets, estimators and the meaning of each warning. Every anchor cited by a warning or a description (`/docs/theory#…`) exists on this page.',
        tags: ['service'],
        responses: { 200: { description: 'The theory page.', content: { 'text/html': {} } } },
      }),
      noQuery,
      async (c) => {
        const { html, headers } = await theoryAnswer()
        return c.body(html, 200, headers)
      },
    )
}
