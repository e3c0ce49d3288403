/**
 * The widget as a blogger and their readers meet it, in Debian's Chromium against `wrangler dev`: the "watch it
 * escape" animation (plays on screen, stops off screen and in a hidden tab, static under reduced motion, the same
 * walks as the core), embeds that size themselves on a page of another origin, downloads (SVG, PNG, JSON),
 * fullscreen, the phone layout, the single-step headline, and axe on every page in light and dark.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { escapeTime } from '../../src/escape/index.ts'
import { INSIDE, Walk } from '../../src/simulate/walk.ts'
import { formatNumber } from '../../src/widget/formatNumber.ts'
import { defaultState, type WidgetState } from '../../src/widget/state.ts'
import { stateToQuery } from '../../src/widget/stateToQuery.ts'
import { toRequest } from '../../src/widget/toRequest.ts'
import { walkSetup } from '../../src/widget/walkSetup.ts'
import { launchChromium, type Watch, watchContext } from './browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext
let watch: Watch
/** A second origin (another port) serving the blogger's pages. */
let blog: Server
let blogUrl = ''
const blogPages = new Map<string, string>()

beforeAll(async () => {
  browser = await launchChromium()
  blog = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const html = blogPages.get(path)
    if (path === '/favicon.ico') res.writeHead(204).end()
    else if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    else res.writeHead(404).end()
  })
  await new Promise<void>((r) => blog.listen(0, '127.0.0.1', r))
  blogUrl = `http://localhost:${(blog.address() as AddressInfo).port}`
})
afterAll(async () => {
  await browser?.close()
  await new Promise((r) => blog?.close(r))
})

async function newPage(opts: { width?: number; dark?: boolean; reducedMotion?: boolean } = {}): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    colorScheme: opts.dark ? 'dark' : 'light',
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
    acceptDownloads: true,
    bypassCSP: true,
  })
  watch = watchContext(context, baseUrl)
  return context.newPage()
}

afterEach(async () => {
  await context?.close()
  expect(watch.errors, 'console errors, page errors or failed requests').toEqual([])
  expect(watch.outside.filter((u) => !u.startsWith(blogUrl))).toEqual([])
})

type Calculator = HTMLElement & { frameCosts: number[]; playing: boolean; state: WidgetState }

const frames = (page: Page) =>
  page.locator('escape-time-calculator').evaluate((el) => (el as Calculator).frameCosts.length)
const cellText = (page: Page, id: string) =>
  page.locator('escape-time-calculator').evaluate((el, id) => el.shadowRoot!.getElementById(id)!.textContent, id)

