/**
 * Calibration of the α-stable goodness-of-fit verdict (src/tail tailDiagnostics; docs/tail-diagnostics.md).
 *
 * For each family and size, `reps` data sets of P rows (minibatches) × M columns (coordinates; column c
 * scaled by 10^(−3 + 3c/M), three decades) go through the probe's pipeline: coordinatewiseTailIndex (no
 * centring, point-mass columns left out, each column divided by its median |x|) then tailDiagnostics with
 * its defaults. Families:
 *  - SαS(α), α ∈ {1.1, 1.3, 1.5, 1.7, 1.9} (CMS sampler): must be judged consistent ≥ 95 % of the time;
 *  - Student-t with ν = 3 (finite variance, power tail of index 3);
 *  - sparse Bernoulli·Gaussian: B·Z + 0.01·Z′, B ~ Bernoulli(0.05) (a rare spike on a 1 % background,
 *    no exact zeros, so no column is left out as a point mass);
 *  - Gaussian scale mixture: Z·e^W, W ~ N(0, 1) (log-normal scale);
 *   the last three must be judged inconsistent ≥ 90 % of the time.
 * Sizes: P = 64 × M = 3000 (a default probe of a model with a few thousand parameters) and P = 100 ×
 * M = 2500 (250,000 numbers, the largest /v1/tail-index accepts).
 *
 * Run: npx tsx scripts/coverage/tailDiagnosticsCalibration.ts [--seed 2026] [--reps 100] [--size 0|1]
 *        [--json docs/tail-diagnostics.json] [--out docs/tail-diagnostics.md] [--from-json a.json,b.json]
 * Writes every run's statistics (JSON, after each family) and the Markdown table of the rates at the
 * thresholds in src/tail/tailDiagnostics.ts. `--size` simulates one size only (seed + 1000·size, so two
 * processes can share the work); `--from-json` merges such JSON files and re-renders the table without
 * simulating.
 * Ends by reloading the JSON and checking the table against it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRng, normal, type Rng } from '../../src/random/index.ts'

import { sample } from '../../src/stable/index.ts'
import {
  coordinatewiseTailIndex,
  DEFAULT_BOOTSTRAP,
  DEFAULT_MAX_VALUES,
  DEFAULT_REFERENCES,
  DRIFT_WIDTH,
  KS_MULTIPLE,
  KS_VALUES,
  SPREAD_WIDTH,
  tailDiagnostics,
  Z,
} from '../../src/tail/index.ts'

type Family = { name: string; stable: boolean; draw: (n: number, rng: Rng) => Float64Array }

export const FAMILIES: Family[] = [
  ...[1.1, 1.3, 1.5, 1.7, 1.9].map((a) => ({
    name: `SαS α = ${a}`,
    stable: true,
    draw: (n: number, rng: Rng) => sample(a, 1, n, rng),
  })),
  {
    name: 'Student-t ν = 3',
    stable: false,
    draw: (n, rng) => {
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const z = normal(rng)
        const c = normal(rng) ** 2 + normal(rng) ** 2 + normal(rng) ** 2
        out[i] = z / Math.sqrt(c / 3)
      }
      return out
    },
  },
  {
    name: 'sparse Bernoulli(0.05)·Gaussian + 1 % background',
    stable: false,
    draw: (n, rng) => {
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) out[i] = 0.01 * normal(rng) + (rng.uniform() < 0.05 ? normal(rng) : 0)
      return out
    },
  },
  {
    name: 'Gaussian scale mixture Z·e^W, W ~ N(0, 1)',
    stable: false,
    draw: (n, rng) => {
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) out[i] = normal(rng) * Math.exp(normal(rng))
      return out
    },
  },
]

export const SIZES = [
  { label: 'probe: P = 64 × M = 3000', rows: 64, columns: 3000 },
  { label: '/v1/tail-index maximum: P = 100 × M = 2500', rows: 100, columns: 2500 },
]

export interface Run {
  family: string
  size: string
  spread: number
  spreadError: number
  drift: number
  driftError: number
  ksRatio: number
  alphas: number[]
}

function simulate(family: Family, size: (typeof SIZES)[number], rng: Rng, seed: number): Run {
  const rows = Array.from({ length: size.rows }, () => new Float64Array(size.columns))
  for (let c = 0; c < size.columns; c++) {
    const col = family.draw(size.rows, rng)
    const scale = 10 ** (-3 + (3 * c) / size.columns)
    for (let j = 0; j < size.rows; j++) rows[j][c] = scale * col[j]
  }
  const e = coordinatewiseTailIndex(rows)
  const d = tailDiagnostics(
    {
      values: e.pool,
      rows: e.rowsUsed,
      columns: e.columns,
      blockSize: e.blockSize,
      standardized: true,
      centred: false,
    },
    { seed },
  )
  const s = d.statistics
  return {
    family: family.name,
    size: size.label,
    spread: s.spread,
    spreadError: s.spreadError,
    drift: s.drift,
    driftError: s.driftError,
    ksRatio: s.ksRatio,
    alphas: d.estimators.map((x) => Number(x.alpha.toFixed(4))),
  }
}

/** The three reasons at the source thresholds. */
export function verdict(r: Run) {
  const spread = !(r.spread <= Math.max(SPREAD_WIDTH, Z * r.spreadError))
  const drift = !(r.drift <= Math.max(DRIFT_WIDTH, Z * r.driftError))
  const ks = !(r.ksRatio <= KS_MULTIPLE)
  return { spread, drift, ks, consistent: !(spread || drift || ks) }
}

