/**
 * The answers when no route handles a request, and when something throws:
 * - 405 with `Allow` when the path exists for other methods, 404 otherwise (docs/api.md#errors);
 * - a 500 problem with no stack trace for an uncaught error (must never happen; logged for the operator).
 */
import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type ProblemStatus, problem } from '../problem.ts'

const patternCache = new Map<string, RegExp>()

/** A hono route path (`/v1/models/:id`, `:id{[a-z]+}`, `*`) as an anchored regular expression. */
function pathPattern(path: string): RegExp {
  let re = patternCache.get(path)
  if (!re) {
    const body = path
      .split('/')
      .map((seg) => {
        if (seg === '*') return '.*'
        const m = seg.match(/^:[^{?]+(?:\{(.+)\})?(\?)?$/)
        if (m) return m[1] ? `(?:${m[1]})` : '[^/]+'
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    re = new RegExp(`^${body}$`)
    patternCache.set(path, re)
  }
  return re
}

/** Methods that have a handler (not a middleware) for `path`. */
function allowedMethods(app: Hono<any, any, any>, path: string): string[] {
  const methods = new Set<string>()
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path === '*' || r.path === '/*') continue
    if (pathPattern(r.path).test(path)) methods.add(r.method)
  }
  if (methods.has('GET')) methods.add('HEAD')
  if (methods.size > 0) methods.add('OPTIONS')
  return [...methods].sort()
}

export function notFound(app: Hono<any, any, any>): NotFoundHandler {
  return (c: Context) => {
    const allow = allowedMethods(app, c.req.path)
    if (allow.length > 0) {
      return problem(
        c,
        405,
        `${c.req.method} is not allowed on ${c.req.path}; use ${allow.filter((m) => m !== 'OPTIONS' && m !== 'HEAD').join(' or ')}.`,
        [],
        {
          Allow: allow.join(', '),
        },
      )
    }
    return problem(c, 404, `No endpoint at ${c.req.path.slice(0, 200)}; see /docs for the list.`)
  }
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    const status = ([400, 404, 405, 413, 415, 422] as number[]).includes(err.status)
      ? (err.status as ProblemStatus)
      : 400
    return problem(c, status, err.message || 'The request could not be processed.')
  }
  console.error('unhandled error', c.req.method, c.req.path, err)
  return problem(c, 500, 'An internal error occurred; it has been logged. Please report the request that caused it.')
}
