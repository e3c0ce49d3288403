/**
 * CPU time of a local `wrangler dev`: the utime + stime (/proc/<pid>/stat, clock ticks of 10 ms) of the `workerd`
 * processes whose process-group leader was started with `--port <port>`. Read before and after a request, the
 * difference is the CPU that request cost, whatever else loads the machine.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/** Length of one clock tick of /proc CPU times, in ms. */
export const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())

/** CPU milliseconds used so far by the workerd processes of the wrangler dev started on `port`. */
export function workerdCpuMs(port: number): number {
  let ticks = 0
  for (const d of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(d)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8')
    } catch {
      continue
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    if (comm !== 'workerd') continue
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pgid = f[2]
    let leader = ''
    try {
      leader = readFileSync(`/proc/${pgid}/cmdline`, 'utf8').split('\0').join(' ')
    } catch {
      continue
    }
    if (!leader.includes(`--port ${port}`)) continue
    ticks += Number(f[11]) + Number(f[12])
  }
  return ticks * TICK_MS
}
