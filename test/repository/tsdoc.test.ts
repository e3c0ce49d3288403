/**
 * Hover text: every function, class, constant, interface and type exported by a module of src/ has a doc comment
 * of its own (`/** … *\/` right before the declaration, which is what an editor shows), and in the numerical core
 * (escape, stable, tail, simulate, probe, random, linalg) each exported function's comment — or its module's
 * header — cites the section of docs/theory.md that states the formula (a `docs/theory.md#…` link; the
 * citation test checks that the anchor exists).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const NUMERIC = /^src\/(escape|stable|tail|simulate|probe|random|linalg)\//

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) sourceFiles(path, out)
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'index.ts') out.push(path)
  }
  return out
}

interface Exported {
  file: string
  name: string
  kind: 'function' | 'class' | 'const' | 'type'
  doc: string
}

/** The exported declarations of one module with the text of their own doc comments ('' when none). */
function exportedDeclarations(file: string, text: string): Exported[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const out: Exported[] = []
  for (const st of sf.statements) {
    const modifiers = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
    const doc = ts
      .getJSDocCommentsAndTags(st)
      .map((d) => d.getText(sf))
      .join('\n')
    if (ts.isFunctionDeclaration(st)) out.push({ file, name: st.name?.text ?? 'default', kind: 'function', doc })
    else if (ts.isClassDeclaration(st)) out.push({ file, name: st.name?.text ?? 'default', kind: 'class', doc })
    else if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) out.push({ file, name: d.name.getText(sf), kind: 'const', doc })
    else if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st))
      out.push({ file, name: st.name.text, kind: 'type', doc })
  }
  return out
}

const files = sourceFiles(join(ROOT, 'src')).map((f) => relative(ROOT, f))
const texts = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]))
const exported = files.flatMap((f) => exportedDeclarations(f, texts.get(f) ?? ''))
const name = (e: Exported) => `${e.file} ${e.name}`

describe('TSDoc of src', () => {
  it('finds the exports it judges', () => {
    expect(exported.filter((e) => e.kind === 'function').length).toBeGreaterThan(150)
    expect(exported.map(name)).toContain('src/escape/escapeTime.ts escapeTime')
  })

  it('every exported function, class, constant, interface and type has a doc comment of its own', () => {
    const missing = exported.filter((e) => !/^\/\*\*[\s\S]*\w[\s\S]*\*\/$/.test(e.doc.trim()))
    expect(missing.map(name)).toEqual([])
  })

  it('every exported function of the numerical core cites docs/theory.md, in its comment or its module header', () => {
    const uncited = exported.filter(
      (e) =>
        NUMERIC.test(e.file) &&
        e.kind === 'function' &&
        !e.doc.includes('docs/theory.md#') &&
        !(texts.get(e.file) ?? '').slice(0, 3000).includes('docs/theory.md#'),
    )
    expect(uncited.map(name)).toEqual([])
  })

  it('the checker tells a documented export from an undocumented one', () => {
    const text = '/** Doubles x. */\nexport function f(x: number) { return 2 * x }\n// not a doc\nexport const g = 1\n'
    const [f, g] = exportedDeclarations('t.ts', text)
    expect(f.doc).toBe('/** Doubles x. */')
    expect(g.doc).toBe('')
  })
})
