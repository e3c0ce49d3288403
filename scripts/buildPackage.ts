/**
 * Builds the npm package into dist/ (run by `npm pack` / `npm publish` through `prepack`):
 *  - dist/index.js: the pure core (src/index.ts), ESM, platform-neutral;
 *  - dist/client.js: the typed HTTP client (workers/client.ts; hono's `hc`);
 *  - dist/widget.js: the `<escape-time-calculator>` custom element (src/widget/main.ts; browsers);
 *  - dist/cli.js: the `levy-escape` command line (cli/levyEscape.ts; Node);
 *  - dist/types/: declarations (tsc, tsconfig.package.json).
 * Dependencies stay external (the consumer's bundler dedupes them). The workerd adapter of ONNX Runtime is
 * replaced in the CLI by a module that refuses (the CLI provides onnxruntime-web's Node loader instead).
 * Ends with a check: each file exists and the core imports no Node built-in, hono, wrangler or ONNX Runtime.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { build, type Plugin } from 'esbuild'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
const external = Object.keys(pkg.dependencies).flatMap((d) => [d, `${d}/*`])

const noWorkerdOrt: Plugin = {
  name: 'no-workerd-ort',
  setup(b) {
    b.onResolve({ filter: /ortWorkerd\.ts$/ }, () => ({ path: 'ortWorkerd', namespace: 'stub' }))
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents:
        "export function initOrt() { throw new Error('the workerd ONNX Runtime adapter is not part of the package') }\nexport const ort = undefined\n",
      loader: 'js',
    }))
  },
}

rmSync('dist', { recursive: true, force: true })
const common = { bundle: true, format: 'esm' as const, external, target: 'es2022', legalComments: 'none' as const }
await Promise.all([
  build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist', platform: 'neutral' }),
  build({ ...common, entryPoints: { client: 'workers/client.ts' }, outdir: 'dist', platform: 'neutral' }),
  build({ ...common, entryPoints: { widget: 'src/widget/main.ts' }, outdir: 'dist', platform: 'browser' }),
  build({
    ...common,
    entryPoints: { cli: 'cli/levyEscape.ts' },
    outdir: 'dist',
    platform: 'node',
    plugins: [noWorkerdOrt],
  }),
])
execFileSync('npx', ['tsc', '-p', 'tsconfig.package.json'], { stdio: 'inherit' })

for (const f of ['index.js', 'client.js', 'widget.js', 'cli.js', 'types/src/index.d.ts', 'types/workers/client.d.ts'])
  if (!existsSync(`dist/${f}`)) throw new Error(`dist/${f} was not written`)
const core = readFileSync('dist/index.js', 'utf8')
const imports = [...core.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1])
const foreign = imports.filter((s) => /^(node:|hono|wrangler|onnxruntime|fs$|path$)/.test(s))
if (foreign.length > 0) throw new Error(`dist/index.js imports ${foreign.join(', ')}`)
if (!readFileSync('dist/cli.js', 'utf8').startsWith('#!/usr/bin/env node'))
  throw new Error('dist/cli.js has no shebang')
console.log(
  `dist/: index.js, client.js, widget.js, cli.js and types; the core imports ${[...new Set(imports)].join(', ')}`,
)
