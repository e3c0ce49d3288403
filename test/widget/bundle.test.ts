/**
 * The widget bundle as served (scripts/buildWidget.ts): size budget (≤ 80 KiB gzip without
 * the trained-minima panel), the panel in its own module, no reference to any outside host, and the
 * Worker's generated module carrying exactly this build.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildWidget,
  GENERATED,
  generatedModule,
  WIDGET_GZIP_BUDGET,
  type WidgetBundle,
} from '../../scripts/buildWidget.ts'

let b: WidgetBundle

beforeAll(async () => {
  b = await buildWidget()
})

describe('widget bundle', () => {
  it('is at most 80 KiB gzip without the trained-minima panel', () => {
    expect(WIDGET_GZIP_BUDGET).toBe(80 * 1024)
    expect(b.widgetGzip).toBeGreaterThan(5 * 1024) // it really contains the core and the element
    expect(b.widgetGzip).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET)
  })
  it('leaves out the SαS acceleration table (src/widget/build/tableLookup.ts stands in for it)', () => {
    expect(b.widget).not.toContain('alphaEdges')
    expect(b.widget).not.toContain('xEdges')
  })
  it('keeps the trained-minima panel in widget-compare.js, imported at run time', () => {
    expect(b.widget).not.toContain('/v1/compare')
    expect(b.widget).toContain('widget-compare.js')
    expect(b.compare).toContain('/v1/compare')
    expect(b.compare).toMatch(/export\s*\{[^}]*renderComparePanel/)
  })
  it('bundles the compute core (escapeTime and the SαS pdf), and registers the element', () => {
    expect(b.widget).toContain('customElements.define')
    expect(b.widget).toContain('escape-time-calculator')
    expect(b.widget).not.toMatch(/\bimport\s*["']|from\s*["']/) // one self-contained module
  })
  it('names no outside host (no CDN, fonts or analytics): the only URLs are SVG/XML namespaces', () => {
    const urls = [...(b.widget + b.compare).matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0])
    expect(urls.filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([])
  })
  it('is deterministic, and the generated module of the Worker holds this build', async () => {
    const again = await buildWidget()
    expect(again.widget).toBe(b.widget)
    const digest = (t: string) => createHash('sha256').update(t).digest('hex')
    expect(digest(readFileSync(GENERATED, 'utf8')), 'stale: run `npx tsx scripts/buildWidget.ts`').toBe(
      digest(generatedModule(b)),
    )
  })
})
