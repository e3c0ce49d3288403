/**
 * `/docs` and `/docs/theory` in Chromium: no horizontal scrolling of the page at 360 px (wide tables and
 * formulas scroll inside their own box), the filter narrows the operations, a try-it form sends its example to
 * this origin and shows the answer, and a theory anchor cited by an answer scrolls to its section. Nothing is
 * requested from another host and nothing logs an error.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, type Watch, watchContext } from './browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser
let context: BrowserContext
let watch: Watch

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  watch = watchContext(context, baseUrl)
})
afterAll(async () => {
  await browser?.close()
})

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('/docs', () => {
  it('fits a 360 px screen, filters operations and sends a try-it request to this origin', async () => {
    const page = await context.newPage()
    await page.goto(`${baseUrl}/docs`)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    const total = await page.locator('section.op').count()
    expect(total).toBeGreaterThan(15)
    await expect.poll(() => page.locator('#filter-count').textContent()).toBe(`${total} of ${total} operations`)

    await page.fill('#filter', 'stable post')
    const visible = await page.locator('section.op:visible').evaluateAll((s) => s.map((e) => e.id))
    expect(visible.sort()).toEqual(
      [
        'post-v1-stable-cdf',
        'post-v1-stable-logpdf',
        'post-v1-stable-pdf',
        'post-v1-stable-quantile',
        'post-v1-stable-sample',
        'post-v1-stable-sf',
      ].sort(),
    )
    await page.fill('#filter', '')

    const op = page.locator('#post-v1-stable-pdf')
    await op.locator('textarea').fill('{"alpha": 1, "x": [0]}')
    await op.locator('button[type=submit]').click()
    const out = op.locator('output')
    await expect.poll(() => out.getAttribute('data-status')).toBe('200')
    const text = (await out.textContent()) ?? ''
    // Cauchy density at 0: 1/π.
    const answer = JSON.parse(text.slice(text.indexOf('{')))
    expect(answer.pdf[0]).toBeCloseTo(1 / Math.PI, 14)

    await op.locator('textarea').fill('{"alpha": 3, "x": [0]}')
    await op.locator('button[type=submit]').click()
    await expect.poll(() => out.getAttribute('data-status')).toBe('400')
    expect(await out.textContent()).toContain('alpha')
  })
})

describe('/docs/theory', () => {
  it('fits a 360 px screen and scrolls to a cited anchor', async () => {
    const page = await context.newPage()
    await page.goto(`${baseUrl}/docs/theory#warning-epsilon`)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    const top = await page.locator('#warning-epsilon').evaluate((e) => e.getBoundingClientRect().top)
    expect(Math.abs(top)).toBeLessThan(40)
    expect(await page.locator('math').count()).toBeGreaterThan(200)
  })

  it('asked nothing of another host and logged no error but the 400 the try-it test asked for', () => {
    expect(watch.outside).toEqual([])
    expect(watch.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ])
  })
})
