/**
 * An in-isolate stand-in for the Workers Cache API (`match`/`put` by URL, bodies kept as bytes), for the cache
 * bench: with it a cached request does no I/O, so its time inside workerd is the CPU the Worker spends on a
 * hit (key, lookup, copying the stored answer). The real Cache API adds a wait on the cache service, which is
 * I/O and not billed as CPU.
 */
import type { CacheLike } from '../../workers/http/edgeCache.ts'

interface Entry {
  status: number
  headers: [string, string][]
  bytes: ArrayBuffer
}

export class MemoryCache implements CacheLike {
  readonly #entries = new Map<string, Entry>()

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const e = this.#entries.get(keyOf(request))
    return e ? new Response(e.bytes, { status: e.status, headers: e.headers }) : undefined
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const bytes = await response.arrayBuffer()
    this.#entries.set(keyOf(request), { status: response.status, headers: [...response.headers], bytes })
  }

  clear(): void {
    this.#entries.clear()
  }

  get size(): number {
    return this.#entries.size
  }
}

const keyOf = (request: RequestInfo | URL): string =>
  typeof request === 'string' ? request : request instanceof URL ? request.href : request.url
