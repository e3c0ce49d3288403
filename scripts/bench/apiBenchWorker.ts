/**
 * Bench-only Worker entry (never deployed): `GET /__bench?repeats=N` runs every case of apiCases.ts through
 * the calculator app N times inside workerd and returns the median (and the slowest) time per request over
 * batches of back-to-back `app.fetch` calls timed with performance.now() (its resolution is 1 ms, so each batch
 * lasts at least 40 ms) (local workerd advances its clock during execution;
 * with no I/O in the handlers this is the CPU time of the request). Started by scripts/bench/api.bench.ts.
 */
import { createApp } from '../../workers/createApp.ts'
import { LITE_OPTIONS } from '../../workers/lite.ts'
import { apiCases, capCases } from './apiCases.ts'
import { batchTiming } from './batchTiming.ts'

// The edge cache is off here: these figures are the cost of computing each answer (scripts/bench/cache.bench.ts
// measures the cache).
const app = createApp({ edgeCache: false })
const liteApp = createApp({ ...LITE_OPTIONS, edgeCache: false })

export default {
  async fetch(request: Request, env: Record<string, string>): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname !== '/__bench') return app.fetch(request, env)
    const repeats = Math.min(50, Math.max(3, Number(url.searchParams.get('repeats')) || 7))
    const results: {
      name: string
      status: number
      medianMs: number
      maxMs: number
      perBatch: number
      bytes: number
    }[] = []
    for (const c of url.searchParams.get('set') === 'cap' ? capCases() : apiCases()) {
      const body = c.body === undefined ? undefined : JSON.stringify(c.body)
      const once = async () => {
        const res = await (c.lite ? liteApp : app).fetch(
          new Request(`http://bench${c.path}`, {
            method: c.method,
            headers: body ? { 'content-type': 'application/json' } : {},
            body,
          }),
          env,
        )
        return { status: res.status, bytes: (await res.arrayBuffer()).byteLength }
      }
      let last = { status: 0, bytes: 0 }
      for (let i = 0; i < (c.path === '/v1/simulate' && !c.lite && url.searchParams.get('set') === 'cap' ? 1 : 3); i++)
        last = await once()
      // workerd's clock ticks in whole milliseconds: batches of k requests lasting >= 40 ms each
      const t = await batchTiming(once, repeats)
      results.push({
        name: c.name,
        status: last.status,
        medianMs: t.median,
        maxMs: t.max,
        perBatch: t.k,
        bytes: last.bytes,
      })
    }
    return Response.json({ repeats, results })
  },
}
