/**
 * CPU of the tail-index diagnostics against a default probe of the digits SGD minimum, inside workerd (local
 * `wrangler dev` of the full Worker; CPU time of its own workerd processes per request, /proc utime + stime).
 * Budget: the diagnostics add at most 30 % to a default digits probe.
 *
 *  - baseline: the default probe `POST /v1/models/digits-mlp-sgd/probe {}` (all measures, diagnostics included);
 *  - diagnostics: `POST /v1/tail-index` on a 64 × C matrix of SαS(1.5) noise, C = the parameters the digits
 *    probe pools (its parameters minus `noise.atoms.parameters`), with `"diagnostics": true` minus the same
 *    request without it. The difference also contains the coordinate-wise pooling that only the diagnostics
 *    of /v1/tail-index need (the probe pools anyway), so it overstates the probe's extra cost slightly.
 * Every request differs, also from earlier runs (the probe's seed, the tail-index confidence by 1e−12 steps,
 * both offset by a per-run nonce), so that the edge cache, which answers repeated deterministic requests and
 * persists across local runs, never serves one. Medians of RUNS requests each; the ratio
 * diagnostics / (probe − diagnostics) is judged against 0.30.
 * Writes bench/results/noiseDiagnostics.md and .json.
 */
import { loadavg } from 'node:os'
import { createRng } from '../../src/random/index.ts'
import { sample } from '../../src/stable/index.ts'
import { startDev } from '../devServer.ts'
import { writeSection } from './harness.ts'
import { TICK_MS, workerdCpuMs } from './workerdCpuMs.ts'

const PORT = Number(process.env.BENCH_PORT ?? 8801)
const RUNS = 7
const BUDGET = 0.3

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const load0 = loadavg()[0]
const dev = await startDev(PORT)
async function cpuOf(path: string, body: string): Promise<{ cpu: number; text: string }> {
  for (let attempt = 0; ; attempt++) {
    const c0 = workerdCpuMs(PORT)
    const res = await fetch(`${dev.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    const text = await res.text()
    const cpu = workerdCpuMs(PORT) - c0
    if ((res.status !== 503 && cpu >= 0) || attempt >= 3) {
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`)
      return { cpu, text }
    }
  }
}

const probeCpu: number[] = []
const withCpu: number[] = []
const withoutCpu: number[] = []
let columns = 0
let verdict: unknown
try {
  const first = await cpuOf('/v1/models/digits-mlp-sgd/probe', '{}') // the default probe's shape (may be cached)
  const noise = JSON.parse(first.text).noise
  const parameters = JSON.parse(first.text).model.parameters as number
  columns = parameters - noise.atoms.parameters
  verdict = noise.diagnostics.goodnessOfFit
  const rng = createRng(2026)
  const rows = Array.from({ length: 64 }, () =>
    Array.from(sample(1.5, 1, columns, rng), (x) => Number(x.toPrecision(6))),
  )
  const nonce = Date.now() % 1_000_000
  const body = (r: number, diagnostics: boolean) =>
    JSON.stringify({
      samples: rows,
      confidence: 0.95 + (nonce * 100 + r) * 1e-12,
      ...(diagnostics ? { diagnostics } : {}),
    })
  await cpuOf('/v1/tail-index', body(RUNS, true)) // warm
  for (let r = 0; r < RUNS; r++) {
    probeCpu.push((await cpuOf('/v1/models/digits-mlp-sgd/probe', JSON.stringify({ seed: nonce * 100 + r }))).cpu)
    withCpu.push((await cpuOf('/v1/tail-index', body(r, true))).cpu)
    withoutCpu.push((await cpuOf('/v1/tail-index', body(r, false))).cpu)
  }
} finally {
  await dev.stop()
}
const load1 = loadavg()[0]
const probe = median(probeCpu)
const diagnostics = median(withCpu) - median(withoutCpu)
// the probe's CPU includes the diagnostics: what they add is diagnostics / (probe − diagnostics)
const ratio = diagnostics / (probe - diagnostics)
const md = `Inside workerd (local \`wrangler dev\`, full Worker); CPU time of this bench's own workerd processes per request
(/proc utime + stime, ${TICK_MS} ms ticks), median of ${RUNS} requests each. Load average ${load0.toFixed(1)} → ${load1.toFixed(1)}.

| request | median workerd CPU ms | all runs |
|---|---|---|
| default probe of digits-mlp-sgd (all measures, diagnostics included) | ${probe.toFixed(0)} | ${probeCpu.map((x) => x.toFixed(0)).join(', ')} |
| /v1/tail-index 64 × ${columns} with diagnostics | ${median(withCpu).toFixed(0)} | ${withCpu.map((x) => x.toFixed(0)).join(', ')} |
| /v1/tail-index 64 × ${columns} without | ${median(withoutCpu).toFixed(0)} | ${withoutCpu.map((x) => x.toFixed(0)).join(', ')} |

The diagnostics of a pool of the digits probe's shape (64 minibatches × ${columns} parameters without point masses) cost
**${diagnostics.toFixed(0)} ms**: they add ${(100 * ratio).toFixed(0)} % to the ${(probe - diagnostics).toFixed(0)} ms of the rest of the default probe
(${probe.toFixed(0)} ms with them), ${ratio <= BUDGET ? 'within' : '**over**'} the budget of ${100 * BUDGET} %.
`
writeSection('noiseDiagnostics', 'Tail-index diagnostics: CPU share of a default digits probe inside workerd', md, {
  runs: RUNS,
  tickMs: TICK_MS,
  loadAverage: [load0, load1],
  columns,
  probeCpuMs: probeCpu,
  withDiagnosticsCpuMs: withCpu,
  withoutDiagnosticsCpuMs: withoutCpu,
  diagnosticsMs: diagnostics,
  ratio,
  budget: BUDGET,
  digitsVerdict: verdict,
})
