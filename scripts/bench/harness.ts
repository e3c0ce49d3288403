/**
 * Shared helpers for the benchmark scripts: timing with warm-up, a machine description, and writing
 * a section (`bench/results/<name>.md` + `.json`). Benchmarks report ratios against a baseline
 * measured in the same run; absolute times are for information only.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

/** Median seconds per call of `fn` over `repeats` timed batches of `inner` calls, after a warm-up. */
export function timeIt(fn: () => unknown, inner = 1, repeats = 7): number {
  for (let i = 0; i < Math.max(1, inner); i++) fn()
  const times: number[] = []
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < inner; i++) fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e9 / inner)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/** Runs a Python snippet (numpy/scipy baseline) and parses the JSON it prints on its last line. */
export function python<T>(code: string): T {
  const out = execFileSync('python3', ['-c', code], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
  const lines = out.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]) as T
}

export function machineLine(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

/** Writes `bench/results/<name>.md` (a titled section with a table) and `<name>.json`. */
export function writeSection(name: string, title: string, markdownBody: string, data: unknown): void {
  mkdirSync('bench/results', { recursive: true })
  const md = `## ${title}\n\nRun ${new Date().toISOString()} on ${machineLine()}.\n\n${markdownBody.trim()}\n`
  writeFileSync(`bench/results/${name}.md`, md)
  writeFileSync(
    `bench/results/${name}.json`,
    `${JSON.stringify({ name, title, when: new Date().toISOString(), machine: machineLine(), data }, null, 2)}\n`,
  )
  console.log(md)
}
