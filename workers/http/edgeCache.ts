/**
 * Edge caching of deterministic answers through the Workers Cache API (`caches.default`, per data centre).
 *
 * What is cached (`cacheRule`): the GET forms of the theory endpoints; the POST forms of the deterministic
 * endpoints; the random ones (`/v1/stable/sample`, `/v1/simulate`, `/v1/models/{id}/probe`, `/v1/compare`)
 * only when the request names its `seed`; the model list and records. Never: problems (only 200 answers are
 * stored), the upload endpoint `/v1/probe`, anything not listed.
 *
 * The key is the canonical request under the package version (`canonicalKey`): the path plus the query
 * parameters sorted by name for GET, the SHA-256 of the body's canonical JSON (keys sorted at every level,
 * numbers as JSON.stringify writes them) for POST, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1.0 }` share an
 * entry and any changed value misses. A new version starts a fresh key space.
 *
 * Answers say what happened in an RFC 9211 `Cache-Status` header: `levy-escape; hit`, `levy-escape;
 * fwd=miss; stored`, or `levy-escape; fwd=uri-miss` for requests that are never cached. POST answers keep
 * `Cache-Control: no-store` for the client; the stored copy carries the GET policy so the Cache API keeps it.
 * Where there is no Cache API (Node, the CLI) the middleware only passes the request on.
 */
import type { MiddlewareHandler } from 'hono'
import { VERSION } from '../version.ts'
import { CACHE_CONTROL, matchesIfNoneMatch } from './respond.ts'

/** Which requests may be served from the cache; `seeded`: only when the request names its seed. */
export interface CacheRule {
  method: 'GET' | 'POST'
  path: RegExp
  seeded?: boolean
}

export const CACHE_RULES: readonly CacheRule[] = [
  { method: 'GET', path: /^\/v1\/(stable\/(pdf|logpdf|cdf|sf|quantile)|escape-time|landscape)$/ },
  { method: 'POST', path: /^\/v1\/(stable\/(pdf|logpdf|cdf|sf|quantile)|escape-time|landscape|tail-index)$/ },
  { method: 'POST', path: /^\/v1\/(stable\/sample|simulate|compare)$/, seeded: true },
  { method: 'GET', path: /^\/v1\/models(\/[A-Za-z0-9._-]+)?$/ },
  { method: 'POST', path: /^\/v1\/models\/[A-Za-z0-9._-]+\/probe$/, seeded: true },
]

/** The rule that lets this request be cached, if any. */
export function cacheRule(method: string, path: string): CacheRule | undefined {
  return CACHE_RULES.find((r) => r.method === method && r.path.test(path))
}

/** JSON with object keys sorted at every level: one text per value, whatever the key order or spacing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as object).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let s = ''
  for (const b of digest) s += b.toString(16).padStart(2, '0')
  return s
}

/** The query string with its parameters sorted by name (stable for repeated names). */
export function canonicalQuery(params: URLSearchParams): string {
  const sorted = [...params].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return new URLSearchParams(sorted).toString()
}

/**
 * The cache key URL of a request, or undefined when it must not be cached (a body that is not a JSON
 * object, or a random endpoint without `seed`).
 */
export async function canonicalKey(
  url: URL,
  method: 'GET' | 'POST',
  body: string | undefined,
  rule: CacheRule,
): Promise<string | undefined> {
  const base = `${url.origin}/__cache/${encodeURIComponent(VERSION)}${url.pathname}`
  if (method === 'GET') return `${base}?${canonicalQuery(url.searchParams)}`
  let value: unknown
  try {
    value = JSON.parse(body ?? '')
  } catch {
    return undefined
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  if (rule.seeded && !Object.hasOwn(value, 'seed')) return undefined
  return `${base}/post-${await sha256Hex(canonicalJson(value))}`
}

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i
const STATUS_HIT = 'levy-escape; hit'
const STATUS_STORED = 'levy-escape; fwd=miss; stored'
const STATUS_BYPASS = 'levy-escape; fwd=uri-miss'

/** Headers that depend on the request (CORS, timing) rather than on the answer: never stored. */
const REQUEST_BOUND = /^(access-control-|vary$|server-timing$|cache-status$)/i

function storedCopy(res: Response, bytes: ArrayBuffer): Response {
  const headers = new Headers()
  for (const [k, val] of res.headers) if (!REQUEST_BOUND.test(k)) headers.set(k, val)
  headers.set('Cache-Control', CACHE_CONTROL)
  headers.set('X-Client-Cache-Control', res.headers.get('cache-control') ?? CACHE_CONTROL)
  return new Response(bytes, { status: 200, headers })
}

async function fromStored(hit: Response, method: string, ifNoneMatch: string | undefined): Promise<Response> {
  const headers = new Headers(hit.headers)
  headers.set('Cache-Control', headers.get('x-client-cache-control') ?? CACHE_CONTROL)
  headers.delete('x-client-cache-control')
  headers.set('Cache-Status', STATUS_HIT)
  const etag = headers.get('etag')
  if (method === 'GET' && etag && matchesIfNoneMatch(ifNoneMatch, etag)) {
    headers.delete('content-type')
    headers.delete('content-length')
    await hit.body?.cancel()
    return new Response(null, { status: 304, headers })
  }
  // the bytes, not the stream: a small answer is copied once instead of being piped through a stream
  return new Response(await hit.arrayBuffer(), { status: 200, headers })
}

/** The part of the Cache API used here (`caches.default`, or a stand-in for benchmarks). */
export type CacheLike = Pick<Cache, 'match' | 'put'>

/** The cache of this platform, or undefined where there is none (Node). */
export function platformCache(): CacheLike | undefined {
  const storage = (globalThis as { caches?: CacheStorage & { default?: Cache } }).caches
  return storage?.default
}

/**
 * The caching middleware (see the module comment). `cache` defaults to `caches.default`; the bench passes
 * an in-isolate stand-in.
 */
export function edgeCache(cache: () => CacheLike | undefined = platformCache): MiddlewareHandler {
  return async (c, next) => {
    const store = cache()
    const method = c.req.method
    const url = new URL(c.req.url)
    const rule = method === 'GET' || method === 'POST' ? cacheRule(method, url.pathname) : undefined
    if (!store || !rule) return next()
    let body: string | undefined
    if (method === 'POST') {
      if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) return next()
      body = await c.req.text()
    }
    const key = await canonicalKey(url, rule.method, body, rule)
    if (!key) {
      await next()
      c.res.headers.set('Cache-Status', STATUS_BYPASS)
      return
    }
    const hit = await store.match(key)
    if (hit) return await fromStored(hit, method, c.req.header('if-none-match'))
    await next()
    if (c.res.status !== 200) return
    const bytes = await c.res.arrayBuffer()
    c.res = new Response(bytes, c.res)
    // Stored before answering, so `stored` is true when the client reads it and the next identical request hits.
    const stored = await store.put(key, storedCopy(c.res, bytes)).then(
      () => true,
      () => false,
    )
    c.res.headers.set('Cache-Status', stored ? STATUS_STORED : 'levy-escape; fwd=miss')
  }
}
