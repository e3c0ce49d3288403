/**
 * The calculator in a real browser (Debian Chromium through playwright-core) against `wrangler dev`:
 * pages load without console errors or requests to other hosts, keyboard and mouse change the inputs,
 * and every number the widget shows equals the API's answer (`POST /v1/escape-time`) for the same
 * inputs. A theory test vector (docs/theory.md#validation-1d) is checked on the page as an independent oracle.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { formatNumber } from '../../src/widget/formatNumber.ts'
import { defaultState, type WidgetState } from '../../src/widget/state.ts'
import { stateToQuery } from '../../src/widget/stateToQuery.ts'
import { toRequest } from '../../src/widget/toRequest.ts'
import { launchChromium, type Watch, watchContext } from './browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext
let watch: Watch

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function newPage(width = 1100): Promise<Page> {
  context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
  watch = watchContext(context, baseUrl)
  return context.newPage()
}

afterEach(async () => {
  await context?.close()
  expect(watch.errors, 'console errors, page errors or failed requests').toEqual([])
  expect(watch.outside, 'requests to hosts other than the test server').toEqual([])
})

interface Api {
  sgd: { meanEscapeIterations: number; exitProbabilities?: { direction: string; probability: number }[] }
  adam: { meanEscapeIterations: number }
  comparison: { iterationRatio: number; mechanisms: { geometry: number; tailIndex: number; learningRate: number } }
}

async function api(state: WidgetState): Promise<Api> {
  const res = await fetch(`${baseUrl}/v1/escape-time`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(toRequest(state)),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as Api
}

const OUTPUTS: [string, (a: Api) => number][] = [
  ['out-sgd', (a) => a.sgd.meanEscapeIterations],
  ['out-adam', (a) => a.adam.meanEscapeIterations],
  ['out-ratio', (a) => a.comparison.iterationRatio],
  ['out-geometry', (a) => a.comparison.mechanisms.geometry],
  ['out-tail', (a) => a.comparison.mechanisms.tailIndex],
  ['out-lr', (a) => a.comparison.mechanisms.learningRate],
]

/** Reads the six result outputs (text and full-precision data-value) from the widget's shadow root. */
async function shown(page: Page): Promise<Record<string, { text: string; value: number }>> {
  return page.locator('escape-time-calculator').evaluate(
    (el, ids) => {
      const out: Record<string, { text: string; value: number }> = {}
      for (const id of ids) {
        const o = el.shadowRoot!.getElementById(id)!
        out[id] = { text: o.textContent ?? '', value: Number(o.getAttribute('data-value')) }
      }
      return out
    },
    OUTPUTS.map(([id]) => id),
  )
}

/** Every displayed number equals the API's answer: the same text, and the same value to 1e-12 relative. */
async function expectShownEqualsApi(page: Page, state: WidgetState): Promise<Api> {
  const expected = await api(state)
  await expect
    .poll(async () => (await shown(page))['out-sgd'].text, { timeout: 5000 })
    .toBe(formatNumber(expected.sgd.meanEscapeIterations))
  const got = await shown(page)
  for (const [id, pick] of OUTPUTS) {
    const want = pick(expected)
    expect(got[id].text, id).toBe(formatNumber(want))
    expect(Math.abs(got[id].value - want) / Math.abs(want), id).toBeLessThanOrEqual(1e-12)
  }
  return expected
}

/**
 * Scrolls the plots into view as a reader would and waits until the three are drawn (plots out of sight are drawn
 * only when they come near the viewport).
 */
async function scrollToPlots(page: Page): Promise<void> {
  await page
    .locator('escape-time-calculator')
    .evaluate((el) => el.shadowRoot!.querySelector('section.plots')!.scrollIntoView())
  await expect
    .poll(() =>
      page.locator('escape-time-calculator').evaluate((el) => el.shadowRoot!.querySelectorAll('.plot svg').length),
    )
    .toBe(3)
}

async function pageQuery(page: Page): Promise<URLSearchParams> {
  return new URL(page.url()).searchParams
}

