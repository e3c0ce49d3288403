/**
 * CPU time per request of every endpoint at its default size, measured inside workerd (`wrangler dev` of the
 * bench entry scripts/bench/apiBenchWorker.ts, which times `app.fetch` with performance.now()), as a ratio to
 * the no-op route `/healthz` measured in the same run, and against the free plan's 10 ms CPU limit.
 * Writes bench/results/api.md and api.json.
 */
import { startDev } from '../devServer.ts'
import { writeSection } from './harness.ts'

interface Row {
  name: string
  status: number
  medianMs: number
  maxMs: number
  perBatch: number
  bytes: number
}

const REPEATS = Number(process.env.API_BENCH_REPEATS ?? 7)
const dev = await startDev(8794, 'scripts/bench/apiBenchWorker.ts')
try {
  const res = await fetch(`${dev.baseUrl}/__bench?repeats=${REPEATS}`)
  const { results } = (await res.json()) as { results: Row[] }
  const capRes = await fetch(`${dev.baseUrl}/__bench?set=cap&repeats=3`)
  const { results: caps } = (await capRes.json()) as { results: Row[] }
  const table = (list: Row[]) => {
    const noop = list[0].medianMs
    return list.map(
      (r) =>
        `| ${r.name} | ${r.status} | ${r.medianMs.toFixed(3)} | ${r.maxMs.toFixed(3)} | ${r.perBatch} | ${(r.medianMs / noop).toFixed(1)} | ${r.bytes} | ${r.medianMs <= 10 ? 'yes' : '**no**'} |`,
    )
  }
  const rows = table(results)
  const md = `Time per request inside workerd (local \`wrangler dev\` of scripts/bench/apiBenchWorker.ts): ${REPEATS} batches
of back-to-back \`app.fetch\` calls (request parsing, validation, the core function, serialisation, ETag),
each batch at least 40 ms long because workerd's clock ticks in whole milliseconds; per-request time = batch
time / calls. No I/O in the handlers, so this is CPU time. × no-op = median over the no-op route's median in
the same run. Free-plan budget: 10 ms CPU per request. Shared 2-core machine: other jobs inflate the slowest batch.

| endpoint (default size) | status | median ms | slowest batch ms | calls per batch | × no-op | response bytes | median ≤ 10 ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

At the caps (the largest request each endpoint accepts; 3 batches). These bound the CPU of one request; they fit
the paid plan's 30 s default, not the free plan's 10 ms, except where the lite build lowers the cap:

| endpoint (at its cap) | status | median ms | slowest batch ms | calls per batch | × no-op | response bytes | median ≤ 10 ms |
|---|---|---|---|---|---|---|---|
${table(caps).join('\n')}
`
  writeSection('api', 'API: CPU time per endpoint inside workerd', md, { repeats: REPEATS, results, caps })
} finally {
  await dev.stop()
}
