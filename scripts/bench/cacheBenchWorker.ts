/**
 * Bench-only Worker entry (never deployed) for scripts/bench/cache.bench.ts. `GET /__bench-cache?mode=M&n=N`
 * runs N back-to-back `app.fetch` calls of the escape-time GET inside this isolate, in one of four modes:
 * `noop` (the no-op route /healthz, the floor of any request), `compute` (no cache), `first` (an empty cache
 * before each call: miss, compute, store) and `hit` (the answer already stored). The cache is an in-isolate
 * stand-in for the Cache API (memoryCache.ts), so the loop does no I/O and the CPU the bench reads from /proc
 * around the request is the Worker's own. Every other request goes to the full Worker with the real Cache API
 * (the probe half of the bench).
 */
import { app } from '../../workers/app.ts'
import { createApp } from '../../workers/createApp.ts'
import { apiCases } from './apiCases.ts'
import { MemoryCache } from './memoryCache.ts'

const memory = new MemoryCache()
const uncached = createApp({ edgeCache: false })
const cached = createApp({ edgeCache: () => memory })

/** The escape-time GET of the API bench (interval basin, SGD + Adam). */
export const escapeGet = apiCases().find((c) => c.method === 'GET' && c.path.startsWith('/v1/escape-time'))!

export default {
  async fetch(request: Request, env: Record<string, string>, ctx: Parameters<typeof app.fetch>[2]): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname !== '/__bench-cache') return app.fetch(request, env, ctx)
    const mode = url.searchParams.get('mode')
    const n = Math.min(100_000, Math.max(1, Number(url.searchParams.get('n')) || 1000))
    const target = mode === 'noop' ? '/healthz' : escapeGet.path
    const statuses = new Set<string>()
    if (mode === 'hit') {
      memory.clear()
      await (await cached.fetch(new Request(`http://bench${target}`), env)).arrayBuffer()
    }
    for (let i = 0; i < n; i++) {
      if (mode === 'first') memory.clear()
      const res = await (mode === 'first' || mode === 'hit' ? cached : uncached).fetch(
        new Request(`http://bench${target}`),
        env,
      )
      await res.arrayBuffer()
      if (res.status !== 200) return new Response(`${target}: status ${res.status}`, { status: 500 })
      statuses.add(res.headers.get('cache-status') ?? '–')
    }
    return Response.json({ case: escapeGet.name, mode, n, cacheStatus: [...statuses] })
  },
}
