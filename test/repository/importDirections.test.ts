/**
 * The arrows between the parts of the repository run one way, and across folders through the public surface:
 *  - nothing in src/ imports workers/, scripts/ or cli/, and src/ outside src/widget imports no Node built-in;
 *  - workers/, scripts/ and cli/ reach src/ only through its index files (src/index.ts, src/<area>/index.ts)
 *    or src/result.ts, never a module deep inside an area;
 *  - cli/ reaches workers/ only through the typed client, except cli/localApp.ts, which builds the Worker's own
 *    app in the process (local answers are the Worker's, validation and messages included; the client cannot
 *    carry the app without shipping Worker code and ONNX Runtime to every client user).
 * Static imports, re-exports and dynamic `import()` are all checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'generated') continue
    if (statSync(join(ROOT, path)).isDirectory()) sourceFiles(path, out)
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** Every module specifier a file imports, re-exports or imports dynamically. */
function specifiers(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      out.push((node.moduleSpecifier as ts.StringLiteral).text)
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      out.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** `from → to` for every relative import of the files under `dirs`, paths relative to the repository. */
function edges(dirs: string[]): { from: string; to: string }[] {
  return dirs.flatMap((d) =>
    sourceFiles(d).flatMap((from) =>
      specifiers(from, readFileSync(join(ROOT, from), 'utf8')).map((s) => ({
        from,
        to: s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(from), s)) : s,
      })),
    ),
  )
}

const PUBLIC_SRC = /^src\/(index\.ts|result\.ts|[a-z]+\/index\.ts)$/

describe('import directions', () => {
  const src = edges(['src'])
  const outer = edges(['workers', 'scripts', 'cli'])

  it('finds the imports it judges', () => {
    expect(src.length).toBeGreaterThan(300)
    expect(outer.filter((e) => e.to.startsWith('src/')).length).toBeGreaterThan(100)
  })

  it('src imports no workers, scripts or cli module, and no Node built-in outside src/widget', () => {
    expect(src.filter((e) => /^(workers|scripts|cli)\//.test(e.to))).toEqual([])
    expect(src.filter((e) => e.to.startsWith('node:') || e.to === 'fs' || e.to === 'path')).toEqual([])
  })

  it('workers, scripts and cli reach src only through its index files', () => {
    expect(outer.filter((e) => e.to.startsWith('src/') && !PUBLIC_SRC.test(e.to))).toEqual([])
  })

  it('cli reaches workers only through the typed client (and the in-process app of cli/localApp.ts)', () => {
    const cli = outer.filter((e) => e.from.startsWith('cli/') && e.to.startsWith('workers/'))
    expect(cli.filter((e) => e.to !== 'workers/client.ts' && e.from !== 'cli/localApp.ts')).toEqual([])
  })

  it('the checker sees a deep import, a re-export and a dynamic import', () => {
    const text = "import { a } from '../src/x/y.ts'\nexport { b } from './z.ts'\nconst m = await import('../w.ts')\n"
    expect(specifiers('f.ts', text)).toEqual(['../src/x/y.ts', './z.ts', '../w.ts'])
  })
})
