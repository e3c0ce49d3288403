#!/usr/bin/env node
/**
 * `npm run mutation [-- area ...]`: mutation testing of core modules with Stryker (docs/mutation-testing.md).
 * Areas: escape, tail, simulate, stable (all four when none is named). Each area mutates a few source files and
 * runs only the node tests of its folder, one test process at a time (`concurrency: 1`).
 *
 * Stryker 10 needs Node ≥ 22 while the project runs on Node 20, so the tools live outside the project's
 * dependencies: on first use they are installed, pinned, into `node_modules/.cache/levy-mutation` (Stryker, its
 * vitest runner, and a Node 22 binary from the `node-<platform>-<arch>` package when the running Node is older).
 * They resolve `vitest` and `typescript` from the project's own `node_modules`, so the tests run on the project's
 * pinned vitest. Reports: `mutation/<area>.json` (mutation-testing-elements schema) and a summary on stdout.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { arch, platform } from 'node:os'
import { join, resolve } from 'node:path'

const STRYKER_VERSION = '10.1.1'
const NODE_VERSION = '22.23.5'
const TOOLS = resolve('node_modules/.cache/levy-mutation')

/** Source files mutated per area, and the tests that judge them. */
const AREAS = {
  escape: { mutate: ['src/escape/escapeTime.ts', 'src/escape/isotropicRadonMeasure.ts'], tests: 'test/escape/**' },
  tail: { mutate: ['src/tail/logMomentFromBlocks.ts', 'src/tail/hillEstimate.ts'], tests: 'test/tail/**' },
  simulate: { mutate: ['src/simulate/censoredExponentialMean.ts'], tests: 'test/simulate/censoredExponentialMean*' },
  stable: { mutate: ['src/stable/quantile.ts', 'src/stable/nolanIntegral.ts'], tests: 'test/stable/**' },
}

const wanted = process.argv.slice(2)
for (const a of wanted) {
  if (!(a in AREAS)) {
    console.error(`unknown area "${a}"; choose among: ${Object.keys(AREAS).join(', ')}`)
    process.exit(2)
  }
}
const areas = wanted.length > 0 ? wanted : Object.keys(AREAS)

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options })
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed with status ${r.status}`)
    process.exit(1)
  }
}

const nodeMajor = Number(process.versions.node.split('.')[0])
const nodePackage = `node-${platform() === 'win32' ? 'win' : platform()}-${arch()}`
const strykerBin = join(TOOLS, 'node_modules/@stryker-mutator/core/bin/stryker.js')
const node22 =
  nodeMajor >= 22
    ? process.execPath
    : join(TOOLS, 'node_modules', nodePackage, 'bin', platform() === 'win32' ? 'node.exe' : 'node')

if (!existsSync(strykerBin) || !existsSync(node22)) {
  mkdirSync(TOOLS, { recursive: true })
  writeFileSync(join(TOOLS, 'package.json'), '{ "name": "levy-mutation-tools", "private": true }\n')
  const packages = [`@stryker-mutator/core@${STRYKER_VERSION}`, `@stryker-mutator/vitest-runner@${STRYKER_VERSION}`]
  if (nodeMajor < 22) packages.push(`${nodePackage}@${NODE_VERSION}`)
  console.log(`installing ${packages.join(', ')} into ${TOOLS}`)
  // --legacy-peer-deps: vitest and typescript come from the project, not a second copy
  run('npm', [
    'install',
    '--prefix',
    TOOLS,
    '--no-save',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--legacy-peer-deps',
    ...packages,
  ])
}

mkdirSync('mutation', { recursive: true })
const summary = []
for (const area of areas) {
  const { mutate, tests } = AREAS[area]
  const report = `mutation/${area}.json`
  const config = {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'scripts/mutation/vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    concurrency: 1,
    mutate,
    reporters: ['clear-text', 'json', 'progress-append-only'],
    jsonReporter: { fileName: report },
    cleanTempDir: 'always',
  }
  const configFile = join(TOOLS, `stryker.${area}.json`)
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`)
  console.log(`\n=== ${area}: ${mutate.join(', ')}`)
  run(node22, [strykerBin, 'run', configFile], { env: { ...process.env, MUTATION_TESTS: tests } })
  const files = JSON.parse(readFileSync(report, 'utf8')).files
  for (const [file, { mutants }] of Object.entries(files)) {
    const count = (s) => mutants.filter((m) => m.status === s).length
    const killed = count('Killed') + count('Timeout')
    const survived = count('Survived') + count('NoCoverage')
    const score = (100 * killed) / (killed + survived)
    summary.push(`${file}: ${score.toFixed(1)} % (${killed} killed or timed out, ${survived} survived or not covered)`)
  }
}
console.log(`\n${summary.join('\n')}`)
