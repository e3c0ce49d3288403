/**
 * The one way a route answers 200 (docs/api.md#caching):
 * - a core `Failure` becomes a 400/422 problem;
 * - a final guard refuses to emit a non-finite number or a null: it answers a 422 problem naming the
 *   field instead (the core should have returned a Failure; this keeps the contract if it did not);
 * - GET answers carry `Cache-Control: public, max-age=86400` and a strong ETag (SHA-256 of the body
 *   bytes, base64url); a matching `If-None-Match` gets a `304` with no body.
 * Serialisation is `JSON.stringify` of the value, so identical requests give identical bytes.
 */
import type { Context, TypedResponse } from 'hono'
import { findNonFinite } from '../../src/parse/index.ts'
import type { Result } from '../../src/result.ts'
import { failureToProblem, problem } from '../problem.ts'

export const CACHE_CONTROL = 'public, max-age=86400'

function base64url(bytes: Uint8Array<ArrayBuffer>): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Strong ETag of body bytes: `"<base64url SHA-256>"`. */
async function etagOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return `"${base64url(new Uint8Array(digest))}"`
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/** Sends bytes with the caching rules of GET (ETag, Cache-Control, 304) or plainly for other methods. */
export async function sendBytes(c: Context, bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': contentType }
  if (c.req.method === 'GET' || c.req.method === 'HEAD') {
    const etag = await etagOf(bytes)
    headers.ETag = etag
    headers['Cache-Control'] = CACHE_CONTROL
    if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) {
      // A 304 has no content, so it carries no Content-Type (RFC 9110 §15.4.5).
      const { 'Content-Type': _, ...rest } = headers
      return new Response(null, { status: 304, headers: rest })
    }
  } else {
    headers['Cache-Control'] = 'no-store'
  }
  return new Response(bytes, { status: 200, headers })
}

const encoder = new TextEncoder()

/** A 200 JSON answer of `value`, after the finite guard. */
export async function respondJson<T>(c: Context, value: T): Promise<Response & TypedResponse<T, 200, 'json'>> {
  const hit = findNonFinite(value, 64)
  if (hit) {
    const where = hit.path ? `\`${hit.path}\`` : 'the result'
    return problem(
      c,
      422,
      `The computation gave no finite value for ${where} at these inputs; move the parameters away from the edge of their range (for example α nearer 1.5, a larger learning rate or a smaller basin).`,
      [{ path: hit.path, message: 'no finite value at these inputs' }],
    ) as Response & TypedResponse<T, 200, 'json'>
  }
  return (await sendBytes(c, encoder.encode(JSON.stringify(value)), 'application/json')) as Response &
    TypedResponse<T, 200, 'json'>
}

/** Answers a core result: the value as 200 JSON, or its Failure as a problem. */
export async function respond<T>(c: Context, result: Result<T>): Promise<Response & TypedResponse<T, 200, 'json'>> {
  if (!result.ok) return failureToProblem(c, result) as Response & TypedResponse<T, 200, 'json'>
  return respondJson(c, result.value)
}
