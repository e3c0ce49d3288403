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
  p90Ms: number
  bytes: number
}

const REPEATS = Number(process.env.API_BENCH_REPEATS ?? 40)
const dev = await startDev(8794, 'scripts/bench/apiBenchWorker.ts')
try {
  const res = await fetch(`${dev.baseUrl}/__bench?repeats=${REPEATS}`)
  const { results } = (await res.json()) as { results: Row[] }
  const noop = results[0].medianMs
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.status} | ${r.medianMs.toFixed(3)} | ${r.p90Ms.toFixed(3)} | ${(r.medianMs / Math.max(noop, 1e-3)).toFixed(1)} | ${r.bytes} | ${r.p90Ms <= 10 ? 'yes' : '**no**'} |`,
  )
  const md = `Time per request inside workerd (local \`wrangler dev\`, handler timed with performance.now() around
\`app.fetch\`, ${REPEATS} repeats after 2 warm-ups; no I/O in the handlers, so this is CPU time). Ratio = median
over the no-op route's median in the same run. Free-plan budget: 10 ms CPU per request.

| endpoint (default size) | status | median ms | p90 ms | × no-op | response bytes | p90 ≤ 10 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`
  writeSection('api', 'API: CPU time per endpoint inside workerd', md, { repeats: REPEATS, results })
} finally {
  await dev.stop()
}
