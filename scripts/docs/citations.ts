/**
 * Citations inside the repository: every pointer from code, docs, fixtures or HTTP text to the project's own
 * documents (`docs/theory.md#exit-set`, `docs/api.md#errors`, `/docs/theory#theorem-1`, relative links between
 * the docs), and the references that must not appear because they point outside the repository (team documents,
 * tracker numbers). Anchors of a Markdown document are its explicit `<a id="…"></a>` targets.
 */

/** Explicit anchors `<a id="slug"></a>` of a Markdown document, in order of appearance. */
export function markdownAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((m) => m[1])
}

export interface Citation {
  /** The document in the repository the citation points to, e.g. `docs/theory.md`. */
  file: string
  /** The anchor, or '' when the citation names the whole document. */
  anchor: string
  /** The citation as written. */
  text: string
  /** Byte offset in the scanned text. */
  index: number
}

/** Pages served by the Worker that render a document of the repository. */
export const SERVED_DOCUMENTS: Record<string, string> = { '/docs/theory': 'docs/theory.md' }

/**
 * Every citation of a repository document in `text`. `from` is the path of the scanned file; links relative to
 * it (`[x](theory.md#a)` inside docs/) are resolved against its folder.
 */
export function findCitations(text: string, from: string): Citation[] {
  const out: Citation[] = []
  for (const m of text.matchAll(/(?<![\w/.-])(docs\/[\w-]+\.md)(?:#([a-z0-9-]+))?/g)) {
    out.push({ file: m[1], anchor: m[2] ?? '', text: m[0], index: m.index })
  }
  for (const m of text.matchAll(/(?<![\w.-])(\/docs\/theory)(?:#([a-z0-9-]+))?(?![\w/.-])/g)) {
    out.push({ file: SERVED_DOCUMENTS[m[1]], anchor: m[2] ?? '', text: m[0], index: m.index })
  }
  if (from.endsWith('.md')) {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : ''
    for (const m of text.matchAll(/\]\((?!https?:|\/|#)([\w./-]+\.md)(?:#([a-z0-9-]+))?\)/g)) {
      out.push({ file: normalise(dir + m[1]), anchor: m[2] ?? '', text: m[0], index: m.index })
    }
    for (const m of text.matchAll(/\]\(#([a-z0-9-]+)\)/g)) {
      out.push({ file: from, anchor: m[1], text: m[0], index: m.index })
    }
  }
  return out
}

function normalise(path: string): string {
  const parts: string[] = []
  for (const p of path.split('/')) {
    if (p === '..') parts.pop()
    else if (p !== '.' && p !== '') parts.push(p)
  }
  return parts.join('/')
}

/** References that point outside the repository: the team's documents and tracker numbers. */
const OUTSIDE: { pattern: RegExp; why: string }[] = [
  { pattern: /\bspec\/(?:theory|api)\.md\b/g, why: 'a team document that is not in the repository' },
  { pattern: /\bDESIGN\.md\b/g, why: 'a team document that is not in the repository' },
  { pattern: /\bnotes\/stack\.md\b/g, why: 'a team document that is not in the repository' },
  { pattern: /\.\.\/shared\b/g, why: 'a folder outside the repository' },
  { pattern: /\bissues? #?\d+\b/gi, why: 'a tracker number' },
  { pattern: /\bspec §/g, why: 'a section of a team document' },
]

/** Works whose own section numbers may be cited with § (standards and books). */
const SECTIONED_WORKS = /(RFC \d+|Recipes|Golub|Computations|Zolotarev|Feller)[\s\S]{0,60}$/

export interface OutsideReference {
  text: string
  index: number
  why: string
}

/** References in `text` that a reader of the repository cannot follow. */
export function outsideReferences(text: string): OutsideReference[] {
  const out: OutsideReference[] = []
  for (const { pattern, why } of OUTSIDE) {
    for (const m of text.matchAll(pattern)) out.push({ text: m[0], index: m.index, why })
  }
  // A bare section sign with a number is a section number of no document of the repository (its documents use anchors).
  for (const m of text.matchAll(/§\s?\d+(?:\.\d+)*/g)) {
    if (!SECTIONED_WORKS.test(text.slice(Math.max(0, m.index - 60), m.index))) {
      out.push({ text: m[0], index: m.index, why: 'a section number: cite an anchor of docs/theory.md instead' })
    }
  }
  return out
}

/** Line number (1-based) of a character offset. */
export function lineOf(text: string, index: number): number {
  let n = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++
  return n
}