describe('watch it escape', () => {
  it('plays while on screen, stops off screen and in a hidden tab, and resumes', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    await page.locator('#watch-canvas').scrollIntoViewIfNeeded()
    await expect.poll(() => frames(page)).toBeGreaterThan(10)
    expect(await page.locator('#watch-play').textContent()).toBe('Pause')
    // off screen: scroll to the top of the page, where the animation is far below the fold
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(300)
    const parked = await frames(page)
    await page.waitForTimeout(500)
    expect(await frames(page)).toBe(parked)
    expect(await page.locator('escape-time-calculator').evaluate((el) => (el as Calculator).playing)).toBe(false)
    // back on screen: it runs again
    await page.locator('#watch-canvas').scrollIntoViewIfNeeded()
    await expect.poll(() => frames(page)).toBeGreaterThan(parked)
    // a hidden tab stops it
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    const hidden = await frames(page)
    await page.waitForTimeout(400)
    expect(await frames(page)).toBe(hidden)
  })

  it('under prefers-reduced-motion shows a static view whose counts equal the core walks; Step advances both', async () => {
    const page = await newPage({ reducedMotion: true })
    const state: WidgetState = {
      ...defaultState,
      basin: 'interval',
      left: 0.5,
      right: 1,
      noiseScale: [1],
      sgd: { alpha: 1.3, lr: 0.05 },
      watchSeed: 42,
      watchSpeed: 100,
    }
    await page.goto(`${baseUrl}/embed?${stateToQuery(state)}`)
    await page.locator('#watch-canvas').scrollIntoViewIfNeeded()
    await expect.poll(() => cellText(page, 'watch-sgd-iterations')).toBe('96')
    await page.waitForTimeout(300)
    expect(await frames(page)).toBe(0)
    expect(await page.locator('#watch-play').textContent()).toBe('Play')
    // Oracle: the same walks run in Node from the same state (seed 42): 96 + 3 × 100 iterations.
    for (let i = 0; i < 3; i++) await page.locator('#watch-step').click()
    const expected = (who: 'sgd' | 'adam') => {
      const w = new Walk(walkSetup(state, who, 42)!)
      for (let k = 0; k < 396; k++) w.step()
      return w
    }
    for (const who of ['sgd', 'adam'] as const) {
      const w = expected(who)
      expect(await cellText(page, `watch-${who}-iterations`)).toBe('396')
      expect(await cellText(page, `watch-${who}-escapes`)).toBe(formatNumber(w.escapes))
      expect(await cellText(page, `watch-${who}-mean`)).toBe(formatNumber(w.meanEscapeIterations, 3))
    }
    expect(expected('sgd').escapes).toBeGreaterThan(0)
    const predicted = escapeTime(toRequest(state))
    expect(predicted.ok).toBe(true)
    if (predicted.ok)
      expect(await cellText(page, 'watch-sgd-predicted')).toBe(
        formatNumber(predicted.value.sgd!.meanEscapeIterations, 3),
      )
    // Reset restarts from θ* with the same seed: the same counts again.
    await page.locator('#watch-reset').click()
    expect(await cellText(page, 'watch-sgd-iterations')).toBe('96')
    // A new seed from the URL gives another, equally reproducible run.
    expect(new URL(page.url()).searchParams.get('watch.seed')).toBe('42')
    expect(new URL(page.url()).searchParams.get('watch.speed')).toBe('100')
  })

  it('the walks the page runs are the simulator: the stepped walk reproduces /v1/simulate', async () => {
    const state: WidgetState = { ...defaultState, basin: 'interval', left: 0.5, right: 1, noiseScale: [1] }
    const w = new Walk(walkSetup(state, 'sgd', 5)!)
    while (w.escapes < 200) w.step()
    const res = await fetch(`${baseUrl}/v1/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        basin: { kind: 'interval', left: 0.5, right: 1 },
        noise: { scale: 1 },
        optimizer: 'sgd',
        alpha: state.sgd.alpha,
        lr: state.sgd.lr,
        chains: 200,
        seed: 5,
      }),
    })
    expect(res.status).toBe(200)
    const sim = (await res.json()) as { meanEscapeIterations: number; escaped: number }
    expect(sim.escaped).toBe(200)
    expect(sim.meanEscapeIterations).toBe(w.meanEscapeIterations)
    expect(INSIDE).toBe(-1)
  })
})

describe('embeds that size themselves', () => {
  for (const width of [1280, 390]) {
    it(`an /embed iframe with /embed.js on another origin at ${width} px: no inner scrollbar, height follows "More numbers"`, async () => {
      blogPages.set(
        '/post',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title></head><body><main><h1>A blog post</h1>
<iframe src="${baseUrl}/embed?${stateToQuery(defaultState)}" title="Escape-time calculator" width="100%" height="300" style="border:0" allow="clipboard-write; fullscreen"></iframe>
<script src="${baseUrl}/embed.js" async></script></main></body></html>`,
      )
      const page = await newPage({ width })
      await page.goto(`${blogUrl}/post`)
      const frame = page.frameLocator('iframe')
      await expect.poll(() => frame.locator('#out-sgd').textContent(), { timeout: 15_000 }).not.toBe('—')
      const sizes = async () => {
        const outer = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height)
        const inner = await frame
          .locator('html')
          .evaluate((h) => ({ scroll: h.scrollHeight, client: h.clientHeight, width: h.scrollWidth - h.clientWidth }))
        return { outer, ...inner }
      }
      await expect.poll(async () => (await sizes()).outer, { timeout: 10_000 }).toBeGreaterThan(600)
      let s = await sizes()
      expect(s.scroll).toBeLessThanOrEqual(s.client + 1)
      expect(s.width).toBeLessThanOrEqual(0)
      const before = s.outer
      await frame.locator('#more summary').click()
      await expect.poll(async () => (await sizes()).outer).toBeGreaterThan(before + 100)
      s = await sizes()
      expect(s.scroll).toBeLessThanOrEqual(s.client + 1)
    })
  }

  it('/embed.js ignores messages from other origins and from windows that are not its frames', async () => {
    blogPages.set(
      '/forged',
      `<!doctype html><html lang="en"><head><title>x</title></head><body>
<iframe id="f" src="about:blank" title="empty" height="200"></iframe><script src="${baseUrl}/embed.js"></script></body></html>`,
    )
    const page = await newPage()
    await page.goto(`${blogUrl}/forged`)
    await page.waitForFunction(() => document.readyState === 'complete')
    await page.evaluate(() => window.postMessage({ type: 'levy-escape:resize', height: 5000 }, '*'))
    await page.waitForTimeout(200)
    expect(await page.locator('#f').evaluate((f) => f.getBoundingClientRect().height)).toBeLessThan(300)
  })
})

