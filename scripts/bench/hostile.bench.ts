/**
 * Hostile uploads against a running Worker (docs/model-contract.md#while-it-runs): starts `wrangler dev` of the full
 * Worker, loads ONNX Runtime with one valid probe of the user-model fixture, then sends each hostile model of
 * test/fixtures/userModel/hostile (scripts/fixtures/hostileModels.ts) to POST /v1/probe with the fixture's data and
 * `{"measures":["loss"],"inputScale":0.0625}`, each followed by the same valid probe. For every request it records
 * the status, the wall time, the CPU time of this bench's own workerd processes (/proc utime + stime) and their
 * resident memory (VmRSS of /proc/<pid>/status) before and after. Target: every hostile request refused (400/422)
 * in well under 2 s of CPU, RSS back within 64 MB of where it was, and the next valid probe answered 200.
 * Baseline in the same run: the valid probe's own CPU and RSS change.
 * Writes bench/results/hostile.md and hostile.json.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { startDev } from '../devServer.ts'
import { writeSection } from './harness.ts'

const PORT = 8804
const DIR = 'test/fixtures/userModel/hostile'
const manifest = JSON.parse(readFileSync(`${DIR}/hostile.json`, 'utf8')) as {
  options: unknown
  models: { name: string; what: string; status: number }[]
}
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/** The workerd processes of the wrangler dev started on PORT (their process-group leader names the port). */
function workerdPids(): number[] {
  const out: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'workerd') continue
      const pgid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]
      if (readFileSync(`/proc/${pgid}/cmdline`, 'utf8').split('\0').join(' ').includes(`--port ${PORT}`))
        out.push(Number(d))
    } catch {
      /* process gone */
    }
  }
  return out
}

function usage(): { cpuMs: number; rssMiB: number } {
  let ticks = 0
  let rssKiB = 0
  for (const pid of workerdPids()) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const parts = f.slice(f.lastIndexOf(')') + 2).split(' ')
      ticks += Number(parts[11]) + Number(parts[12])
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      /* process gone */
    }
  }
  return { cpuMs: ticks * TICK_MS, rssMiB: rssKiB / 1024 }
}

const valid = new Uint8Array(readFileSync('test/fixtures/userModel/model.onnx'))
const data = new Uint8Array(readFileSync('test/fixtures/userModel/data.bin'))

async function probe(base: string, model: Uint8Array<ArrayBuffer>) {
  const f = new FormData()
  f.append('model', new Blob([model]), 'model.onnx')
  f.append('data', new Blob([data]), 'data.bin')
  f.append('options', JSON.stringify(manifest.options))
  const u0 = usage()
  const t0 = performance.now()
  const res = await fetch(`${base}/v1/probe`, { method: 'POST', body: f })
  const body = await res.text()
  const wallMs = performance.now() - t0
  await new Promise((r) => setTimeout(r, 300)) // let workerd settle before reading RSS
  const u1 = usage()
  return {
    status: res.status,
    wallMs,
    cpuMs: u1.cpuMs - u0.cpuMs,
    rssBefore: u0.rssMiB,
    rssAfter: u1.rssMiB,
    detail: (JSON.parse(body) as { detail?: string }).detail ?? '',
  }
}

const load0 = loadavg()[0]
const dev = await startDev(PORT)
const rows: {
  name: string
  what: string
  expected: number
  status: number
  cpuMs: number
  wallMs: number
  rssBefore: number
  rssAfter: number
  nextStatus: number
  nextRssAfter: number
}[] = []
let warm: Awaited<ReturnType<typeof probe>>
try {
  warm = await probe(dev.baseUrl, valid) // loads ONNX Runtime
  warm = await probe(dev.baseUrl, valid)
  console.log(
    `valid probe: ${warm.status}, CPU ${warm.cpuMs.toFixed(0)} ms, RSS ${warm.rssBefore.toFixed(0)} → ${warm.rssAfter.toFixed(0)} MiB`,
  )
  for (const m of manifest.models) {
    const r = await probe(dev.baseUrl, new Uint8Array(readFileSync(`${DIR}/${m.name}.onnx`)))
    const next = await probe(dev.baseUrl, valid)
    rows.push({
      name: m.name,
      what: m.what,
      expected: m.status,
      status: r.status,
      cpuMs: r.cpuMs,
      wallMs: r.wallMs,
      rssBefore: r.rssBefore,
      rssAfter: r.rssAfter,
      nextStatus: next.status,
      nextRssAfter: next.rssAfter,
    })
    console.log(
      `${m.name}: ${r.status} (${r.detail.slice(0, 90)}…) CPU ${r.cpuMs.toFixed(0)} ms, wall ${r.wallMs.toFixed(0)} ms, RSS ${r.rssBefore.toFixed(0)} → ${r.rssAfter.toFixed(0)} MiB; next valid ${next.status}`,
    )
  }
} finally {
  await dev.stop()
}
const load1 = loadavg()[0]
const ok = rows.every(
  (r) => r.status === r.expected && r.nextStatus === 200 && Math.abs(r.rssAfter - r.rssBefore) <= 64 && r.cpuMs < 2000,
)
const md = `Each hostile upload of test/fixtures/userModel/hostile (scripts/fixtures/hostileModels.ts) sent to \`POST /v1/probe\` of a
local \`wrangler dev\` (full Worker, ONNX Runtime already loaded by a valid probe), each followed by a valid probe of the
fixture. CPU: utime + stime of this bench's workerd processes during the request (${TICK_MS} ms ticks); RSS: their VmRSS
300 ms after the answer. Load average ${load0.toFixed(1)} → ${load1.toFixed(1)} (shared machine: wall times are inflated, CPU is not).

Baseline, the valid probe (\`measures: ["loss"]\`): ${warm.status}, CPU ${warm.cpuMs.toFixed(0)} ms, RSS ${warm.rssBefore.toFixed(1)} → ${warm.rssAfter.toFixed(1)} MiB.

| upload | expected | status | CPU ms | wall ms | RSS before MiB | RSS after MiB | Δ RSS MiB | next valid probe | RSS after it MiB |
|---|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.name}: ${r.what} | ${r.expected} | ${r.status} | ${r.cpuMs.toFixed(0)} | ${r.wallMs.toFixed(0)} | ${r.rssBefore.toFixed(1)} | ${r.rssAfter.toFixed(1)} | ${(r.rssAfter - r.rssBefore).toFixed(1)} | ${r.nextStatus} | ${r.nextRssAfter.toFixed(1)} |`).join('\n')}

${ok ? 'Every hostile upload was refused as expected in under 2 s of CPU, RSS stayed within 64 MB of where it was, and the next valid probe was 200.' : '**At least one row misses the target** (status, next probe, RSS within 64 MB or CPU under 2 s).'}
Before the static analysis, the first upload (ConstantOfShape to 10⁹ floats) took workerd from 245 MB to 4.15 GB and was answered 200 after 8.3 s.
`
writeSection('hostile', 'Hostile uploads: refusal CPU and workerd memory', md, {
  loadAverage: [load0, load1],
  warm,
  rows,
  ok,
})
