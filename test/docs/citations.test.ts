/**
 * Every citation in the repository resolves: the cited document exists and has the cited anchor, and nothing
 * points outside the repository (team documents, tracker numbers, bare section numbers). The scan covers
 * every text file of the repository except dependencies, build output and the lock file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCitations, lineOf, markdownAnchors, outsideReferences } from '../../scripts/docs/citations.ts'

const ROOT = join(import.meta.dirname, '../..')
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.wrangler', 'out', 'tools', 'coverage', '.stryker-tmp'])
/** Build output, regenerated from the scanned sources. */
const SKIP_PATHS = new Set(['workers/pages/generated'])
const SKIP_FILES = new Set(['package-lock.json'])
const TEXT = /\.(ts|js|mjs|cjs|json|md|py|toml|txt|html|css|yml|yaml|sh)$/

function repositoryFiles(dir = ROOT, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (SKIP_DIRS.has(name) || SKIP_PATHS.has(relative(ROOT, path))) continue
    if (statSync(path).isDirectory()) repositoryFiles(path, out)
    else if (TEXT.test(name) && !SKIP_FILES.has(name)) out.push(relative(ROOT, path))
  }
  return out
}

const files = repositoryFiles()
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8').replace(/\\u00a7/g, '§')

describe('citations', () => {
  it('scans the code, the docs and the fixtures', () => {
    for (const f of ['src/escape/escapeTime.ts', 'workers/createApp.ts', 'docs/theory.md', 'README.md']) {
      expect(files).toContain(f)
    }
    expect(files.length).toBeGreaterThan(300)
  })

  it('docs/theory.md has unique anchors', () => {
    const anchors = markdownAnchors(read('docs/theory.md'))
    expect(anchors.length).toBeGreaterThan(60)
    expect(new Set(anchors).size).toBe(anchors.length)
  })

  it('every cited document and anchor exists', () => {
    const anchorsOf = new Map<string, Set<string>>()
    const broken: string[] = []
    let count = 0
    for (const f of files) {
      const text = read(f)
      for (const c of findCitations(text, f)) {
        count++
        if (!existsSync(join(ROOT, c.file))) {
          broken.push(`${f}:${lineOf(text, c.index)} ${c.text}: no file ${c.file}`)
          continue
        }
        if (!c.anchor) continue
        if (!anchorsOf.has(c.file)) anchorsOf.set(c.file, new Set(markdownAnchors(read(c.file))))
        if (!anchorsOf.get(c.file)?.has(c.anchor)) {
          broken.push(`${f}:${lineOf(text, c.index)} ${c.text}: ${c.file} has no anchor #${c.anchor}`)
        }
      }
    }
    expect(broken).toEqual([])
    expect(count).toBeGreaterThan(200)
  })

  it('nothing cites a document outside the repository or a tracker number', () => {
    const found: string[] = []
    for (const f of files) {
      const text = read(f)
      for (const r of outsideReferences(text)) found.push(`${f}:${lineOf(text, r.index)} "${r.text}": ${r.why}`)
    }
    expect(found).toEqual([])
  })

  it('text that reaches users over HTTP cites the served page, /docs/theory#…', () => {
    // Strings in src/ and workers/ end up in answers, warnings and the OpenAPI document, where a repository
    // path means nothing; comments cite the file.
    const found: string[] = []
    for (const f of files.filter((f) => /^(src|workers)\/.*\.ts$/.test(f) && !f.includes('/generated/'))) {
      read(f)
        .split('\n')
        .forEach((line, i) => {
          const t = line.trim()
          if (t.startsWith('*') || t.startsWith('/*') || t.startsWith('//')) return
          const at = line.search(/(?<![\w/])docs\/theory\.md#/)
          const comment = line.indexOf('// ')
          if (at >= 0 && (comment < 0 || at < comment)) found.push(`${f}:${i + 1}`)
        })
    }
    expect(found).toEqual([])
  })
})

describe('citation scanner (controls)', () => {
  it('finds file, served and relative citations', () => {
    const text = 'see docs/theory.md#exit-set, /docs/theory#theorem-1 and [x](theory.md#noise) or [y](#errors)'
    expect(findCitations(text, 'docs/api.md').map((c) => `${c.file}#${c.anchor}`)).toEqual([
      'docs/theory.md#exit-set',
      'docs/theory.md#theorem-1',
      'docs/theory.md#noise',
      'docs/api.md#errors',
    ])
  })

  it('flags team documents, tracker numbers and bare sections, but not RFC or book sections', () => {
    // Assembled from parts so that this file does not itself contain what it forbids.
    const [team, design, tracker, section] = ['spec/' + 'theory.md', 'DESIGN' + '.md', 'issue' + ' 7', '§' + '4.3']
    const text = `${team}; ${design}; ${tracker}; (${section}); RFC 9110 §13.1.2; Numerical Recipes 3rd ed. §11.3`
    expect(outsideReferences(text).map((r) => r.text)).toEqual([team, design, tracker, section])
  })
})
