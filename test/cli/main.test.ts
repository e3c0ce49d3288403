/**
 * The command line (cli/main.ts) run in this process against the API computed in this process: answers equal
 * the core functions (independent of the HTTP layer), sf by the symmetry of SαS, options coerced like the GET
 * form, `--help` generated from the schemas, exit code 2 with the API's messages on bad input, `--url`
 * sending the same exchange to a Worker.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Answer, type Exchange, send } from '../../cli/exchange.ts'
import { localApp } from '../../cli/localApp.ts'
import { type Io, main } from '../../cli/main.ts'
import { escapeTime as escapeTimeCore } from '../../src/escape/index.ts'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { cdf, pdf, sf } from '../../src/stable/index.ts'
import { estimateTailIndex } from '../../src/tail/index.ts'

/** Parse + compute, as the HTTP route does. */
const escapeTime = parseAndCompute(EscapeTimeRequest, escapeTimeCore)

interface Run {
  code: number
  out: string
  err: string
  remote: { url: string; x: Exchange }[]
}

async function run(argv: string[], remote?: (url: string, x: Exchange) => Promise<Answer>): Promise<Run> {
  const r: Run = { code: -1, out: '', err: '', remote: [] }
  const io: Io = {
    out: (t) => {
      r.out += t
    },
    err: (t) => {
      r.err += t
    },
    readFile: (p) => readFileSync(p),
    local: async (x) => send('http://local', x, async (req) => (await localApp()).fetch(req)),
    remote: async (url, x) => {
      r.remote.push({ url, x })
      if (!remote) throw new Error('no network in this test')
      return remote(url, x)
    },
    progress: (_label, work) => work,
    version: '9.9.9',
  }
  r.code = await main(argv, io)
  return r
}

const ESCAPE = [
  'escape-time',
  '--basin.kind',
  'interval',
  '--basin.left',
  '1',
  '--basin.right',
  '2',
  '--noise.scale',
  '1',
  '--optimizers.sgd.alpha',
  '1.5',
  '--optimizers.sgd.lr',
  '0.01',
  '--optimizers.adam.alpha=1.7',
  '--optimizers.adam.lr=0.001',
]

