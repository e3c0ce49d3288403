/**
 * The `/docs/theory` article is docs/theory.md as rendered now (the committed module is regenerated and
 * compared), every formula renders, every anchor of the source is an `id` of the page, and every in-page
 * link points to one of them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { THEORY_MODULE, THEORY_SOURCE, theoryModule } from '../../scripts/docs/buildTheoryPage.ts'
import { markdownAnchors } from '../../scripts/docs/citations.ts'
import { renderTheory } from '../../scripts/docs/renderTheory.ts'
import { theoryAnchors, theoryArticleBytes } from '../../workers/docs/generated/theoryArticle.ts'
import { theoryArticle as inflate } from '../../workers/docs/theoryPage.ts'

const theoryArticle = await inflate()

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))

describe('theory page', () => {
  it('the committed article is docs/theory.md rendered now (run `npm run build:theory` after editing it)', () => {
    expect(readFileSync(THEORY_MODULE, 'utf8')).toBe(theoryModule())
    expect(theoryArticle).toBe(renderTheory(readFileSync(THEORY_SOURCE, 'utf8')).html)
    expect(new TextEncoder().encode(theoryArticle).length).toBe(theoryArticleBytes)
  })

  it('every anchor of docs/theory.md is an id of the article, and every in-page link resolves', () => {
    const source = markdownAnchors(readFileSync(THEORY_SOURCE, 'utf8'))
    expect(theoryAnchors).toEqual(source)
    const present = ids(theoryArticle)
    expect(source.filter((a) => !present.has(a))).toEqual([])
    const links = [...theoryArticle.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(links.length).toBeGreaterThan(40)
    expect(links.filter((a) => !present.has(a))).toEqual([])
  })

  it('renders the formulas as MathML, with no TeX left and no inline style', () => {
    expect(theoryArticle.match(/<math/g)?.length).toBeGreaterThan(200)
    expect(theoryArticle.replace(/<math[\s\S]*?<\/math>/g, '')).not.toMatch(/\$|\\frac|\\alpha/)
    expect(theoryArticle).not.toMatch(/\sstyle="/)
    expect(theoryArticle).not.toMatch(/<script/i)
  })
})

describe('renderTheory (controls)', () => {
  it('keeps Markdown out of formulas and moves a lone anchor onto the next heading', () => {
    const r = renderTheory('<a id="x-y"></a>\n## Title $a_1 * b_2$\n\nText $|x| < 1$ and\n\n$$\\frac{1}{2}$$\n')
    expect(r.mathErrors).toEqual([])
    expect(r.html).toMatch(/^<h2 id="x-y">Title <math>/)
    expect(r.html).not.toContain('<em>')
    expect(r.html).toContain('<mfrac>')
    expect(r.html).toMatch(/<math[^>]*display="block"/)
    expect(r.contents).toEqual([{ id: 'x-y', title: 'Title a1∗b2' }])
  })

  it('reports TeX it cannot render instead of emitting it', () => {
    expect(renderTheory('$\\notacommand{x}$').mathErrors).toEqual(['\\notacommand{x}'])
  })
})
