/**
 * Outside tools accept `/openapi.json`: `@redocly/cli lint` with its recommended rules reports no error and no
 * warning, for the full Worker and for the calculator-only build (whose document lacks the model routes).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { app } from '../../workers/app.ts'
import lite from '../../workers/lite.ts'

const run = promisify(execFile)
const REDOCLY = join(import.meta.dirname, '../../node_modules/.bin/redocly')

async function lint(document: unknown) {
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json')
  writeFileSync(file, JSON.stringify(document))
  // Exit status 1 when there are errors; the JSON report is on stdout either way.
  const out = await run(REDOCLY, ['lint', file, '--format=json'], { env: { ...process.env, NO_COLOR: '1' } }).catch(
    (e: { stdout: string }) => e,
  )
  return JSON.parse(out.stdout) as {
    totals: { errors: number; warnings: number; ignored: number }
    version: string
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[]
  }
}

describe('redocly lint (recommended rules)', () => {
  for (const [name, worker] of [
    ['full', app],
    ['lite', lite],
  ] as const) {
    it(`${name} build: 0 errors, 0 warnings`, async () => {
      const report = await lint(await (await worker.request('/openapi.json')).json())
      expect(report.version).toBe('2.77.0')
      expect(report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([])
      expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 })
    })
  }

  it('catches a document that breaks the recommended rules (control)', async () => {
    const report = await lint({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/x': { get: {} } } })
    expect(report.totals.errors).toBeGreaterThan(0)
  })
})
