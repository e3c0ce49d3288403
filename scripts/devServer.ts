/**
 * Starts `wrangler dev` on 127.0.0.1 (own port, offline: no metrics, no cf fetch) in its own process group,
 * waits until it answers, and stops the whole group (wrangler + workerd) afterwards.
 */
import { spawn } from 'node:child_process'

export interface DevServer {
  baseUrl: string
  stop(): Promise<void>
}

export async function startDev(port: number, entry?: string, timeoutMs = 90_000): Promise<DevServer> {
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
    if (child.exitCode !== null || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  const t0 = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`)
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
