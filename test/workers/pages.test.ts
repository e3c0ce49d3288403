import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'

async function sha256Base64(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let s = ''
  for (const b of d) s += String.fromCharCode(b)
  return btoa(s)
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values]),
  )
}

/** Every URL the page refers to (src, href) must be this origin's path, a fragment or data:. */
function outsideReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !/^(\/(?!\/)|#|data:)/.test(u))
}

describe('GET /', () => {
  it('is an HTML page with the widget, the API at a glance, links to /docs and the embed snippet', async () => {
    const res = await SELF.fetch(`${BASE}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('<escape-time-calculator sync-url>')
    expect(html).toContain('<script type="module" src="/widget.js"></script>')
    expect(html).toContain('href="/docs"')
    expect(html).toContain('/v1/escape-time')
    expect(html).toContain(`&lt;script type=&quot;module&quot; src=&quot;${BASE}/widget.js&quot;&gt;&lt;/script&gt;`)
    expect(html).toContain(`&lt;iframe src=&quot;${BASE}/embed?basin.kind=quadratic&amp;`)
    expect(outsideReferences(html)).toEqual([])
  })

  it('has a CSP that allows only this origin, the hashed inline style, and no framing', async () => {
    const res = await SELF.fetch(`${BASE}/`)
    const html = await res.text()
    const csp = directives(res.headers.get('content-security-policy') ?? '')
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    // the one inline <style> is allowed by exactly its hash; no 'unsafe-inline' anywhere
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
    expect(styles.length).toBe(1)
    expect(csp.get('style-src')).toEqual(["'self'", `'sha256-${await sha256Base64(styles[0])}'`])
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe')
    // no inline scripts (script-src 'self' would block them)
    expect([...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)]).toEqual([])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('GET /embed', () => {
  it('holds only the widget, reads its state from the URL, and may be framed by any site', async () => {
    const res = await SELF.fetch(`${BASE}/embed?basin.kind=interval&basin.left=1&basin.right=2&theme=dark`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<escape-time-calculator sync-url resize-parent theme="dark">')
    expect(html.match(/<escape-time-calculator/g)?.length).toBe(1)
    const csp = directives(res.headers.get('content-security-policy') ?? '')
    expect(csp.has('frame-ancestors')).toBe(false) // any parent, including about: and file: pages
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(res.headers.get('x-frame-options')).toBeNull()
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(outsideReferences(html)).toEqual([])
  })
  it('ignores an unknown theme', async () => {
    const html = await (await SELF.fetch(`${BASE}/embed?theme=<script>`)).text()
    expect(html).toContain('<escape-time-calculator sync-url resize-parent>')
  })
})

describe('GET /widget.js and /widget-compare.js', () => {
  it('serves the element as an ES module that other sites may load (CORS), with a strong ETag', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const js = await res.text()
    expect(js).toContain('customElements.define')
    expect(js).toContain('escape-time-calculator')
    expect(js).not.toMatch(/\brequire\(/)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/)
    const again = await SELF.fetch(`${BASE}/widget.js`, { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(again.headers.get('content-type')).toBeNull()
    await again.arrayBuffer()
  })
  it('serves the trained-minima panel as a separate module that the main bundle does not contain', async () => {
    const compare = await (await SELF.fetch(`${BASE}/widget-compare.js`)).text()
    const main = await (await SELF.fetch(`${BASE}/widget.js`)).text()
    expect(compare).toContain('renderComparePanel')
    expect(compare).toContain('/v1/compare')
    expect(main).not.toContain('/v1/compare')
    expect(main).toContain('widget-compare.js')
  })
})

describe('GET /favicon.ico', () => {
  it('is a small SVG icon, so that no page (/docs included) logs a failed favicon request', async () => {
    const res = await SELF.fetch(`${BASE}/favicon.ico`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    const svg = await res.text()
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.length).toBeLessThan(1024)
  })
})

describe('GET /docs security headers', () => {
  it('carries the pages CSP (its one stylesheet by hash, nothing else), nosniff and no framing; a 304 has no Content-Type', async () => {
    const res = await SELF.fetch(`${BASE}/docs`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1])
    expect(styles.length).toBe(1)
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(styles[0])))
    const hash = btoa(String.fromCharCode(...digest))
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`)
    expect(csp).toContain("frame-ancestors 'none'")
    // one same-origin module (the try-it forms and the filter), no inline script (script-src 'self' would block it)
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script type="module" src="/docs/docs.js">',
    ])
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const again = await SELF.fetch(`${BASE}/docs`, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
    expect(again.headers.get('content-type')).toBeNull()
    expect(again.headers.get('content-security-policy')).toBe(csp)
  })
})
