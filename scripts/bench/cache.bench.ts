/**
 * Edge cache (workers/http/edgeCache.ts): what a repeated identical request costs against the first one,
 * inside workerd (`wrangler dev` of scripts/bench/cacheBenchWorker.ts). Targets: a repeated probe of a bundled
 * model ≤ 5 % of the first's CPU; a repeated escape-time GET ≤ 50 % of the first's.
 *  - escape-time GET: loops of `app.fetch` inside workerd with an in-isolate cache (no I/O), CPU from /proc;
 *    baselines: the same request with no cache and the no-op route, in the same run;
 *  - probe (digits-mlp-sgd, default measures, explicit seed) through the full Worker and the local Cache API:
 *    CPU of the workerd processes (/proc utime + stime) for the first request, then per repeat over a batch of
 *    repeats. The ORT runtime and session are warmed first with another request, so the first probe's figure is
 *    the probe itself, not the cold start.
 * Writes bench/results/cache.md and cache.json.
 */
import { startDev } from '../devServer.ts'
import { writeSection } from './harness.ts'
import { workerdCpuMs } from './workerdCpuMs.ts'

const PORT = 8808
const REPEATS = Number(process.env.CACHE_BENCH_REPEATS ?? 5)
/** Calls per timed request of the escape-time loop: about a second of CPU, so a 10 ms tick is ~1 %. */
const LOOP = Number(process.env.CACHE_BENCH_LOOP ?? 3000)
const PROBE_ROUNDS = 3
const HITS = 20
const MODEL = 'digits-mlp-sgd'

interface LoopRow {
  mode: string
  cacheStatus: string
  cpuMsPerCall: number
  spreadMs: [number, number]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const dev = await startDev(PORT, 'scripts/bench/cacheBenchWorker.ts')
try {
  let escCase = ''
  /** CPU per call of one mode: /proc CPU around REPEATS requests of LOOP calls each, median per call. */
  const loop = async (mode: string): Promise<LoopRow> => {
    const per: number[] = []
    let status = ''
    let name = ''
    for (let r = 0; r < REPEATS; r++) {
      const c0 = workerdCpuMs(PORT)
      const res = await fetch(`${dev.baseUrl}/__bench-cache?mode=${mode}&n=${LOOP}`)
      if (res.status !== 200) throw new Error(`${mode}: ${await res.text()}`)
      const body = (await res.json()) as { case: string; cacheStatus: string[] }
      per.push((workerdCpuMs(PORT) - c0) / LOOP)
      status = body.cacheStatus.join(' / ')
      name = body.case
    }
    escCase = name
    return { mode, cacheStatus: status, cpuMsPerCall: median(per), spreadMs: [Math.min(...per), Math.max(...per)] }
  }
  await loop('compute') // warm-up: JIT, module state
  const rows = [await loop('noop'), await loop('compute'), await loop('first'), await loop('hit')]
  const [noop, compute, first, hit] = rows
  const escRatio = hit.cpuMsPerCall / first.cpuMsPerCall

  const probe = async (body: unknown) => {
    const c0 = workerdCpuMs(PORT)
    const res = await fetch(`${dev.baseUrl}/v1/models/${MODEL}/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`probe: status ${res.status}: ${text.slice(0, 300)}`)
    return { cpu: workerdCpuMs(PORT) - c0, status: res.headers.get('cache-status'), text }
  }
  await probe({ measures: ['loss'], seed: 1000 })
  const rounds: { seed: number; firstCpuMs: number; hitCpuMs: number; ratio: number; first: string; hits: string }[] =
    []
  // the local Cache API persists between runs (.wrangler/state): seeds new to this run make the first a miss
  const base = 1 + (Date.now() % 1_000_000) * PROBE_ROUNDS
  for (let r = 0; r < PROBE_ROUNDS; r++) {
    const seed = base + r
    const first = await probe({ seed })
    if (first.status !== 'levy-escape; fwd=miss; stored') throw new Error(`first probe: Cache-Status ${first.status}`)
    const c0 = workerdCpuMs(PORT)
    const statuses = new Set<string | null>()
    for (let i = 0; i < HITS; i++) {
      const h = await probe({ seed })
      statuses.add(h.status)
      if (h.text !== first.text) throw new Error('a cached probe differs from the first answer')
    }
    const hitCpu = (workerdCpuMs(PORT) - c0) / HITS
    rounds.push({
      seed,
      firstCpuMs: first.cpu,
      hitCpuMs: hitCpu,
      ratio: hitCpu / first.cpu,
      first: String(first.status),
      hits: [...statuses].join(' / '),
    })
  }
  const probeRatio = [...rounds.map((x) => x.ratio)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)]
  const LABELS: Record<string, string> = {
    noop: 'no-op route /healthz',
    compute: 'computed, no cache (baseline)',
    first: 'first (empty cache: miss, compute, store)',
    hit: 'repeated (hit)',
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`
  const ok = (x: number, limit: number) =>
    x <= limit ? `within the ${pct(limit)} target` : `**over the ${pct(limit)} target**`
  const md = `A repeated identical request against the first one, inside workerd.

**Escape-time GET** (${escCase}): ${LOOP} back-to-back \`app.fetch\` calls inside one request to the bench Worker,
CPU of its workerd processes (/proc utime + stime) around that request, divided by ${LOOP}; median of ${REPEATS} such
requests (min–max in brackets). The cache is an in-isolate stand-in for the Cache API (scripts/bench/memoryCache.ts),
so the loop does no I/O and this is the Worker's own CPU; the real Cache API adds a wait on the cache service, which
is I/O, not CPU.

| request | Cache-Status | CPU ms per request | min–max ms |
|---|---|---|---|
${rows.map((r) => `| ${LABELS[r.mode]} | ${r.cacheStatus} | ${r.cpuMsPerCall.toFixed(4)} | ${r.spreadMs[0].toFixed(4)}–${r.spreadMs[1].toFixed(4)} |`).join('\n')}

Repeated / first: **${pct(escRatio)}**, ${ok(escRatio, 0.5)} (repeated / no cache: ${pct(hit.cpuMsPerCall / compute.cpuMsPerCall)}; the no-op
route is the floor of any request: ${pct(noop.cpuMsPerCall / first.cpuMsPerCall)} of the first).

**Probe of a bundled model** (\`POST /v1/models/${MODEL}/probe\`, default measures, explicit seed) through the full Worker
and the local Cache API: CPU of this bench's workerd processes (/proc utime + stime, 10 ms ticks) for the first request,
and per request over ${HITS} repeats (so a hit's figure includes the local cache simulator's own work, an upper bound).
ONNX Runtime and the model session were warmed by an earlier request.

| round | first: Cache-Status | first CPU ms | repeats: Cache-Status | CPU ms per repeat | repeat / first |
|---|---|---|---|---|---|
${rounds.map((x, i) => `| ${i + 1} | ${x.first} | ${x.firstCpuMs.toFixed(0)} | ${x.hits} | ${x.hitCpuMs.toFixed(1)} | ${pct(x.ratio)} |`).join('\n')}

Median repeat / first: **${pct(probeRatio)}**, ${ok(probeRatio, 0.05)}.
`
  writeSection('cache', 'Edge cache: repeated requests against the first', md, {
    escape: { case: escCase, loop: LOOP, rows },
    probe: rounds,
  })
  if (escRatio > 0.5 || probeRatio > 0.05) process.exitCode = 1
} finally {
  await dev.stop()
}
