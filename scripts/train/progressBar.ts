/** A cli-progress bar (one line, updated in place) or a no-op when disabled or not on a TTY. */
import { createRequire } from 'node:module'

interface Bar {
  start(total: number, value: number, payload?: Record<string, unknown>): void
  update(value: number, payload?: Record<string, unknown>): void
  stop(): void
}
interface CliProgress {
  SingleBar: new (opts: Record<string, unknown>, preset: unknown) => Bar
  Presets: { shades_classic: unknown }
}

const cliProgress = createRequire(import.meta.url)('cli-progress') as CliProgress

export interface Progress {
  start(total: number, payload: Record<string, unknown>): void
  update(value: number, payload?: Record<string, unknown>): void
  stop(): void
}

export function progressBar(label: string, enabled: boolean): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | step {value}/{total} | epoch {epoch} | loss {loss} | test acc {acc} | α {alpha}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  )
  return {
    start: (total, payload) => bar.start(total, 0, payload),
    update: (value, payload) => bar.update(value, payload),
    stop: () => bar.stop(),
  }
}
