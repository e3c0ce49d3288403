/**
 * Security headers of the HTML pages: a Content-Security-Policy that allows exactly what
 * the pages and the widget need — scripts only from this origin (`/widget.js`, `/widget-compare.js`),
 * the page's one inline stylesheet by its SHA-256 hash plus same-origin styles (the widget itself uses
 * constructed stylesheets), `fetch` only to this origin, images only from this origin or `data:` —
 * and nothing from any other host; plus `X-Content-Type-Options: nosniff` and a strict referrer policy.
 * `/embed` may be framed by any page (that is its purpose); `/` may not be framed at all.
 */
export interface PagePolicy {
  /** Base64 SHA-256 hashes of the page's inline <style> blocks. */
  styleHashes: string[]
  /** Who may put the page in a frame. */
  framing: 'none' | 'any'
}

export function contentSecurityPolicy(p: PagePolicy): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${p.styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    // `/embed`: no frame-ancestors at all (a `*` source would still refuse non-network parents such as
    // about:blank or file: pages); `frame-ancestors` is not covered by default-src, so omitting it allows any.
    ...(p.framing === 'any' ? [] : ["frame-ancestors 'none'"]),
  ].join('; ')
}

export function pageHeaders(p: PagePolicy): Record<string, string> {
  const h: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy(p),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'public, max-age=300',
  }
  if (p.framing === 'none') h['X-Frame-Options'] = 'DENY'
  return h
}

/** Base64 SHA-256 of a string (the CSP hash-source of an inline block). */
export async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  let bin = ''
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b)
  return btoa(bin)
}
