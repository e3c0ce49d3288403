/**
 * The warning catalogue: every code's `see` anchor exists in docs/theory.md (served at /docs/theory), and
 * docs/api.md lists every code with its severity and anchor, in catalogue order.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { markdownAnchors } from '../../scripts/docs/citations.ts'
import { WARNING_CODE_LIST, WARNING_CODES, Warning, warning } from '../../src/schemas/warning.ts'

const ROOT = join(import.meta.dirname, '../..')
const theoryAnchors = new Set(markdownAnchors(readFileSync(join(ROOT, 'docs/theory.md'), 'utf8')))
const api = readFileSync(join(ROOT, 'docs/api.md'), 'utf8')

describe('warning catalogue', () => {
  it('every see anchor exists in docs/theory.md', () => {
    for (const code of WARNING_CODE_LIST) expect(theoryAnchors, code).toContain(WARNING_CODES[code].anchor)
  })

  it('docs/api.md lists every code with its severity and anchor, in catalogue order', () => {
    const rows = [
      ...api.matchAll(/^\| `([a-z-]+)` \| (info|caution|invalid) \| .* \| \[([a-z0-9-]+)\]\(theory\.md#\3\) \|$/gm),
    ]
    expect(rows.map((r) => r[1])).toEqual(WARNING_CODE_LIST)
    for (const r of rows) {
      const entry = WARNING_CODES[r[1] as keyof typeof WARNING_CODES]
      expect([r[2], r[3]]).toEqual([entry.severity, entry.anchor])
    }
  })

  it('warning() builds a valid object from the catalogue', () => {
    const w = warning('single-step', 'leaves at once', 'adam')
    expect(w).toEqual({
      code: 'single-step',
      severity: 'invalid',
      optimizer: 'adam',
      message: 'leaves at once',
      see: '/docs/theory#single-step',
    })
    expect(v.is(Warning, w)).toBe(true)
    expect(warning('pdf-underflow', 'x')).not.toHaveProperty('optimizer')
    expect(v.is(Warning, { ...w, see: 'https://example.org/theory' })).toBe(false)
  })
})
