/**
 * For operations that take no query parameters (`/healthz`, `/openapi.json`, `/docs`, `/docs/theory`,
 * `/llms.txt`, `/v1/models`, `/v1/models/{id}`): a query key is refused with a 400 problem naming it, rather than silently
 * ignored (docs/api.md#errors), so a misspelt or misplaced parameter is noticed.
 */
import type { MiddlewareHandler } from 'hono'
import { problem } from '../problem.ts'

export const noQuery: MiddlewareHandler = async (c, next) => {
  const keys = [...new Set(new URL(c.req.url).searchParams.keys())]
  if (keys.length === 0) return next()
  return problem(
    c,
    400,
    `${c.req.method} ${c.req.routePath} takes no query parameters; remove ${keys.map((k) => `\`${k}\``).join(', ')}.`,
    keys.map((k) => ({ path: k, message: 'not a parameter of this operation' })),
  )
}
