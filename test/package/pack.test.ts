/**
 * The npm package as users get it: `npm pack` (which builds dist/ through `prepack`), install the tarball into
 * a fresh project, then import every entry under Node and bundle every entry for the browser with esbuild.
 * Fails if an entry pulls in wrangler, ONNX Runtime, the MCP SDK or Node built-ins where they do not belong,
 * if the declarations do not type-check in the consumer, or if `npx levy-escape` answers other numbers than
 * the core. Prints the core entry's size (minified + gzip, with its dependencies).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeTime } from '../../src/escape/index.ts'
import { cdf } from '../../src/stable/index.ts'

const ROOT = join(import.meta.dirname, '../..')
let dir = ''
let project = ''
let files: string[] = []

const node = (code: string) =>
  spawnSync('node', ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8', timeout: 120_000 })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'levy-pack-'))
  const out = execFileSync('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: ROOT, encoding: 'utf8' })
  const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[]
  files = info[0].files.map((f) => f.path)
  project = join(dir, 'consumer')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n')
  execFileSync(
    'npm',
    ['install', join(dir, info[0].filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: project, stdio: 'pipe' },
  )
}, 600_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('npm package', () => {
  it('ships dist/, the docs and no sources, tests, models or worker code', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/client.js', 'dist/widget.js', 'dist/cli.js']))
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']))
    expect(files.filter((f) => /^(src|workers|test|scripts|models|cli|bench)\//.test(f))).toEqual([])
    expect(readdirSync(join(project, 'node_modules/levy-escape/dist')).sort()).toEqual(
      ['cli.js', 'client.js', 'index.js', 'types', 'widget.js'].sort(),
    )
  })

  it('imports the core under Node and answers the numbers of src/', () => {
    const r = node(
      "import { escapeTime, EscapeTimeRequest, parseAndCompute, cdf } from 'levy-escape'; const e = parseAndCompute(EscapeTimeRequest, escapeTime)({ basin: { kind: 'interval', left: 1, right: 2 }, noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } }); console.log(JSON.stringify({ e, c: cdf(1, 1.5, 1) }))",
    )
    expect(r.status, r.stderr).toBe(0)
    const { e, c } = JSON.parse(r.stdout)
    const core = escapeTime({
      basin: { kind: 'interval', left: 1, right: 2 },
      noise: { scale: 1, model: 'axis' },
      normalization: 'stable',
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(e).toEqual(JSON.parse(JSON.stringify(core)))
    expect(c).toBe(cdf(1, 1.5, 1))
  })

  it('imports the client under Node: typed paths to a Worker', () => {
    const r = node(
      "import { createClient } from 'levy-escape/client'; const api = createClient('https://w.example'); console.log(api.v1['escape-time'].$url().href)",
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe('https://w.example/v1/escape-time')
  })

  it('the widget is a browser entry: under Node it stops at the missing DOM, not at a missing module', () => {
    const r = node("await import('levy-escape/widget')")
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/HTMLElement is not defined/)
  })

  it('bundles every entry for the browser with no Node built-in, wrangler, ONNX Runtime or MCP SDK', async () => {
    const entry = join(project, 'all.js')
    writeFileSync(
      entry,
      "import * as core from 'levy-escape'\nimport { createClient } from 'levy-escape/client'\nimport 'levy-escape/widget'\nconsole.log(Object.keys(core).length, createClient)\n",
    )
    const r = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(r.metafile.inputs)
    expect(
      inputs.filter((p) =>
        /onnxruntime|wrangler|@modelcontextprotocol|@hono\/mcp|hono-openapi|npyjs|cli-progress/.test(p),
      ),
    ).toEqual([])
    expect(inputs.some((p) => p.includes('levy-escape/dist/widget.js'))).toBe(true)
  })

  it('the core entry alone: only valibot, ml-matrix and @stdlib (with debug); its size', async () => {
    const entry = join(project, 'core.js')
    writeFileSync(entry, "export * from 'levy-escape'\n")
    const r = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const packages = new Set(
      Object.keys(r.metafile.inputs)
        .map((p) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(p)?.[1])
        .filter((p): p is string => p !== undefined && p !== 'levy-escape'),
    )
    // @stdlib's incomplete-gamma inverse (under the t quantile of the tail-index interval) logs through `debug`
    for (const p of packages)
      expect(p).toMatch(/^(valibot|ml-matrix|ml-array-[a-z-]+|is-any-array|@stdlib\/.+|debug|ms)$/)
    const bytes = r.outputFiles[0].contents
    const gzip = gzipSync(bytes, { level: 9 }).length
    console.log(
      `core entry (levy-escape) with its dependencies: ${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzip / 1024).toFixed(1)} KiB gzip`,
    )
    // most of it is precomputed tables (src/stable/tables, src/tail/tables); a budget against regressions
    expect(gzip).toBeLessThan(360 * 1024)
  })

  it('its declarations type-check in the consumer', () => {
    writeFileSync(
      join(project, 'use.ts'),
      "import { EscapeTimeRequest, escapeTime, parseAndCompute, type Result } from 'levy-escape'\nimport { createClient } from 'levy-escape/client'\nconst r = parseAndCompute(EscapeTimeRequest, escapeTime)({ basin: { kind: 'interval', left: 1, right: 2 }, noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } })\nif (r.ok) { const n: number | undefined = r.value.sgd?.meanEscapeIterations; console.log(n) }\nconst api = createClient('https://w.example')\nexport const u: URL = api.v1['escape-time'].$url()\nexport type R = Result<number>\n",
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      '{ "compilerOptions": { "strict": true, "module": "ESNext", "moduleResolution": "Bundler", "target": "ES2022", "lib": ["ES2022", "DOM"], "noEmit": true, "skipLibCheck": false, "types": [] }, "files": ["use.ts"] }\n',
    )
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
      cwd: project,
      encoding: 'utf8',
    })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('npx levy-escape answers the core numbers and exits 2 on bad input', () => {
    const r = spawnSync(
      'npx',
      ['--no-install', 'levy-escape', 'stable', 'cdf', '--alpha', '1.5', '--x', '-1,0,2', '--json'],
      { cwd: project, encoding: 'utf8', timeout: 120_000 },
    )
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).cdf).toEqual([-1, 0, 2].map((x) => cdf(x, 1.5, 1)))
    const bad = spawnSync('npx', ['--no-install', 'levy-escape', 'stable', 'cdf', '--alpha', '9', '--x', '0'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/--alpha: /)
  })
})