describe('landing page /', () => {
  it('renders the live widget whose numbers equal the API for the default state', async () => {
    const page = await newPage()
    const res = await page.goto(`${baseUrl}/`)
    expect(res?.status()).toBe(200)
    await expect
      .poll(() =>
        page
          .locator('escape-time-calculator')
          .evaluate((el) => customElements.get('escape-time-calculator') === el.constructor),
      )
      .toBe(true)
    await expectShownEqualsApi(page, defaultState)
    // three plots with accessible names, drawn once they come near the viewport
    await scrollToPlots(page)
    const names = await page.locator('escape-time-calculator svg[role="img"] title').allTextContents()
    expect(names).toEqual([
      'Mean escape iterations against learning rate (log-log)',
      'Noise density: symmetric α-stable against Gaussian (log scale)',
      'The basin and its exit probabilities',
    ])
    mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/landing.png', fullPage: true })
    await page.locator('escape-time-calculator').screenshot({ path: 'test-results/widget.png' })
  })

  it('keyboard: arrow keys on the α slider change SGD α; the numbers and the URL follow', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    const slider = page.locator('#sgd-alpha-range')
    await slider.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.locator('#sgd-alpha').inputValue()).toBe('1.53')
    const state: WidgetState = { ...defaultState, sgd: { alpha: 1.53, lr: 0.01 } }
    await expectShownEqualsApi(page, state)
    await expect.poll(async () => (await pageQuery(page)).toString()).toBe(stateToQuery(state).toString())
    // typing a number: Adam's learning rate
    const lr = page.locator('#adam-lr')
    await lr.fill('')
    await lr.pressSequentially('0.0005')
    await expectShownEqualsApi(page, { ...state, adam: { ...state.adam, lr: 0.0005 } })
  })

  it('keyboard: Tab visits the controls in visual order', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    await page.locator('#basin').focus()
    // each warning of the default view ends with its "Why?" link into /docs/theory
    const res = await fetch(`${baseUrl}/v1/escape-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toRequest(defaultState)),
    })
    const warnings = ((await res.json()) as { warnings: unknown[] }).warnings.length
    const order: string[] = []
    for (let i = 0; i < 33 + warnings; i++) {
      order.push(
        await page.evaluate(() => {
          const host = document.activeElement
          const a = host?.shadowRoot?.activeElement ?? host
          return a?.id || a?.tagName.toLowerCase() || ''
        }),
      )
      await page.keyboard.press('Tab')
    }
    expect(order).toEqual([
      'basin',
      'curvatures',
      'height',
      'noise-scale',
      'noise-model',
      'normalization',
      'sgd-alpha',
      'sgd-alpha-range',
      'sgd-lr',
      'sgd-lr-range',
      'adam-alpha',
      'adam-alpha-range',
      'adam-lr',
      'adam-lr-range',
      'adam-pre',
      ...new Array<string>(warnings).fill('a'),
      'summary',
      'watch-play',
      'watch-step',
      'watch-reset',
      'watch-speed',
      'watch-seed',
      'watch-png',
      ...['plot-lr', 'plot-density', 'plot-basin'].flatMap(() => ['button', 'button']),
      'copy-link',
      'copy-embed',
      'download-json',
      'fullscreen',
      'summary',
    ])
  })

  it('every control has an accessible name and results are announced politely', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    const unnamed = await page.locator('escape-time-calculator').evaluate((el) => {
      const root = el.shadowRoot!
      return [...root.querySelectorAll('input, select, button, textarea')]
        .filter((c) => !(c as HTMLElement).closest('[hidden]'))
        .filter(
          (c) =>
            !(c.getAttribute('aria-label') || (c as HTMLInputElement).labels?.length || (c.textContent ?? '').trim()),
        )
        .map((c) => c.id)
    })
    expect(unnamed).toEqual([])
    await expect
      .poll(() => page.locator('#live').textContent(), { timeout: 5000 })
      .toMatch(/^SGD escapes after about .* iterations, Adam after about .*: Adam stays .* times longer\.$/)
  })

  it('mouse: choosing an interval basin and clicking on a slider; invalid input is marked, not thrown', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    await page.locator('#basin').selectOption('interval')
    await page.locator('#noise-scale').fill('1')
    const state: WidgetState = { ...defaultState, basin: 'interval', noiseScale: [1] }
    await expectShownEqualsApi(page, state)
    // click at 25% of the Adam α slider: the value jumps near 1.01 + 0.25·0.98
    const box = (await page.locator('#adam-alpha-range').boundingBox())!
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2)
    const alpha = Number(await page.locator('#adam-alpha').inputValue())
    expect(alpha).toBeGreaterThan(1.15)
    expect(alpha).toBeLessThan(1.35)
    await expectShownEqualsApi(page, { ...state, adam: { ...state.adam, alpha } })
    // an α outside (1, 2): the field is marked invalid and an alert explains, outputs show a dash
    await page.locator('#sgd-alpha').fill('2.5')
    await expect.poll(() => page.locator('#sgd-alpha').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#error').textContent()).toContain('optimizers.sgd.alpha')
    expect((await shown(page))['out-sgd'].text).toBe('—')
    await page.locator('#more summary').click()
    expect(await page.locator('#more').getAttribute('open')).toBe('')
  })
})

describe('/embed', () => {
  it('draws the plots only when they come near the viewport, then at the current state', async () => {
    const page = await newPage(390)
    await page.goto(`${baseUrl}/embed`)
    await expectShownEqualsApi(page, defaultState)
    const far = await page.locator('escape-time-calculator').evaluate((el) => ({
      top: el.shadowRoot!.querySelector('section.plots')!.getBoundingClientRect().top,
      viewport: innerHeight,
      plots: el.shadowRoot!.querySelectorAll('.plot svg').length,
    }))
    expect(far.top).toBeGreaterThan(2 * far.viewport) // beyond the one-viewport margin
    expect(far.plots).toBe(0)
    // a change while out of sight is drawn when the plots come near: the dot sits at the new learning rate
    await page.locator('escape-time-calculator').evaluate((el) => {
      const input = el.shadowRoot!.getElementById('sgd-lr') as HTMLInputElement
      input.value = '0.02'
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
    await scrollToPlots(page)
    const markup = (p: Page) =>
      p.locator('escape-time-calculator').evaluate((el) => el.shadowRoot!.getElementById('plot-lr')!.innerHTML)
    // the same plot as a page opened at that state
    const direct = await newPage(390)
    await direct.goto(`${baseUrl}/embed?${stateToQuery({ ...defaultState, sgd: { ...defaultState.sgd, lr: 0.02 } })}`)
    await scrollToPlots(direct)
    const drawn = await markup(page)
    expect(drawn).toContain('Mean escape iterations against learning rate')
    expect(drawn).toBe(await markup(direct))
  })

  it('takes its state from the query string and matches docs/theory.md#validation-1d (α = 1.2, (−1, 2), η = 0.01: K = 629.6)', async () => {
    const state: WidgetState = {
      ...defaultState,
      basin: 'interval',
      left: 1,
      right: 2,
      noiseScale: [1],
      sgd: { alpha: 1.2, lr: 0.01 },
      adam: { alpha: 1.5, lr: 0.01, preconditioner: 'auto' },
    }
    const page = await newPage(320)
    await page.goto(`${baseUrl}/embed?theme=dark&${stateToQuery(state)}`)
    const a = await expectShownEqualsApi(page, state)
    // readable at 320 px: nothing wider than the viewport, plots drawn at their box width with 11 px text
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await scrollToPlots(page)
    const plots = await page.locator('escape-time-calculator').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('.plot svg')].map((svg) => ({
        viewBox: Number(svg.getAttribute('viewBox')!.split(' ')[2]),
        shown: svg.getBoundingClientRect().width,
        font: Number(svg.getAttribute('font-size')),
      })),
    )
    expect(plots.length).toBe(3)
    for (const p of plots) {
      expect(p.shown).toBeGreaterThan(250)
      expect((p.font * p.shown) / p.viewBox).toBeGreaterThanOrEqual(10) // rendered label size in CSS px
    }
    expect((await shown(page))['out-sgd'].text).toBe('629.6')
    expect(a.sgd.exitProbabilities?.find((p) => p.direction === 'right')?.probability).toBeCloseTo(0.3033, 4)
    // T5 α = 1.5 row: K = 3703.8 (Adam here has σ/q = 1 in 1-D, so its basin is SGD's)
    expect(a.adam.meanEscapeIterations).toBeCloseTo(3703.8, 1)
    // dark theme from the query string
    const bg = await page
      .locator('escape-time-calculator')
      .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.root')!).backgroundColor)
    expect(bg).toBe('rgb(20, 24, 29)')
    await page.screenshot({ path: 'test-results/embed-320.png', fullPage: true })
    // a change keeps the page's own parameter (theme) in the URL and in the shared link
    await page.locator('#sgd-lr').fill('0.02')
    const changed = { ...state, sgd: { alpha: 1.2, lr: 0.02 } }
    await expect.poll(() => page.url()).toBe(`${baseUrl}/embed?theme=dark&${stateToQuery(changed)}`)
  })

  it('"Copy link" restores the exact view in a new page', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/embed`)
    await page.locator('#sgd-lr').fill('0.02')
    await page.locator('#noise-model').selectOption('isotropic')
    await page.locator('#copy-link').click()
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Link copied')
    const link = await page.evaluate(() => navigator.clipboard.readText())
    const state: WidgetState = { ...defaultState, noiseModel: 'isotropic', sgd: { alpha: 1.5, lr: 0.02 } }
    expect(link).toBe(`${baseUrl}/embed?${stateToQuery(state)}`)
    const other = await context.newPage()
    await other.goto(link)
    await expectShownEqualsApi(other, state)
    expect(await other.locator('#noise-model').inputValue()).toBe('isotropic')
    expect(await other.locator('#sgd-lr').inputValue()).toBe('0.02')
  })

  it('"Copy embed code" gives a snippet that works on another page (module loaded with CORS)', async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/embed`)
    await page.locator('#height').fill('2')
    await page.locator('#copy-embed').click()
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Embed code copied')
    const snippet = await page.evaluate(() => navigator.clipboard.readText())
    expect(snippet.startsWith(`<script type="module" src="${baseUrl}/widget.js"></script>`)).toBe(true)
    const blog = await context.newPage()
    await blog.setContent(`<!doctype html><html><body><h1>A blog post</h1>${snippet}</body></html>`)
    await expectShownEqualsApi(blog, { ...defaultState, height: 2 })
  })
})

describe('embedding options', () => {
  it('api="…" computes on that Worker (POST /v1/escape-time, CORS) and ::part / custom properties restyle it', async () => {
    const page = await newPage(700)
    const state: WidgetState = { ...defaultState, basin: 'interval', left: 0.5, right: 3, noiseScale: [2] }
    await page.setContent(`<!doctype html><html><head><style>
      escape-time-calculator { --etc-sgd: rgb(0, 128, 0); }
      escape-time-calculator::part(root) { border-color: rgb(255, 0, 0); }
    </style><script type="module" src="${baseUrl}/widget.js"></script></head><body>
      <escape-time-calculator api="${baseUrl}" basin="interval" left="0.5" right="3" noise-scale="2" theme="light"></escape-time-calculator>
    </body></html>`)
    await expectShownEqualsApi(page, state)
    expect(watch.requests.filter((u) => u === `${baseUrl}/v1/escape-time`).length).toBeGreaterThan(0)
    const styles = await page.locator('escape-time-calculator').evaluate((el) => {
      const root = el.shadowRoot!
      return {
        border: getComputedStyle(root.querySelector('.root')!).borderTopColor,
        sgd: getComputedStyle(root.getElementById('out-sgd')!).color,
      }
    })
    expect(styles).toEqual({ border: 'rgb(255, 0, 0)', sgd: 'rgb(0, 128, 0)' })
  })
})

describe('/embed in an <iframe> on another site', () => {
  it('loads (frame-ancestors allows it) and shows the API numbers for the state in its URL', async () => {
    const page = await newPage(900)
    const state: WidgetState = { ...defaultState, sgd: { alpha: 1.3, lr: 0.05 } }
    await page.setContent(
      `<!doctype html><html><body><h1>A blog post</h1><iframe src="${baseUrl}/embed?${stateToQuery(state)}" title="calculator" width="100%" height="900"></iframe></body></html>`,
    )
    const expected = await api(state)
    const out = page.frameLocator('iframe').locator('#out-sgd')
    await expect
      .poll(() => out.textContent(), { timeout: 10_000 })
      .toBe(formatNumber(expected.sgd.meanEscapeIterations))
    expect(await page.frameLocator('iframe').locator('#out-ratio').textContent()).toBe(
      formatNumber(expected.comparison.iterationRatio),
    )
  })
})

describe('trained-minima panel', () => {
  it('is loaded only when opened, and then shows the /v1/compare table it received, or a clear message', {
    timeout: 240_000,
  }, async () => {
    const page = await newPage()
    await page.goto(`${baseUrl}/`)
    await expectShownEqualsApi(page, defaultState)
    expect(watch.requests.some((u) => u.endsWith('/widget-compare.js'))).toBe(false)
    const modelsResponse = page.waitForResponse((r) => r.url() === `${baseUrl}/v1/models`)
    await page.locator('#compare summary').click()
    await expect.poll(() => watch.requests.some((u) => u.endsWith('/widget-compare.js'))).toBe(true)
    await expect.poll(async () => (await pageQuery(page)).get('panel')).toBe('compare')
    const models = await modelsResponse
    if (models.status() !== 200) {
      await expect
        .poll(() => page.locator('#compare-body').textContent(), { timeout: 10_000 })
        .toContain(`HTTP ${models.status()}`)
      // the browser itself logs the failed fetch; the widget must add nothing else
      expect(watch.errors.length).toBe(1)
      expect(watch.errors[0]).toContain(`status of ${models.status()}`)
      watch.errors.length = 0
      return
    }
    const list = ((await models.json()) as { models: { id: string; dataset: string; optimizer: string }[] }).models
    const first = list.find(
      (m) => m.optimizer === 'sgd' && list.some((a) => a.optimizer === 'adam' && a.dataset === m.dataset),
    )
    if (!first) {
      await expect
        .poll(() => page.locator('#compare-body').textContent(), { timeout: 10_000 })
        .toBe('This server has no pair of SGD- and Adam-trained models to compare.')
      return
    }
    const partner = list.find((m) => m.optimizer === 'adam' && m.dataset === first.dataset)!
    const compare = await page.waitForResponse((r) => r.url() === `${baseUrl}/v1/compare`, { timeout: 200_000 })
    expect(JSON.parse(compare.request().postData() ?? '{}')).toEqual({ models: [first.id, partner.id] })
    if (compare.status() !== 200) {
      await expect
        .poll(() => page.locator('#compare-body').textContent(), { timeout: 10_000 })
        .toContain(`HTTP ${compare.status()}`)
      expect(watch.errors.every((e) => e.includes(`status of ${compare.status()}`))).toBe(true)
      watch.errors.length = 0
      return
    }
    const table = (
      (await compare.json()) as { table: { minimum: string; optimizer: string; meanEscapeIterations: number }[] }
    ).table
    const rows = page.locator('.compare-table:not(.measured-table) tbody tr')
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(table.length)
    expect(await page.locator('.compare-table:not(.measured-table) tbody tr td:last-child').allTextContents()).toEqual(
      table.map((r) => formatNumber(r.meanEscapeIterations)),
    )
    expect(await page.locator('.compare-table:not(.measured-table) tbody tr th').allTextContents()).toEqual(
      table.map((r) => r.minimum),
    )
  })
})

describe('/docs', () => {
  it('loads with no console errors and no outside requests', async () => {
    const page = await newPage()
    const res = await page.goto(`${baseUrl}/docs`)
    expect(res?.status()).toBe(200)
    await page.waitForLoadState('networkidle')
    expect(await page.title()).not.toBe('')
  })
})