export function renderTable(runs: Run[], header: { seed: number; reps: number }): string {
  const lines = [
    '| data | size | runs | judged consistent | spread fired | drift fired | KS fired | target | met |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  let allMet = true
  for (const size of SIZES)
    for (const f of FAMILIES) {
      const rs = runs.filter((r) => r.family === f.name && r.size === size.label)
      if (rs.length === 0) continue
      const v = rs.map(verdict)
      const pct = (k: number) => `${((100 * k) / rs.length).toFixed(0)} %`
      const consistent = v.filter((x) => x.consistent).length
      const rate = consistent / rs.length
      const met = f.stable ? rate >= 0.95 : 1 - rate >= 0.9
      allMet &&= met
      lines.push(
        `| ${f.name} | ${size.label} | ${rs.length} | ${pct(consistent)} | ${pct(v.filter((x) => x.spread).length)} | ${pct(v.filter((x) => x.drift).length)} | ${pct(v.filter((x) => x.ks).length)} | ${f.stable ? 'consistent ≥ 95 %' : 'inconsistent ≥ 90 %'} | ${met ? 'yes' : '**no**'} |`,
      )
    }
  return `${lines.join('\n')}\n\nSeed ${header.seed}, ${header.reps} data sets per row. All targets met: ${allMet ? 'yes' : 'no'}.\n`
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}

if (process.argv[1]?.endsWith('tailDiagnosticsCalibration.ts')) {
  const seed = Number(arg('seed', '2026'))
  const reps = Number(arg('reps', '100'))
  const jsonPath = arg('json', 'docs/tail-diagnostics.json')
  const outPath = arg('out', 'docs/tail-diagnostics.md')
  let runs: Run[]
  const write = (path: string, rs: Run[]) =>
    writeFileSync(
      path,
      `${JSON.stringify({ script: 'scripts/coverage/tailDiagnosticsCalibration.ts', seed, reps, runs: rs }, null, 0)}\n`,
    )
  const from = arg('from-json', '')
  if (from !== '') {
    runs = from.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).runs as Run[])
    write(jsonPath, runs)
  } else {
    runs = []
    const only = arg('size', '')
    for (const [index, size] of SIZES.entries()) {
      if (only !== '' && Number(only) !== index) continue
      const rng = createRng(seed + 1000 * index)
      for (const f of FAMILIES) {
        for (let r = 0; r < reps; r++) {
          runs.push(simulate(f, size, rng, seed + 1000 * index + r))
          process.stdout.write(`${size.label} | ${f.name}: ${r + 1}/${reps}\r`)
        }
        process.stdout.write('\n')
        write(jsonPath, runs)
      }
    }
  }
  const table = renderTable(runs, { seed, reps })
  const doc = readFileSync(outPath, 'utf8')
  const start = doc.indexOf('<!-- table -->')
  const end = doc.indexOf('<!-- /table -->')
  if (start < 0 || end < 0) throw new Error(`${outPath} needs <!-- table --> and <!-- /table --> markers`)
  const thresholds = `Thresholds (src/tail/tailDiagnostics.ts): SPREAD_WIDTH = ${SPREAD_WIDTH}, DRIFT_WIDTH = ${DRIFT_WIDTH}, Z = ${Z}, KS_MULTIPLE = ${KS_MULTIPLE}; sub-pool ${DEFAULT_MAX_VALUES} values, KS on ${KS_VALUES} values against ${DEFAULT_REFERENCES} simulated data sets, ${DEFAULT_BOOTSTRAP} bootstrap replicates.\n\n`
  writeFileSync(outPath, `${doc.slice(0, start)}<!-- table -->\n${thresholds}${table}${doc.slice(end)}`)
  // check: reload and compare
  const again = JSON.parse(readFileSync(jsonPath, 'utf8')).runs as Run[]
  if (renderTable(again, { seed, reps }) !== table) throw new Error('the table does not match the reloaded runs')
  if (!readFileSync(outPath, 'utf8').includes(table)) throw new Error(`${outPath} does not hold the table`)
  console.log(table)
}
