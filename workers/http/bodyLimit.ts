/**
 * Request body size limit, enforced before any parsing (docs/api.md#limits): 2 MiB by default and
 * 16 MiB for the multipart `/v1/probe`. A declared `Content-Length` over the limit is refused at once; a
 * body without one is counted while it streams (hono's bodyLimit) and refused as soon as it passes the limit.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit as honoBodyLimit } from 'hono/body-limit'
import { problem } from '../problem.ts'

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024

/** Paths with their own limit (exact match). */
export const BODY_LIMITS: Record<string, number> = { '/v1/probe': 16 * 1024 * 1024 }

const mib = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MiB` : `${(n / 1024).toFixed(0)} KiB`

const limiters = new Map<number, MiddlewareHandler>()
function limiter(max: number): MiddlewareHandler {
  let m = limiters.get(max)
  if (!m) {
    m = honoBodyLimit({
      maxSize: max,
      onError: (c) =>
        problem(
          c,
          413,
          `The body is larger than the ${mib(max)} this endpoint accepts; send fewer or shorter numbers.`,
        ),
    })
    limiters.set(max, m)
  }
  return m
}

/** The limit middleware; `defaultMax` applies to every path without its own entry in BODY_LIMITS. */
export const bodyLimit =
  (defaultMax = DEFAULT_BODY_LIMIT): MiddlewareHandler =>
  (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next()
    return limiter(BODY_LIMITS[c.req.path] ?? defaultMax)(c, next)
  }
