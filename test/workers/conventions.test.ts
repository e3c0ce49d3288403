/**
 * HTTP conventions of docs/api.md, inside workerd: problem bodies and statuses (400/404/405/413/415),
 * the finite boundary, CORS (default and allowlist) and preflight, HEAD.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../workers/createApp.ts'

const BASE = 'https://levy-escape.test'
const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  SELF.fetch(`${BASE}${path}`, { method: 'POST', headers, body })

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const body = (await res.json()) as {
    type: string
    title: string
    status: number
    detail: string
    errors: { path: string; message: string }[]
  }
  expect(body.status).toBe(status)
  expect(typeof body.type).toBe('string')
  expect(body.title.length).toBeGreaterThan(0)
  expect(body.detail.length).toBeGreaterThan(0)
  expect(Array.isArray(body.errors)).toBe(true)
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/)
  return body
}

describe('problems', () => {
  it('404 for an unknown route', async () => {
    const body = await expectProblem(await SELF.fetch(`${BASE}/v1/nothing-here`), 404)
    expect(body.type).toBe('/docs#problem-not-found')
  })

  it('405 with Allow for a known path and a wrong method', async () => {
    const res = await SELF.fetch(`${BASE}/v1/stable/sample`)
    await expectProblem(res, 405)
    expect(res.headers.get('allow')).toBe('OPTIONS, POST')
    const res2 = await SELF.fetch(`${BASE}/healthz`, { method: 'DELETE' })
    await expectProblem(res2, 405)
    expect(res2.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('415 for a body not declared JSON, whatever it contains', async () => {
    await expectProblem(await post('/v1/stable/sample', '{"alpha":1.5,"n":3}', { 'content-type': 'text/plain' }), 415)
    await expectProblem(
      await post('/v1/stable/sample', 'alpha=1.5&n=3', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    )
  })

  it('accepts application/json with parameters and +json types', async () => {
    expect(
      (await post('/v1/stable/sample', '{"alpha":1.5,"n":3}', { 'content-type': 'application/json; charset=utf-8' }))
        .status,
    ).toBe(200)
    expect(
      (await post('/v1/stable/sample', '{"alpha":1.5,"n":3}', { 'content-type': 'application/vnd.api+json' })).status,
    ).toBe(200)
  })

  it('415 for a charset other than UTF-8 (quoted or not, any case); UTF-8 spelled either way is accepted', async () => {
    for (const type of [
      'application/json; charset=utf-16',
      'application/json;charset="ISO-8859-1"',
      'application/json; charset=UTF-16LE',
    ]) {
      const b = await expectProblem(
        await post('/v1/stable/sample', '{"alpha":1.5,"n":3}', { 'content-type': type }),
        415,
      )
      expect(b.detail).toMatch(/UTF-8/)
    }
    for (const type of ['application/json; charset="UTF-8"', 'application/json; charset=utf8'])
      expect((await post('/v1/stable/sample', '{"alpha":1.5,"n":3}', { 'content-type': type })).status).toBe(200)
  })

  it('400 "the body must be a JSON object" for JSON that is an array, a string, a number or null', async () => {
    for (const [body, got] of [
      ['[1, 2]', 'an array'],
      ['"alpha"', 'a string'],
      ['3', 'a number'],
      ['null', 'null'],
    ]) {
      const b = await expectProblem(await post('/v1/stable/sample', body), 400)
      expect(b.errors).toEqual([{ path: '', message: `the body must be a JSON object (got ${got})` }])
    }
  })

  it('400 for malformed JSON and for an empty body', async () => {
    const b = await expectProblem(await post('/v1/stable/sample', '{"alpha":1.5,'), 400)
    expect(b.errors).toEqual([{ path: '', message: 'malformed JSON' }])
    await expectProblem(await post('/v1/stable/sample', ''), 400)
  })

  it('400 with one dotted-path entry per bad field', async () => {
    const b = await expectProblem(
      await post('/v1/stable/sample', JSON.stringify({ alpha: 2.5, scale: 'big', n: 0.5 })),
      400,
    )
    expect(b.errors.map((e) => e.path).sort()).toEqual(['alpha', 'n', 'scale'])
    expect(b.type).toBe('/docs#problem-invalid-input')
  })

  it('400 for a non-finite number (1e999 parses to Infinity), for null and for deep nesting', async () => {
    const inf = await expectProblem(await post('/v1/stable/sample', '{"alpha":1.5,"n":1e999}'), 400)
    expect(inf.errors).toEqual([{ path: 'n', message: 'must be a finite number' }])
    const nul = await expectProblem(await post('/v1/stable/sample', '{"alpha":1.5,"n":3,"scale":null}'), 400)
    expect(nul.errors[0].path).toBe('scale')
    const deep = await expectProblem(
      await post('/v1/stable/sample', `{"alpha":1.5,"n":3,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      400,
    )
    expect(deep.errors[0].message).toMatch(/nested more than 32/)
  })

  it('413 before parsing: a declared length over 2 MiB, and a streamed body over 2 MiB', async () => {
    const big = `{"alpha":1.5,"n":3,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`
    await expectProblem(await post('/v1/stable/sample', big), 413)
    const chunk = new TextEncoder().encode('x'.repeat(256 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent >= 12) return ctl.close()
        sent++
        ctl.enqueue(chunk)
      },
    })
    const res = await SELF.fetch(`${BASE}/v1/stable/sample`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
    })
    await expectProblem(res, 413)
  })

  it('413 for /v1/probe only above its own 16 MiB limit', async () => {
    const res = await SELF.fetch(`${BASE}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: new Uint8Array(16 * 1024 * 1024 + 1),
    })
    const body = await expectProblem(res, 413)
    expect(body.detail).toContain('16 MiB')
  })

  it('a body just under the limit is parsed (and then judged on its content)', async () => {
    const body = `{"alpha":1.5,"n":3${' '.repeat(2 * 1024 * 1024 - 100)}}`
    expect((await post('/v1/stable/sample', body)).status).toBe(200)
  })
})

describe('CORS', () => {
  it('allows every origin by default on answers and on problems', async () => {
    const ok = await SELF.fetch(`${BASE}/healthz`, { headers: { origin: 'https://blog.example' } })
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    const bad = await SELF.fetch(`${BASE}/v1/nothing`, { headers: { origin: 'https://blog.example' } })
    expect(bad.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers an OPTIONS preflight with 204 and the allowed methods and headers', async () => {
    const res = await SELF.fetch(`${BASE}/v1/escape-time`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://blog.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
  })

  it('honours an allowlist from CORS_ORIGINS', async () => {
    const app = createApp()
    const env = { CORS_ORIGINS: 'https://a.example, https://b.example' }
    const allowed = await app.fetch(new Request(`${BASE}/healthz`, { headers: { origin: 'https://b.example' } }), env)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://b.example')
    expect(allowed.headers.get('vary')).toContain('Origin')
    const other = await app.fetch(new Request(`${BASE}/healthz`, { headers: { origin: 'https://evil.example' } }), env)
    expect(other.status).toBe(200)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('HEAD', () => {
  it('answers HEAD like GET with no body', async () => {
    const res = await SELF.fetch(`${BASE}/healthz`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })
})