describe('levy-escape', () => {
  it('escape-time --json answers the core escapeTime numbers', async () => {
    const r = await run([...ESCAPE, '--json'])
    expect(r.code, r.err).toBe(0)
    const core = escapeTime({
      basin: { kind: 'interval', left: 1, right: 2 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
    })
    if (!core.ok) throw new Error(core.detail)
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(core.value)))
  })

  it('escape-time table: dotted rows with 6 significant digits and the warnings last', async () => {
    const r = await run(ESCAPE)
    expect(r.code).toBe(0)
    const core = escapeTime({
      basin: { kind: 'interval', left: 1, right: 2 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
    })
    if (!core.ok) throw new Error(core.detail)
    const line = r.out.split('\n').find((l) => l.startsWith('sgd.meanEscapeIterations'))!
    expect(Number(line.split(/\s+/)[1])).toBe(+core.value.sgd!.meanEscapeIterations.toPrecision(6))
    expect(r.out).toMatch(/comparison\.iterationRatio\s+\d/)
    expect(r.out.trimEnd().split('\n').pop()).toMatch(/^warning: /)
  })

  it('stable pdf prints x and pdf as columns equal to the core pdf', async () => {
    const r = await run(['stable', 'pdf', '--alpha', '1.3', '--x', '-1,0,2.5', '--json'])
    expect(r.code).toBe(0)
    const a = JSON.parse(r.out)
    expect(a.pdf).toEqual([-1, 0, 2.5].map((x) => pdf(x, 1.3, 1)))
    const table = await run(['stable', 'pdf', '--alpha', '1.3', '--x', '-1,0,2.5'])
    expect(table.out).toMatch(/^\s+x\s+pdf$/m)
  })

  it('stable sf is the upper tail of /v1/stable/sf: sf(0) = 1/2, sf(x) + cdf(x) = 1, the core sf', async () => {
    const r = await run(['stable', 'sf', '--alpha', '1.5', '--scale', '2', '--x', '-3,0,1,40', '--json'])
    expect(r.code, r.err).toBe(0)
    const a = JSON.parse(r.out)
    expect(a.x).toEqual([-3, 0, 1, 40])
    expect(a.sf[1]).toBe(0.5)
    a.x.forEach((x: number, i: number) => expect(a.sf[i] + cdf(x, 1.5, 2)).toBeCloseTo(1, 12))
    expect(a.sf[3]).toBe(sf(40, 1.5, 2))
    expect(a.cdf).toBeUndefined()
  })

  it('tail-index reads a CSV file and answers the core estimate', async () => {
    const samples = Array.from({ length: 600 }, (_, i) => Math.tan(Math.PI * ((i + 0.5) / 600 - 0.5)))
    const path = join(import.meta.dirname, '../../out/cli-samples.csv')
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(join(import.meta.dirname, '../../out'), { recursive: true })
    writeFileSync(path, `g\n${samples.join('\n')}\n`)
    const r = await run(['tail-index', path, '--blockSize', '20', '--json'])
    expect(r.code, r.err).toBe(0)
    const core = estimateTailIndex({ samples, blockSize: 20 })
    if (!core.ok) throw new Error(core.detail)
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(core.value)))
  })

  it('bad input: exit 2 with the API messages naming the option', async () => {
    const r = await run(['stable', 'cdf', '--alpha', '7', '--x', '0'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^error: .*alpha/m)
    expect(r.err).toMatch(/^ {2}--alpha: .*\(got 7\)/m)
    const unknown = await run([...ESCAPE, '--optimizers.sgd.alpa', '1'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(
      /--optimizers\.sgd\.alpa: not an option of escape-time; did you mean --optimizers\.sgd\.alpha\?/,
    )
    const repeated = await run(['stable', 'cdf', '--alpha', '1', '--alpha', '2', '--x', '0'])
    expect(repeated.code).toBe(2)
    expect(repeated.err).toMatch(/--alpha: given more than once/)
    const missing = await run(['tail-index'])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/give <file>/)
    const noFile = await run(['tail-index', '/nonexistent/samples.csv'])
    expect(noFile.code).toBe(2)
    expect(noFile.err).toMatch(/\/nonexistent\/samples\.csv: cannot be read \(ENOENT\)/)
    const noValue = await run(['stable', 'cdf', '--alpha'])
    expect(noValue.code).toBe(2)
    expect(noValue.err).toMatch(/--alpha: needs a value/)
  })

  it('unknown command: exit 2 with the list of commands; no command prints usage', async () => {
    const r = await run(['escape'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/unknown command "escape"/)
    expect(r.err).toMatch(/stable quantile/)
    expect((await run(['--help'])).code).toBe(0)
  })

  it('--help is generated from the request schema', async () => {
    const r = await run(['escape-time', '--help'])
    expect(r.code).toBe(0)
    for (const o of [
      '--basin.kind',
      '--noise.scale (required)',
      '--basin.left',
      '--basin.curvatures',
      '--optimizers.sgd.alpha',
      '--noise.scale',
    ])
      expect(r.out).toContain(o)
    expect(r.out).toContain('POST /v1/escape-time')
    const tail = await run(['tail-index', '--help'])
    expect(tail.out).not.toContain('--samples')
    expect(tail.out).toContain('--blockSize')
    const probe = await run(['probe', '--help'])
    expect(probe.out).toContain('--optimizer')
    expect(probe.out).toContain('With --model ID')
  })

  it('--url sends the same exchange to the Worker and reports its problems', async () => {
    const local = await run(['stable', 'quantile', '--alpha', '1.1', '--p', '0.1,0.9', '--json'])
    const remote = await run(
      ['stable', 'quantile', '--alpha', '1.1', '--p', '0.1,0.9', '--json', '--url', 'https://w.example/'],
      async (_url, x) => send('http://local', x, async (req) => (await localApp()).fetch(req)),
    )
    expect(remote.remote).toHaveLength(1)
    expect(remote.remote[0].url).toBe('https://w.example')
    expect(remote.remote[0].x.path).toBe('/v1/stable/quantile')
    expect(remote.out).toBe(local.out)
    const down = await run(['stable', 'quantile', '--alpha', '1.1', '--p', '0.5', '--url', 'https://w.example'])
    expect(down.code).toBe(1)
    expect(down.err).toMatch(/https:\/\/w\.example: no network/)
  })

  it('probe --model needs --url; with it, the bundled model route is called with the options', async () => {
    const r = await run(['probe', '--model', 'digits-mlp-sgd'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--model: the bundled models are served by the Worker/)
    const remote = await run(
      ['probe', '--model', 'digits-mlp-sgd', '--measures', 'loss', '--url', 'https://w.example'],
      async () => ({ status: 200, body: '{"point":{"radius":0,"seed":1},"warnings":[]}' }),
    )
    expect(remote.code).toBe(0)
    expect(remote.remote[0].x).toEqual({ path: '/v1/models/digits-mlp-sgd/probe', json: '{"measures":["loss"]}' })
  })
})
