/**
 * Bench-only Worker entry (never deployed): `GET /__bench?repeats=N` runs every case of apiCases.ts through
 * the calculator app N times inside workerd and returns the median and 90th-percentile time per request,
 * measured with performance.now() around `app.fetch` (local workerd advances its clock during execution;
 * with no I/O in the handlers this is the CPU time of the request). Started by scripts/bench/api.bench.ts.
 */
import { createApp } from '../../workers/createApp.ts'
import { apiCases } from './apiCases.ts'

const app = createApp()

export default {
  async fetch(request: Request, env: Record<string, string>): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname !== '/__bench') return app.fetch(request, env)
    const repeats = Math.min(500, Math.max(3, Number(url.searchParams.get('repeats')) || 30))
    const results: { name: string; status: number; medianMs: number; p90Ms: number; bytes: number }[] = []
    for (const c of apiCases()) {
      const body = c.body === undefined ? undefined : JSON.stringify(c.body)
      const make = () => new Request(`http://bench${c.path}`, { method: c.method, headers: body ? { 'content-type': 'application/json' } : {}, body })
      const times: number[] = []
      let status = 0
      let bytes = 0
      for (let i = 0; i < repeats + 2; i++) {
        const req = make()
        const t0 = performance.now()
        const res = await app.fetch(req, env)
        const buf = await res.arrayBuffer()
        const t1 = performance.now()
        status = res.status
        bytes = buf.byteLength
        if (i >= 2) times.push(t1 - t0)
      }
      times.sort((a, b) => a - b)
      results.push({ name: c.name, status, medianMs: times[Math.floor(times.length / 2)], p90Ms: times[Math.floor(times.length * 0.9)], bytes })
    }
    return Response.json({ repeats, results })
  },
}