describe('downloads, fullscreen, headline, phones', () => {
  it('each plot downloads as a standalone SVG and a PNG; the state downloads as the API request', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/embed`)
    await expect.poll(() => page.locator('#out-sgd').textContent()).not.toBe('—')
    for (const plot of ['plot-lr', 'plot-density', 'plot-basin']) {
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`button[data-plot="${plot}"][data-export="svg"]`).click(),
      ])
      expect(svg.suggestedFilename()).toBe(`levy-escape-quadratic-${plot.replace('plot-', '')}.svg`)
      const text = readFileSync((await svg.path())!, 'utf8')
      expect(text.startsWith('<?xml')).toBe(true)
      expect(text).toContain('xmlns="http://www.w3.org/2000/svg"')
      expect(text).not.toContain('class=')
      expect(text).not.toContain('var(--')
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`button[data-plot="${plot}"][data-export="png"]`).click(),
      ])
      const bytes = readFileSync((await png.path())!)
      expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
      expect(bytes.readUInt32BE(16)).toBeGreaterThan(400) // width: twice the plot's
    }
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()])
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toEqual(toRequest(defaultState))
    const [anim] = await Promise.all([page.waitForEvent('download'), page.locator('#watch-png').click()])
    expect(anim.suggestedFilename()).toBe('levy-escape-quadratic-escapes.png')
  })

  it('fullscreen shows the calculator alone and comes back', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/embed`)
    await page.locator('#fullscreen').click()
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.tagName.toLowerCase()))
      .toBe('escape-time-calculator')
    expect(await page.locator('#fullscreen').textContent()).toBe('Exit fullscreen')
    await page.locator('#fullscreen').click()
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBe(null)
  })

  it('never headlines a sub-iteration escape: "leaves within one step"', async () => {
    const page = await newPage()
    const state: WidgetState = {
      ...defaultState,
      basin: 'interval',
      left: 0.01,
      right: 2,
      noiseScale: [1],
      sgd: { alpha: 1.5, lr: 0.1 },
    }
    const r = escapeTime(toRequest(state))
    expect(r.ok && r.value.sgd!.meanEscapeIterations).toBeLessThan(1)
    await page.goto(`${baseUrl}/embed?${stateToQuery(state)}`)
    await expect.poll(() => page.locator('#out-sgd').textContent()).toBe('leaves within one step')
    expect(await page.locator('#out-adam').textContent()).not.toBe('leaves within one step')
  })

  it("shows the API's plain-words message for bad input, and each warning links to its /docs/theory anchor", async () => {
    const page = await newPage()
    const bad: WidgetState = { ...defaultState, sgd: { alpha: 2.5, lr: 0.01 } }
    const res = await fetch(`${baseUrl}/v1/escape-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toRequest(bad)),
    })
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { errors: { path: string; message: string }[] }
    const apiMessage = problem.errors.find((e) => e.path === 'optimizers.sgd.alpha')!.message
    await page.goto(`${baseUrl}/embed?${stateToQuery(bad)}`)
    await expect.poll(() => page.locator('#error').textContent()).toContain(`optimizers.sgd.alpha: ${apiMessage}`)
    expect(await page.locator('#error').textContent()).not.toContain('Invalid value')
    // a state with warnings: one step leaves the narrow interval with a large probability
    const risky: WidgetState = {
      ...defaultState,
      basin: 'interval',
      left: 0.01,
      right: 2,
      noiseScale: [1],
      sgd: { alpha: 1.5, lr: 0.1 },
    }
    await page.goto(`${baseUrl}/embed?${stateToQuery(risky)}`)
    await expect.poll(() => page.locator('#warnings li').count()).toBeGreaterThan(0)
    const hrefs = await page.locator('#warnings li a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.length).toBe(await page.locator('#warnings li').count())
    const theory = await (await fetch(`${baseUrl}/docs/theory`)).text()
    for (const href of hrefs) {
      expect(href.startsWith(`${baseUrl}/docs/theory#`), href).toBe(true)
      expect(theory).toContain(`id="${href.split('#')[1]}"`)
    }
  })

  it('at 390 px the headline numbers stay in view (sticky bar) while the controls are scrolled', async () => {
    const page = await newPage({ width: 390 })
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.locator('#out-sgd').textContent()).not.toBe('—')
    await page.locator('#adam-pre').scrollIntoViewIfNeeded()
    const bar = await page.locator('.bar').evaluate((b) => {
      const r = b.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, display: getComputedStyle(b).display }
    })
    expect(bar.display).toBe('flex')
    expect(bar.top).toBeGreaterThanOrEqual(0)
    expect(bar.bottom).toBeLessThan(900)
    expect(await page.locator('#bar-sgd').textContent()).toBe(await page.locator('#out-sgd').textContent())
    // wide screens do not show it
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(await page.locator('.bar').evaluate((b) => getComputedStyle(b).display)).toBe('none')
  })
})

describe('axe finds nothing', () => {
  const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
  async function violations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource })
    const result = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> }
        }
      ).axe.run(document)
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    })
    return result
  }
  const pages = ['/', '/embed', '/docs', '/docs/theory']
  for (const dark of [false, true]) {
    for (const path of pages) {
      it(`${path} (${dark ? 'dark' : 'light'})`, async () => {
        const page = await newPage({ dark })
        const res = await page.goto(`${baseUrl}${path}`)
        expect(res?.status()).toBe(200)
        await page.waitForLoadState('networkidle')
        expect(await violations(page)).toEqual([])
      })
    }
    it(`a blog page of another origin embedding the widget (${dark ? 'dark' : 'light'})`, async () => {
      blogPages.set(
        '/axe',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body><main><h1>A blog post</h1>
<script type="module" src="${baseUrl}/widget.js"></script><escape-time-calculator></escape-time-calculator></main></body></html>`,
      )
      const page = await newPage({ dark })
      await page.goto(`${blogUrl}/axe`)
      await expect.poll(() => page.locator('#out-sgd').textContent()).not.toBe('—')
      expect(await violations(page)).toEqual([])
    })
  }
})
