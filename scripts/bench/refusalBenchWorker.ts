/**
 * Bench-only Worker entry (never deployed), started by scripts/bench/simulateRefusal.bench.ts. Inside workerd
 * (whose clock advances during execution locally, so with no I/O a handler's elapsed time is its CPU time):
 *
 * - `GET /__bench/refusals?repeats=N`: the no-op route `/healthz`, then each expensive /v1/simulate request of
 *   simulateRefusalCases.ts through the app as deployed (its 422 after at most the pilot), timed as the median of N
 *   batches of back-to-back calls (each batch ≥ 40 ms: workerd's clock ticks in whole milliseconds), and once
 *   through an app whose pilot is switched off (the run goes to the work cap: what the same 422 cost before).
 * - `GET /__bench/analysis?repeats=N`: the static analysis of an uploaded graph (read + contract check +
 *   shape inference and cost at the probe's largest batch and at batch 1, `checkUserModel` + `analyseUserModel`, as
 *   POST /v1/probe runs it) on the user-model fixture, and the same read + analysis on the bundled models' gradient
 *   graphs (which take their parameters as inputs): the first call in the isolate (cold) and the warm median per
 *   call, with the no-op route's median for the ratio.
 */

import digitsAdam from '../../models/digits-mlp-adam/grad.onnx'
import digitsSgd from '../../models/digits-mlp-sgd/grad.onnx'
import fashionAdam from '../../models/fashion-mlp-adam/grad.onnx'
import fashionSgd from '../../models/fashion-mlp-sgd/grad.onnx'
import { analyseGraph, type OnnxValueInfo, readOnnxModel } from '../../src/onnx/index.ts'
import fixture from '../../test/fixtures/userModel/model.onnx'
import { createApp } from '../../workers/createApp.ts'
import { analyseUserModel } from '../../workers/models/analyseUserModel.ts'
import { checkUserModel } from '../../workers/models/userModel.ts'
import { maxOracleBatch } from '../../workers/ort/onnxOracle.ts'
import { batchTiming } from './batchTiming.ts'
import { SIMULATE_REFUSALS } from './simulateRefusalCases.ts'

const app = createApp({ edgeCache: false })
const unbounded = Number.MAX_SAFE_INTEGER
const noPilot = createApp({
  edgeCache: false,
  simulateLimits: { pilotNoiseDraws: unbounded, pilotHessianMultiplyAdds: unbounded },
})

const call = (a: typeof app, path: string, body: unknown, env: Record<string, string>) =>
  a.fetch(
    new Request(`http://bench${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    env,
  )

const GRAPHS: [string, ArrayBuffer, number][] = [
  ['user-model fixture (64-24-12-10)', fixture, 300],
  ['digits-mlp-sgd', digitsSgd, 1000],
  ['digits-mlp-adam', digitsAdam, 1000],
  ['fashion-mlp-sgd', fashionSgd, 1000],
  ['fashion-mlp-adam', fashionAdam, 1000],
]

export default {
  async fetch(request: Request, env: Record<string, string>): Promise<Response> {
    const url = new URL(request.url)
    const repeats = Math.min(50, Math.max(3, Number(url.searchParams.get('repeats')) || 5))
    const noop = await batchTiming(async () => (await call(app, '/healthz', undefined, env)).arrayBuffer(), repeats)
    if (url.pathname === '/__bench/analysis') {
      const rows = []
      for (const [name, buf, samples] of GRAPHS) {
        const bytes = new Uint8Array(buf)
        // An upload carries θ* as initializers (the contract); a bundled gradient graph takes its parameters as
        // inputs (their values live in params.bin), so it is read and analysed as an upload is, with the
        // parameter shapes its inputs declare.
        const bundled = !checkUserModel(bytes).ok
        const analyse = () => {
          if (!bundled) {
            const model = checkUserModel(bytes)
            if (!model.ok) return `contract: ${model.detail}`
            const plan = analyseUserModel(model.value, samples)
            return plan.ok ? plan.value.batch : `analysis: ${plan.detail}`
          }
          const info = readOnnxModel(bytes)
          if (typeof info === 'string') return `read: ${info}`
          const dims = (i: OnnxValueInfo) => (i.shape ?? []).map((d) => (typeof d === 'number' ? d : -1))
          const parameters = info.inputs
            .filter((i) => i.name !== 'x' && i.name !== 'y')
            .reduce((a, i) => a + dims(i).reduce((p, d) => p * d, 1), 0)
          const batch = Math.max(1, Math.min(samples, maxOracleBatch(parameters)))
          const shapes = (n: number) =>
            Object.fromEntries(
              info.inputs.map((i) => [i.name, { shape: dims(i).map((d) => (d < 0 ? n : d)), type: 1 }]),
            )
          const big = analyseGraph(info, shapes(batch))
          const one = analyseGraph(info, shapes(1))
          return big.ok && one.ok ? batch : `analysis: ${big.ok ? '' : big.detail}${one.ok ? '' : one.detail}`
        }
        const t0 = performance.now()
        const outcome = analyse()
        const first = performance.now() - t0
        const warm = await batchTiming(async () => analyse(), repeats)
        rows.push({
          name: bundled ? `${name} (parameters as inputs)` : name,
          bytes: bytes.length,
          outcome,
          firstMs: first,
          warmMs: warm.median,
          perBatch: warm.k,
        })
      }
      return Response.json({ noopMs: noop.median, rows })
    }
    if (url.pathname !== '/__bench/refusals') return app.fetch(request, env)
    const rows = []
    for (const [name, body, ends] of SIMULATE_REFUSALS) {
      let status = 0
      let work: Record<string, number> = {}
      const t = await batchTiming(async () => {
        const res = await call(app, '/v1/simulate', body, env)
        status = res.status
        work = ((await res.json()) as { work: Record<string, number> }).work
      }, repeats)
      const t0 = performance.now()
      const before = await call(noPilot, '/v1/simulate', body, env)
      const beforeStatus = before.status
      await before.arrayBuffer()
      const beforeMs = performance.now() - t0
      rows.push({ name, ends, status, work, ms: t.median, perBatch: t.k, beforeStatus, beforeMs })
    }
    return Response.json({ noopMs: noop.median, rows })
  },
}
