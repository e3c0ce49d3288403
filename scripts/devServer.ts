/**
 * Starts `wrangler dev` on 127.0.0.1 (own port, offline: no metrics, no cf fetch) in its own process group,
 * waits until it answers, and stops the whole group (wrangler + workerd) afterwards. Its local state (the edge
 * cache among it) lives in a fresh temporary folder, removed on stop: what a script records or measures is computed
 * by the current code, never an answer cached by an earlier run.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface DevServer {
  baseUrl: string
  stop(): Promise<void>
}

export async function startDev(port: number, entry?: string, timeoutMs = 90_000): Promise<DevServer> {
  const state = mkdtempSync(join(tmpdir(), 'levy-dev-state-'))
  const args = [
    'wrangler',
    'dev',
    ...(entry ? [entry] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warn',
    '--persist-to',
    state,
  ]
  const child = spawn('npx', args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const baseUrl = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    rmSync(state, { recursive: true, force: true })
  }
  const t0 = Date.now()
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(state, { recursive: true, force: true })
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`)
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`)
      if (res.ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > timeoutMs) {
      await stop()
      throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { baseUrl, stop }
}
