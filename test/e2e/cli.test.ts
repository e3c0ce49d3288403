/**
 * `levy-escape … --url` against `wrangler dev`: the Worker's answers equal the answers computed in this
 * process (same numbers as the API), and the Worker's problems become exit code 2 with its messages.
 * workerd and Node run different V8 releases whose Math.pow/exp/log may differ in the last bit, so numbers are
 * compared to 1e-14 relative (a few units in the last place); everything else must be identical.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'
import { send } from '../../cli/exchange.ts'
import { localApp } from '../../cli/localApp.ts'
import { type Io, main } from '../../cli/main.ts'

const base = inject('baseUrl')

async function run(argv: string[]) {
  const r = { code: -1, out: '', err: '' }
  const io: Io = {
    out: (t) => {
      r.out += t
    },
    err: (t) => {
      r.err += t
    },
    readFile: (p) => readFileSync(p),
    local: async (x) => send('http://local', x, async (req) => (await localApp()).fetch(req)),
    remote: (url, x) => send(url, x, (req) => fetch(req)),
    progress: (_label, work) => work,
    version: 'test',
  }
  r.code = await main(argv, io)
  return r
}

/** Deep equality with numbers equal to 1e-14 relative (last-bit differences between V8 releases). */
function expectSameNumbers(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-14 * Math.max(Math.abs(a), Math.abs(b)))
    return
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort())
    for (const k of Object.keys(a))
      expectSameNumbers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
    return
  }
  expect(a, path).toEqual(b)
}

const CASES = [
  [
    'escape-time',
    '--basin.kind=quadratic',
    '--basin.curvatures=1,4',
    '--basin.height=0.5',
    '--noise.scale=1',
    '--optimizers.sgd.alpha=1.5',
    '--optimizers.sgd.lr=0.01',
    '--optimizers.adam.alpha=1.7',
    '--optimizers.adam.lr=0.001',
  ],
  ['stable', 'sf', '--alpha', '1.2', '--x', '-2,0,3'],
  [
    'landscape',
    '--walls',
    '0',
    '--minima',
    '-1,1.5',
    '--noise.scale',
    '1',
    '--optimizers.sgd.alpha',
    '1.5',
    '--optimizers.sgd.lr',
    '0.01',
  ],
  [
    'simulate',
    '--optimizer',
    'adam',
    '--alpha',
    '1.6',
    '--lr',
    '0.05',
    '--basin.kind',
    'interval',
    '--basin.left',
    '1',
    '--basin.right',
    '1',
    '--noise.scale',
    '1',
    '--chains',
    '40',
    '--seed',
    '4',
  ],
]

describe('levy-escape --url', () => {
  for (const argv of CASES) {
    it(`${argv.slice(0, 2).join(' ')}: the Worker answers the same numbers as this process`, async () => {
      const local = await run([...argv, '--json'])
      const remote = await run([...argv, '--json', '--url', base])
      expect(local.code, local.err).toBe(0)
      expect(remote.code, remote.err).toBe(0)
      expectSameNumbers(JSON.parse(remote.out), JSON.parse(local.out), '')
    })
  }

  it("the Worker's problems: exit 2 with the option named", async () => {
    const r = await run(['stable', 'pdf', '--alpha', '0', '--x', '1', '--url', base])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^ {2}--alpha: /m)
  })
})
