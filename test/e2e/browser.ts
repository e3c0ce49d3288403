/**
 * Shared helpers of the browser tests: Debian's Chromium driven by playwright-core with the flags that
 * work in containers (no sandbox in containers, no GPU, no background networking), plus a watcher that
 * records console errors, uncaught page errors, failed requests and every request to a host other
 * than the test server.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  })
}

export interface Watch {
  errors: string[]
  outside: string[]
  requests: string[]
}

/** Records problems on every page of the context; `baseUrl` is the only host allowed. */
export function watchContext(context: BrowserContext, baseUrl: string): Watch {
  const w: Watch = { errors: [], outside: [], requests: [] }
  const host = new URL(baseUrl).host
  const attach = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') w.errors.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`))
    page.on('requestfailed', (r) => w.errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`))
  }
  context.on('page', attach)
  context.on('request', (r) => {
    const url = r.url()
    w.requests.push(url)
    if (url.startsWith('data:') || url === 'about:blank') return
    try {
      if (new URL(url).host !== host) w.outside.push(url)
    } catch {
      w.outside.push(url)
    }
  })
  return w
}
