/**
 * One file-naming convention: every file and folder of the code, command line, tests, fixtures, scripts and benchmarks is
 * camelCase (a lower-case first letter, no `-` or `_`), whatever its language; the exceptions are dot-files and
 * conventional upper-case documents (README, RESULTS). Documents and images under docs/ are pages with URLs
 * and keep kebab-case, like the model ids under models/.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOTS = ['src', 'workers', 'scripts', 'test', 'bench', 'cli']
const CAMEL = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/
const EXEMPT = /^(\..+|[A-Z]+\.md)$/

function offenders(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue
    const path = join(dir, e.name)
    if (!CAMEL.test(e.name) && !EXEMPT.test(e.name)) out.push(path)
    if (e.isDirectory()) out.push(...offenders(path))
  }
  return out
}

describe('file names', () => {
  it('are camelCase in src, workers, scripts, test, bench and cli', () => {
    expect(ROOTS.flatMap(offenders)).toEqual([])
  })
  it('the check catches kebab-case, snake_case and PascalCase names', () => {
    expect(['build-widget.ts', 'stable_grid.py', 'ModelRecord.ts'].filter((n) => CAMEL.test(n))).toEqual([])
    expect(['buildWidget.ts', 'stableGrid.py', 'xoshiro128ss.c', 'api.bench.ts'].every((n) => CAMEL.test(n))).toBe(true)
  })
})
