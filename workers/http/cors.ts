/**
 * CORS (docs/api.md#cors): `Access-Control-Allow-Origin` on every response, `*` by default, or an
 * allowlist from the wrangler var `CORS_ORIGINS` (comma-separated origins; `*` in the list allows all).
 * `OPTIONS` preflights are answered `204` with the allowed methods and headers.
 */
import type { MiddlewareHandler } from 'hono'
import { cors as honoCors } from 'hono/cors'

/** The Access-Control-Allow-Origin value for `origin` under the allowlist `list` (null: no header). */
function allowOrigin(origin: string, list: string | undefined): string | null {
  const entries = (list ?? '*')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (entries.length === 0 || entries.includes('*')) return '*'
  return entries.includes(origin) ? origin : null
}

export const cors: MiddlewareHandler<{ Bindings: { CORS_ORIGINS?: string } }> = honoCors({
  origin: (origin, c) => allowOrigin(origin, (c.env as { CORS_ORIGINS?: string } | undefined)?.CORS_ORIGINS),
  allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'If-None-Match'],
  exposeHeaders: ['ETag', 'Content-Length'],
  maxAge: 86400,
})
