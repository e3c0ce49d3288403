/**
 * `npm run load`: load test of the Worker under `wrangler dev` on 127.0.0.1 (own port) with autocannon,
 * bounded in time and in count. Each scenario runs right after the no-op route `/healthz` with the same
 * settings, so throughputs are compared within one run: escape-time GET and POST, tail-index with 10^4
 * samples, simulate at its default size. Reports req/s, p50, p99 and errors (target: zero errors, escape-time
 * GET at least half the no-op throughput). Writes bench/results/load.md and load.json.
 *   npm run load [-- --duration 5 --connections 8]
 */

import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { escapeBody, escapeQuery, tailSamples } from './bench/apiCases.ts'
import { writeSection } from './bench/harness.ts'
import { startDev } from './devServer.ts'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '8' },
    amount: { type: 'string', default: '20000' },
    port: { type: 'string', default: '8795' },
  },
})
const duration = Number(values.duration)
const connections = Number(values.connections)
const amount = Number(values.amount)

interface Scenario {
  name: string
  path: string
  method: 'GET' | 'POST'
  body?: string
}

const scenarios: Scenario[] = [
  { name: 'escape-time GET', path: `/v1/escape-time?${escapeQuery}`, method: 'GET' },
  { name: 'escape-time POST', path: '/v1/escape-time', method: 'POST', body: JSON.stringify(escapeBody) },
  {
    name: 'tail-index POST, 10^4 samples',
    path: '/v1/tail-index',
    method: 'POST',
    body: JSON.stringify({ samples: tailSamples() }),
  },
  {
    name: 'simulate POST, default size',
    path: '/v1/simulate',
    method: 'POST',
    body: JSON.stringify({
      optimizer: 'sgd',
      alpha: 1.5,
      lr: 0.1,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 1 },
    }),
  },
]

interface Figures {
  reqPerSec: number
  p50: number
  p99: number
  requests: number
  errors: number
}

async function run(baseUrl: string, s: Scenario): Promise<Figures> {
  const r = await autocannon({
    url: `${baseUrl}${s.path}`,
    method: s.method,
    body: s.body,
    headers: s.body ? { 'content-type': 'application/json' } : {},
    connections,
    duration,
    maxOverallRequests: amount,
    timeout: 30,
  })
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  }
}

const dev = await startDev(Number(values.port))
const rows: { scenario: string; noop: Figures; target: Figures; ratio: number }[] = []
try {
  for (const s of scenarios) {
    // Warm-up, then the no-op route and the scenario back to back.
    await fetch(`${dev.baseUrl}${s.path}`, {
      method: s.method,
      body: s.body,
      headers: s.body ? { 'content-type': 'application/json' } : {},
    })
    const noop = await run(dev.baseUrl, { name: 'no-op', path: '/healthz', method: 'GET' })
    const target = await run(dev.baseUrl, s)
    rows.push({ scenario: s.name, noop, target, ratio: target.reqPerSec / noop.reqPerSec })
    console.log(
      `${s.name}: ${target.reqPerSec.toFixed(0)} req/s (no-op ${noop.reqPerSec.toFixed(0)}), p50 ${target.p50} ms, p99 ${target.p99} ms, errors ${target.errors}`,
    )
  }
} finally {
  await dev.stop()
}

const f = (x: Figures) => `${x.reqPerSec.toFixed(0)} | ${x.p50} | ${x.p99} | ${x.requests} | ${x.errors}`
const md = `autocannon against \`wrangler dev\` (local workerd) on 127.0.0.1, ${connections} connections, ${duration} s or ${amount}
requests per run, whichever comes first. Each scenario runs right after the no-op route \`/healthz\` with the same
settings; ratio = scenario req/s ÷ no-op req/s. Loopback on a shared 2-core machine: the client and the server
compete for the same cores, so absolute numbers are low; the ratios are the figure of merit.

| scenario | req/s | p50 ms | p99 ms | requests | errors | no-op req/s | no-op p50 ms | no-op p99 ms | ratio |
|---|---|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.scenario} | ${f(r.target)} | ${r.noop.reqPerSec.toFixed(0)} | ${r.noop.p50} | ${r.noop.p99} | ${r.ratio.toFixed(2)} |`).join('\n')}

Targets: zero errors (${rows.every((r) => r.target.errors === 0 && r.noop.errors === 0) ? 'met' : '**not met**'}); escape-time GET ≥ 0.5 × no-op (${(rows[0]?.ratio ?? 0) >= 0.5 ? 'met' : '**not met**'}, ratio ${rows[0]?.ratio.toFixed(2)}).
`
writeSection('load', 'Load: autocannon against wrangler dev', md, { connections, duration, amount, rows })
