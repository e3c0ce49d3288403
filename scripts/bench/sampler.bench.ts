/**
 * SαS sampler throughput against scipy.stats.levy_stable.rvs(α, 0, size=10^6) (numpy default_rng,
 * vectorised), measured in the same run, for α ∈ {0.5, 1, 1.2, 1.5, 1.8, 2}: the direct CMS `sample`,
 * the simulator's tabulated CMS `StableSource`, and the inverse-transform `createSampler` (with its one-off
 * table build time per α). Writes bench/results/sampler.md and sampler.json.
 */
import { createRng } from '../../src/random/rng.ts'
import { StableSource } from '../../src/simulate/stableSource.ts'
import { createSampler, sample } from '../../src/stable/index.ts'
import { python, timeIt, writeSection } from './harness.ts'

const ALPHAS = [0.5, 1, 1.2, 1.5, 1.8, 2]
const NS = 1_000_000

console.log('scipy levy_stable.rvs …')
const py = python<{ scipy: string; numpy: string; rows: { alpha: number; secPerDraw: number }[] }>(`
import json, time, numpy as np, scipy
from scipy.stats import levy_stable
rng = np.random.default_rng(1)
rows = []
for a in ${JSON.stringify(ALPHAS)}:
    levy_stable.rvs(a, 0.0, size=1000, random_state=rng)
    ts = []
    for _ in range(5):
        t = time.perf_counter(); levy_stable.rvs(a, 0.0, size=${NS}, random_state=rng); ts.append(time.perf_counter() - t)
    rows.append({'alpha': a, 'secPerDraw': sorted(ts)[2] / ${NS}})
print(json.dumps({'scipy': scipy.__version__, 'numpy': np.__version__, 'rows': rows}))
`)

const rows: string[] = []
const data: unknown[] = []
for (const r of py.rows) {
  const a = r.alpha
  const rng = createRng(1)
  const tSample = timeIt(() => sample(a, 1, NS, rng), 1, 5) / NS
  const src = new StableSource(a, 1)
  const buf = new Float64Array(NS)
  const tSource = timeIt(() => src.fill(buf, NS), 1, 5) / NS
  const t0 = process.hrtime.bigint()
  const draw = createSampler(a, 1)
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6
  const out = new Float64Array(NS)
  const tNew = timeIt(() => draw(rng, out), 1, 5) / NS
  const m = (t: number): string => (1 / t / 1e6).toFixed(1)
  const x = (t: number): string => `**${(r.secPerDraw / t).toFixed(1)}×**`
  rows.push(
    `| ${a} | ${m(r.secPerDraw)} | ${m(tSample)} | ${x(tSample)} | ${m(tSource)} | ${x(tSource)} | ${m(tNew)} | ${x(tNew)} | ${buildMs.toFixed(0)} |`,
  )
  data.push({
    alpha: a,
    scipySecPerDraw: r.secPerDraw,
    sampleSecPerDraw: tSample,
    stableSourceSecPerDraw: tSource,
    createSamplerSecPerDraw: tNew,
    createSamplerBuildMs: buildMs,
  })
  console.log(rows[rows.length - 1])
}

const md = `Throughput of SαS(1) samplers against \`scipy.stats.levy_stable.rvs(α, 0, size=10^6)\` (scipy ${py.scipy},
numpy ${py.numpy} default_rng, vectorised; median of 5 batches after a warm-up), measured in the same run on the
same machine: \`sample(α, 1, 10^6, rng)\` (direct Chambers–Mallows–Stuck), the simulator's \`StableSource.fill\`
(tabulated CMS) and \`createSampler(α, 1)\` (inversion through a per-α Hermite table of the quantile: two generator
words, a 63-bit tail probability and one cubic per draw; each draw equals quantile(U, α) to 1e-9·max(|X|, 1)
for α ∈ [0.5, 2], see src/stable/createSampler.ts and quantileTable.ts). "build ms" is the one-off table build of \`createSampler\` at that α (cached per α;
timed once, cold). Ratios are scipy time per draw over ours (> 1: we are faster). The machine is shared, so
absolute rates vary between runs; the ratios are measured back to back.

| α | scipy M draws/s | \`sample\` M/s | vs scipy | \`StableSource\` M/s | vs scipy | \`createSampler\` M/s | vs scipy | build ms |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`
writeSection('sampler', 'SαS sampler throughput against scipy levy_stable.rvs', md, {
  scipy: py.scipy,
  numpy: py.numpy,
  draws: NS,
  rows: data,
})
