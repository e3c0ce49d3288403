/**
 * Renders docs/theory.md to the HTML of the `/docs/theory` page, offline and at build time: Markdown by
 * `marked` (GitHub-flavoured: tables, autolinks), TeX by `temml` into MathML, which browsers display natively,
 * so the served page needs no script and no font from anywhere. Math is cut out before the Markdown pass
 * (`$$…$$` display, `$…$` inline) so that `_`, `*` and `|` inside formulas are never read as Markdown, and put
 * back as MathML afterwards. Each explicit anchor `<a id="…"></a>` that stands alone before a heading becomes
 * that heading's `id`, so every anchor cited as `/docs/theory#…` exists on the page. temml's inline `style`
 * attributes are dropped (the page's CSP allows its stylesheet only); its classes are styled by the page.
 */
import { Marked } from 'marked'
import temml from 'temml'
import { markdownAnchors } from './citations.ts'

export interface RenderedTheory {
  /** The article: headings, paragraphs, tables and MathML. */
  html: string
  /** The explicit anchors of the source, in order. */
  anchors: string[]
  /** Table of contents: the level-2 headings with their anchors. */
  contents: { id: string; title: string }[]
  /** TeX sources that temml could not render (an empty list for a correct document). */
  mathErrors: string[]
}

const MATH = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$/g

export function renderTheory(markdown: string): RenderedTheory {
  const formulas: { tex: string; display: boolean }[] = []
  const protectedText = markdown.replace(MATH, (_m, display: string | undefined, inline: string | undefined) => {
    formulas.push({ tex: (display ?? inline ?? '').trim(), display: display !== undefined })
    return `MATHPLACEHOLDER${formulas.length - 1}X`
  })
  const marked = new Marked({ gfm: true, async: false })
  let html = marked.parse(protectedText) as string
  const mathErrors: string[] = []
  html = html.replace(/MATHPLACEHOLDER(\d+)X/g, (_m, i: string) => {
    const { tex, display } = formulas[Number(i)]
    try {
      return temml.renderToString(tex, { displayMode: display, throwOnError: true })
    } catch {
      mathErrors.push(tex)
      return `<code>${tex}</code>`
    }
  })
  // Inline style attributes would need 'unsafe-inline' in the page's CSP: the stylesheet of the page does their
  // work instead (display formulas are `math.tml-display`).
  html = html.replace(/<(math|mstyle|mrow|mspace|mi|mo|mn)([^>]*?) style="[^"]*"/g, '<$1$2')
  // A display formula is its own paragraph in the source: keep it out of <p>, where <math display="block"> is valid
  // but an empty paragraph around it is noise.
  html = html.replace(/<p>\s*(<math[^>]*display="block"[\s\S]*?<\/math>)\s*<\/p>/g, '$1')
  // `<a id="x"></a>` alone in a paragraph before a heading: the id moves onto the heading.
  html = html.replace(/<p><a id="([a-z0-9-]+)"><\/a><\/p>\s*<h([1-6])>/g, '<h$2 id="$1">')
  const contents = [...html.matchAll(/<h2 id="([a-z0-9-]+)">([\s\S]*?)<\/h2>/g)].map((m) => ({
    id: m[1],
    title: m[2].replace(/<[^>]+>/g, ''),
  }))
  return { html, anchors: markdownAnchors(markdown), contents, mathErrors }
}
