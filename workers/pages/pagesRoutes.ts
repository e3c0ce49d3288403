/**
 * Routes of the human-facing pages (docs/api.md#pages): `/` (landing page), `/embed` (the widget
 * alone, for iframes), `/embed.js` (the parent page's helper that sizes those iframes), `/widget.js` (the web
 * component, an ES module) and `/widget-compare.js` (its
 * lazily loaded "trained minima" panel), plus `/favicon.ico` (a small SVG, so that no page, /docs
 * included, logs a failed favicon request). The bundles come from workers/pages/generated/widgetBundle.ts,
 * written by scripts/buildWidget.ts. Scripts are served with CORS so that other sites can load them
 * as modules, with a strong ETag (304 on a match).
 */
import { type Context, Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { embedHelper } from './embedHelper.ts'
import { embedPage } from './embedPage.ts'
import { widgetCompareEtag, widgetCompareJs, widgetEtag, widgetJs } from './generated/widgetBundle.ts'
import { landingPage } from './landingPage.ts'
import { pageStyles } from './pageStyles.ts'
import { pageHeaders, sha256Base64 } from './securityHeaders.ts'

let styleHash: Promise<string> | undefined
const hashOfStyles = () => (styleHash ??= sha256Base64(pageStyles))
const styleTag = `<style>${pageStyles}</style>`

/** Pages and scripts are for browsers, not part of the HTTP API: left out of the OpenAPI document. */
const page = describeRoute({ hide: true })

export const pagesRoutes = new Hono()

pagesRoutes.get('/', page, async (c) => {
  const origin = new URL(c.req.url).origin
  return c.body(
    landingPage(origin, styleTag),
    200,
    pageHeaders({ styleHashes: [await hashOfStyles()], framing: 'none' }),
  )
})

pagesRoutes.get('/embed', page, async (c) => {
  const t = c.req.query('theme')
  const theme = t === 'light' || t === 'dark' ? t : 'auto'
  return c.body(embedPage(styleTag, theme), 200, pageHeaders({ styleHashes: [await hashOfStyles()], framing: 'any' }))
})

function script(source: string, etag: string) {
  return (c: Context) => {
    const headers = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': 'public, max-age=300',
      ETag: etag,
    }
    const match = (c.req.header('If-None-Match') ?? '').split(',').some((t) => t.trim() === etag)
    if (match) {
      const { 'Content-Type': _, ...rest } = headers
      return c.body(null, 304, rest)
    }
    return c.body(source, 200, headers)
  }
}

pagesRoutes.get('/widget.js', page, script(widgetJs, widgetEtag))
pagesRoutes.get('/embed.js', page, async (c) => {
  const source = embedHelper(new URL(c.req.url).origin)
  return script(source, `"${(await sha256Base64(source)).slice(0, 27)}"`)(c)
})
pagesRoutes.get('/widget-compare.js', page, script(widgetCompareJs, widgetCompareEtag))

/** A heavy-tailed density in a circle: the site icon, as SVG. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#0b5cad"/>' +
  '<path d="M3 24C9 23 11 21 13 14S15 6 16 6s2 1 3 8 4 9 10 10" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>'

pagesRoutes.get('/favicon.ico', page, (c) =>
  c.body(FAVICON, 200, {
    'Content-Type': 'image/svg+xml',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'public, max-age=86400',
  }),
)
