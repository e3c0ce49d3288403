/**
 * SαS sampler throughput against scipy.stats.levy_stable.rvs(α, 0) (numpy default_rng, vectorised), measured
 * in the same run, for α ∈ {0.5, 1, 1.2, 1.5, 1.8, 2}: the direct CMS `sample` and the simulator's tabulated CMS
 * `StableSource` (10^6 draws), and the whole `POST /v1/stable/sample` request at n = 10^5 through the calculator
 * app in Node (validation, sampling, JSON serialisation; CPU time) against scipy `rvs` alone and `rvs` plus
 * `json.dumps` of the same draws. Writes bench/results/sampler.md and sampler.json.
 */
import { createRng } from '../../src/random/index.ts'
import { StableSource, sample } from '../../src/stable/index.ts'
import { createApp } from '../../workers/createApp.ts'
import { python, timeIt, writeSection } from './harness.ts'

const ALPHAS = [0.5, 1, 1.2, 1.5, 1.8, 2]
const NS = 1_000_000
/** Draws per endpoint request: the full build's cap. */
const NE = 100_000

console.log('scipy levy_stable.rvs …')
const py = python<{
  scipy: string
  numpy: string
  rows: { alpha: number; secPerDraw: number; endpointSecPerDraw: number; jsonSecPerDraw: number }[]
}>(`
import json, time, numpy as np, scipy
from scipy.stats import levy_stable
rng = np.random.default_rng(1)
def median_cpu(f, k):
    ts = []
    for _ in range(k):
        t = time.process_time(); f(); ts.append(time.process_time() - t)
    return sorted(ts)[k // 2]
rows = []
for a in ${JSON.stringify(ALPHAS)}:
    levy_stable.rvs(a, 0.0, size=1000, random_state=rng)
    ts = []
    for _ in range(5):
        t = time.perf_counter(); levy_stable.rvs(a, 0.0, size=${NS}, random_state=rng); ts.append(time.perf_counter() - t)
    rvs = median_cpu(lambda: levy_stable.rvs(a, 0.0, size=${NE}, random_state=rng), 7)
    x = levy_stable.rvs(a, 0.0, size=${NE}, random_state=rng)
    dumps = median_cpu(lambda: json.dumps({'alpha': a, 'scale': 1, 'seed': 1, 'samples': x.tolist()}), 5)
    rows.append({'alpha': a, 'secPerDraw': sorted(ts)[2] / ${NS}, 'endpointSecPerDraw': rvs / ${NE},
                 'jsonSecPerDraw': (rvs + dumps) / ${NE}})
print(json.dumps({'scipy': scipy.__version__, 'numpy': np.__version__, 'rows': rows}))
`)

const app = createApp()
const cpuSeconds = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
/** Median CPU seconds of one `POST /v1/stable/sample` of NE draws (body read to the end), after two warm-ups. */
async function endpointSeconds(alpha: number): Promise<number> {
  const call = async () => {
    const res = await app.request('/v1/stable/sample', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alpha, n: NE, seed: 1 }),
    })
    if (res.status !== 200) throw new Error(`stable/sample answered ${res.status}`)
    await res.text()
  }
  for (let k = 0; k < 2; k++) await call()
  const ts: number[] = []
  for (let k = 0; k < 7; k++) {
    const t0 = cpuSeconds()
    await call()
    ts.push(cpuSeconds() - t0)
  }
  ts.sort((a, b) => a - b)
  return ts[3]
}

const rows: string[] = []
const data: unknown[] = []
const m = (t: number): string => (1 / t / 1e6).toFixed(1)
for (const r of py.rows) {
  const a = r.alpha
  const rng = createRng(1)
  const tSample = timeIt(() => sample(a, 1, NS, rng), 1, 5) / NS
  const src = new StableSource(a, 1)
  const buf = new Float64Array(NS)
  const tSource = timeIt(() => src.fill(buf, NS), 1, 5) / NS
  const tEndpoint = (await endpointSeconds(a)) / NE
  const x = (base: number, t: number): string => `**${(base / t).toFixed(1)}×**`
  rows.push(
    `| ${a} | ${m(r.secPerDraw)} | ${m(tSample)} | ${x(r.secPerDraw, tSample)} | ${m(tSource)} | ${x(r.secPerDraw, tSource)} | ${m(r.endpointSecPerDraw)} | ${m(r.jsonSecPerDraw)} | ${m(tEndpoint)} | ${x(r.endpointSecPerDraw, tEndpoint)} | ${x(r.jsonSecPerDraw, tEndpoint)} |`,
  )
  data.push({
    alpha: a,
    scipySecPerDraw: r.secPerDraw,
    sampleSecPerDraw: tSample,
    stableSourceSecPerDraw: tSource,
    scipyRvsCpuSecPerDraw: r.endpointSecPerDraw,
    scipyRvsJsonCpuSecPerDraw: r.jsonSecPerDraw,
    endpointCpuSecPerDraw: tEndpoint,
  })
  console.log(rows[rows.length - 1])
}

const md = `Throughput of SαS(1) samplers against \`scipy.stats.levy_stable.rvs(α, 0)\` (scipy ${py.scipy}, numpy
${py.numpy} default_rng, vectorised), measured in the same run on the same machine. Library: \`sample(α, 1, 10^6, rng)\`
(direct Chambers–Mallows–Stuck) and the simulator's \`StableSource.fill\` (tabulated CMS) against \`rvs(size=10^6)\`,
median wall time of 5 batches after a warm-up. Endpoint: the whole \`POST /v1/stable/sample\` request of
n = 10^5 draws through the calculator app in Node (validation, \`sample\`, JSON serialisation of the answer;
median CPU time of 7 requests after 2 warm-ups) against scipy's \`rvs(size=10^5)\` alone and \`rvs\` plus
\`json.dumps\` of the draws (median CPU time). Ratios are scipy time per draw over ours (> 1: we are faster). The
answer is bound by JSON serialisation (about 10^-7 s per number), so a faster sampler hardly moves the endpoint
figure. The machine is shared, so absolute rates vary between runs; the ratios are measured back to back.

| α | scipy rvs M draws/s | \`sample\` M/s | vs scipy | \`StableSource\` M/s | vs scipy | scipy rvs, n = 10^5, M/CPU s | scipy rvs + json.dumps M/CPU s | endpoint M/CPU s | vs rvs | vs rvs + json.dumps |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`
writeSection('sampler', 'SαS sampler throughput against scipy levy_stable.rvs', md, {
  scipy: py.scipy,
  numpy: py.numpy,
  draws: NS,
  endpointDraws: NE,
  rows: data,
})
