/**
 * What a refusal costs (docs/api.md#simulation-work-rule, docs/model-contract.md#static-analysis), inside workerd:
 * `wrangler dev` of the bench entry scripts/bench/refusalBenchWorker.ts, which times each request in the handler.
 *
 * 1. Every expensive /v1/simulate request of scripts/bench/simulateRefusalCases.ts: its 422 (refused before any work,
 *    or stopped at the pilot), the work it counted, its CPU per call and the ratio to the no-op route `/healthz` in
 *    the same run, and the same request once with the pilot switched off (the run goes to the work cap, as every
 *    such request did before the pilot). Target: every refusal well under 1 s of CPU.
 * 2. The static analysis of an uploaded graph (read, contract check, shapes and cost at the probe's largest batch) on
 *    the bundled models' gradient graphs and the user-model fixture: the first call in a fresh isolate and the warm
 *    median, against the no-op route. Target: ≤ 5 ms.
 *
 * Cross-check: the CPU of the bench's workerd processes from /proc (10 ms ticks) over each of the two batches.
 * Writes bench/results/simulateRefusal.{md,json} and bench/results/staticAnalysis.{md,json}.
 */
import { loadavg } from 'node:os'
import { startDev } from '../devServer.ts'
import { writeSection } from './harness.ts'
import { workerdCpuMs } from './workerdCpuMs.ts'

const PORT = 8804
const REPEATS = Number(process.env.REFUSAL_BENCH_REPEATS ?? 5)

interface RefusalRow {
  name: string
  ends: 'before' | 'pilot'
  status: number
  work: Record<string, number>
  ms: number
  perBatch: number
  beforeStatus: number
  beforeMs: number
}
interface AnalysisRow {
  name: string
  bytes: number
  outcome: number | string
  firstMs: number
  warmMs: number
  perBatch: number
}

const fmt = (x: number, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d))
const count = (x: number | undefined) => (x === undefined ? '—' : x.toLocaleString('en-US'))

const load0 = loadavg()[0]
const dev = await startDev(PORT, 'scripts/bench/refusalBenchWorker.ts')
try {
  let c0 = workerdCpuMs(PORT)
  const refusals = (await (await fetch(`${dev.baseUrl}/__bench/refusals?repeats=${REPEATS}`)).json()) as {
    noopMs: number
    rows: RefusalRow[]
  }
  const refusalProcMs = workerdCpuMs(PORT) - c0
  c0 = workerdCpuMs(PORT)
  const analysis = (await (await fetch(`${dev.baseUrl}/__bench/analysis?repeats=${REPEATS}`)).json()) as {
    noopMs: number
    rows: AnalysisRow[]
  }
  const analysisProcMs = workerdCpuMs(PORT) - c0
  const load1 = loadavg()[0]

  const worst = Math.max(...refusals.rows.map((r) => r.ms))
  const allRefused = refusals.rows.every((r) => r.status === 422)
  const inPilot = refusals.rows.every((r) => r.work.iterations <= r.work.pilotIterations)
  const refusalMd = `Each expensive request of scripts/bench/simulateRefusalCases.ts (the matrix of the workerd test) sent to the
Worker's app inside workerd (local \`wrangler dev\` of scripts/bench/refusalBenchWorker.ts): median CPU per call over
${REPEATS} batches (a batch lasts ≥ 40 ms: workerd's clock ticks in whole milliseconds), × no-op = that median over the
no-op route's (\`/healthz\`, ${refusals.noopMs.toFixed(3)} ms) in the same run. "Without the pilot": the same request
once through an app whose pilot is switched off, so that the run goes on to the work cap before its 422, which is
what every such request cost before the pilot (with today's sampler). Work: the counts the 422 reports in \`work\`.
Load average ${load0.toFixed(1)} → ${load1.toFixed(1)} (shared 2-core machine); /proc CPU of the bench's workerd over
this batch: ${fmt(refusalProcMs / 1000, 2)} s.

| request | ends | status | noise draws | multiply-adds | CPU ms | × no-op | without the pilot: status, CPU ms | saved × |
|---|---|---|---|---|---|---|---|---|
${refusals.rows
  .map(
    (r) =>
      `| ${r.name} | ${r.ends === 'before' ? 'before any work' : 'at the pilot'} | ${r.status} | ${count(r.work.noiseDraws)} | ${count(r.work.hessianMultiplyAdds)} | ${fmt(r.ms, 2)} | ${fmt(r.ms / refusals.noopMs, 0)} | ${r.beforeStatus}, ${fmt(r.beforeMs, 0)} | ${r.ends === 'before' ? '—' : fmt(r.beforeMs / Math.max(r.ms, 0.001), 0)} |`,
  )
  .join('\n')}

${allRefused && inPilot ? 'Every request was refused (422) within its pilot' : '**Not every request was refused within its pilot**'}; the
costliest refusal took ${fmt(worst, 0)} ms of CPU (target: under 1 s).`

  writeSection('simulateRefusal', 'Simulator refusals: CPU of each expensive 422 in workerd', refusalMd, {
    repeats: REPEATS,
    loadAverage: [load0, load1],
    procCpuMs: refusalProcMs,
    ...refusals,
  })

  const worstWarm = Math.max(...analysis.rows.map((r) => r.warmMs))
  const analysisMd = `The static analysis POST /v1/probe runs on an uploaded graph before anything runs (\`checkUserModel\`: read the
protobuf, check the contract and every initializer; \`analyseUserModel\`: infer every tensor's shape and the cost at
the probe's largest batch, and again at batch 1), inside workerd (scripts/bench/refusalBenchWorker.ts), on the
bundled models' gradient graphs and the user-model fixture. First call: the first analysis in the isolate, which
also pays V8's compilation of the analysis code (only the first graph's row carries most of it); warm: median per
call over ${REPEATS} batches of ≥ 40 ms. × no-op = warm over the no-op route (${analysis.noopMs.toFixed(3)} ms) in the
same run. /proc CPU of the bench's workerd over this batch: ${fmt(analysisProcMs / 1000, 2)} s.

| graph | file bytes | largest batch (or why refused) | first call ms | warm ms | × no-op | warm ≤ 5 ms |
|---|---|---|---|---|---|---|
${analysis.rows
  .map(
    (r) =>
      `| ${r.name} | ${r.bytes} | ${r.outcome} | ${fmt(r.firstMs, 1)} | ${r.warmMs.toFixed(3)} | ${fmt(r.warmMs / analysis.noopMs, 0)} | ${r.warmMs <= 5 ? 'yes' : '**no**'} |`,
  )
  .join('\n')}

Slowest warm analysis: ${worstWarm.toFixed(3)} ms (target ≤ 5 ms).`
  writeSection('staticAnalysis', 'Static analysis of an uploaded graph: CPU in workerd', analysisMd, {
    repeats: REPEATS,
    procCpuMs: analysisProcMs,
    ...analysis,
  })
} finally {
  await dev.stop()
}
