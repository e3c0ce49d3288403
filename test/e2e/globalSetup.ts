/**
 * Starts `wrangler dev` once for the end-to-end tests, on a port of its own (E2E_PORT, default: a free port),
 * waits for `/healthz`, and stops the whole process group afterwards. The base URL reaches the tests
 * through `inject('baseUrl')`.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { type AddressInfo, createServer } from 'node:net'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

let child: ChildProcess | undefined

async function waitForHealth(url: string, deadlineMs: number): Promise<void> {
  const start = Date.now()
  let last: unknown
  while (Date.now() - start < deadlineMs) {
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
      last = `status ${res.status}`
    } catch (err) {
      last = err
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`wrangler dev did not answer ${url}/healthz within ${deadlineMs} ms: ${String(last)}`)
}

/** A TCP port that is free right now on 127.0.0.1 (so that parallel runs never talk to each other's server). */
async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', resolve)
  })
  const { port } = srv.address() as AddressInfo
  await new Promise((r) => srv.close(r))
  return port
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  child = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  })
  await waitForHealth(baseUrl, 120_000)
  project.provide('baseUrl', baseUrl)
  return async () => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
    }
  }
}
