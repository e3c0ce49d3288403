/**
 * `GET /docs/theory` inside workerd: the theory reference served with every anchor of docs/theory.md, no
 * script, a CSP that allows its one stylesheet by hash, one click from `/` and `/docs`; and every
 * `/docs/theory#…` that the OpenAPI document cites exists on it.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { theoryAnchors } from '../../workers/docs/generated/theoryArticle.ts'

const BASE = 'https://levy-escape.test'

async function sha256Base64(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let s = ''
  for (const b of d) s += String.fromCharCode(b)
  return btoa(s)
}

const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))

describe('GET /docs/theory', () => {
  it('serves the theory reference with every anchor, MathML and no script', async () => {
    const res = await SELF.fetch(`${BASE}/docs/theory`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<html lang="en">')
    const ids = idsOf(html)
    expect(theoryAnchors.length).toBeGreaterThan(60)
    expect(theoryAnchors.filter((a) => !ids.has(a))).toEqual([])
    expect(html).not.toMatch(/<script/i)
    expect(html.match(/<math/g)?.length).toBeGreaterThan(200)
    // Only this origin's paths and fragments: nothing to fetch from elsewhere.
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1])
    expect(refs.filter((u) => !/^(\/(?!\/)|#)/.test(u))).toEqual([])
  })

  it('allows exactly its inline stylesheet by hash and may not be framed', async () => {
    const res = await SELF.fetch(`${BASE}/docs/theory`)
    const html = await res.text()
    const csp = res.headers.get('content-security-policy') ?? ''
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? ''
    expect(style.length).toBeGreaterThan(100)
    expect(csp).toContain(`'sha256-${await sha256Base64(style)}'`)
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('is one click from / and /docs, and links back to both', async () => {
    const page = await (await SELF.fetch(`${BASE}/docs/theory`)).text()
    expect(page).toContain('href="/"')
    expect(page).toContain('href="/docs"')
    for (const path of ['/', '/docs']) {
      expect(await (await SELF.fetch(`${BASE}${path}`)).text()).toContain('href="/docs/theory"')
    }
  })

  it('has every anchor that the OpenAPI document cites', async () => {
    const doc = await (await SELF.fetch(`${BASE}/openapi.json`)).text()
    const cited = [...new Set([...doc.matchAll(/\/docs\/theory#([a-z0-9-]+)/g)].map((m) => m[1]))]
    expect(cited.length).toBeGreaterThan(10)
    const ids = idsOf(await (await SELF.fetch(`${BASE}/docs/theory`)).text())
    expect(cited.filter((a) => !ids.has(a))).toEqual([])
  })
})
