/**
 * The ONE test file that loads onnxruntime-web inside workerd (each such file costs ~15 s: the pool ships
 * the 14 MB wasm as JSON). It pins the adapter (workers/ort/ortWorkerd.ts): if an onnxruntime-web upgrade
 * changes how its emscripten loader instantiates the wasm, session creation here fails loudly. Then the
 * model routes end to end: the user-model multipart path with the converted tfjs fixture
 * (scripts/fixtures/userModel.ts), contract violations, budget refusals, and determinism.
 */
import { SELF } from 'cloudflare:test'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { EscapeExperimentRows } from '../../src/schemas/escapeExperiment.ts'
import { initOrt, ortInitialised } from '../../workers/ort/ortWorkerd.ts'
import { stripInitializers } from '../../workers/ort/stripInitializers.ts'
import dataBin from '../fixtures/userModel/data.bin'
import computedShape from '../fixtures/userModel/hostile/computedShape.onnx'
import constantOfShape from '../fixtures/userModel/hostile/constantOfShape.onnx'
import expandModel from '../fixtures/userModel/hostile/expand.onnx'
import hostileManifest from '../fixtures/userModel/hostile/hostile.json'
import manyNodes from '../fixtures/userModel/hostile/manyNodes.onnx'
import matmulCube from '../fixtures/userModel/hostile/matmulCube.onnx'
import nanInitializer from '../fixtures/userModel/hostile/nanInitializer.onnx'
import tileModel from '../fixtures/userModel/hostile/tile.onnx'
import modelOnnx from '../fixtures/userModel/model.onnx'
import weightsBin from '../fixtures/userModel/weights.bin'

const BASE = 'https://levy-escape.test'
const LAYERS = [64, 24, 12, 10]

function form(parts: {
  model?: Uint8Array
  data?: Uint8Array | string
  options?: unknown
  dataType?: string
}): FormData {
  const f = new FormData()
  if (parts.model)
    f.append(
      'model',
      new Blob([parts.model as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      'model.onnx',
    )
  if (parts.data !== undefined) {
    if (typeof parts.data === 'string')
      f.append('data', new Blob([parts.data], { type: 'application/json' }), 'data.json')
    else
      f.append(
        'data',
        new Blob([parts.data as Uint8Array<ArrayBuffer>], { type: parts.dataType ?? 'application/octet-stream' }),
        'data.bin',
      )
  }
  if (parts.options !== undefined) f.append('options', JSON.stringify(parts.options))
  return f
}

const probe = (f: FormData) => SELF.fetch(`${BASE}/v1/probe`, { method: 'POST', body: f })

describe('onnxruntime-web adapter in workerd', () => {
  it('creates a session from bytes through the precompiled-wasm shim, and its losses match the float64 oracle', async () => {
    const ort = initOrt()
    expect(ortInitialised()).toBe(true)
    expect(ort.env.wasm.numThreads).toBe(1)
    expect(new TextDecoder().decode(ort.env.wasm.wasmBinary as Uint8Array)).toBe('ort-workerd-precompiled')
    // onnxruntime-web freezes initializers that are also graph inputs: they are not listed and cannot be fed
    const frozen = await ort.InferenceSession.create(new Uint8Array(modelOnnx))
    expect([...frozen.inputNames]).toEqual(['x', 'y'])
    await frozen.release()
    // so the Worker strips θ* from the file and feeds it
    const names = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3']
    const session = await ort.InferenceSession.create(stripInitializers(new Uint8Array(modelOnnx), new Set(names))!)
    expect([...session.inputNames]).toEqual(['x', 'y', ...names])
    expect([...session.outputNames].slice(0, 2)).toEqual(['loss', 'probs'])
    const theta = new Float32Array(weightsBin)
    const shapes = [[64, 24], [24], [24, 12], [12], [12, 10], [10]]
    const feedsTheta: Record<string, unknown> = {}
    let off = 0
    names.forEach((nm, k) => {
      const size = shapes[k].reduce((a, b) => a * b, 1)
      feedsTheta[nm] = new ort.Tensor('float32', theta.slice(off, off + size), shapes[k])
      off += size
    })
    const bytes = new Uint8Array(dataBin)
    const n = 4
    const x = Float32Array.from(bytes.subarray(0, n * 64), (v) => v / 16)
    const labels = Array.from(bytes.subarray(300 * 64, 300 * 64 + n))
    const y = new Float32Array(n * 10)
    labels.forEach((l, i) => (y[i * 10 + l] = 1))
    const out = await session.run({
      x: new ort.Tensor('float32', x, [n, 64]),
      y: new ort.Tensor('float32', y, [n, 10]),
      ...(feedsTheta as Record<string, InstanceType<typeof ort.Tensor>>),
    })
    const js = mlpOracle(LAYERS, { x: Float64Array.from(x), labels })!
    const ref = await js.evaluate(Float64Array.from(new Float32Array(weightsBin)), [0, 1, 2, 3])
    const loss = out.loss.data as Float32Array
    for (let i = 0; i < n; i++)
      expect(Math.abs(loss[i] - ref.losses[i])).toBeLessThan(1e-5 * Math.max(1, ref.losses[i]))
    expect((out.grad_W1.dims as readonly number[]).slice()).toEqual([n, 64, 24])
    await session.release()
  })
})

describe('POST /v1/probe (a user model the repository did not train)', () => {
  const options = {
    inputScale: 1 / 16,
    optimizer: 'adam',
    lr: 0.01,
    batches: 32,
    iterations: 12,
    traceSamples: 4,
    slicePoints: 9,
    sharpnessDirections: 2,
    ascentSteps: 2,
    seed: 5,
  }

  it('probes the converted tfjs model: every measure, deterministic bytes', async () => {
    const a = await probe(form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(dataBin), options }))
    const text = await a.text()
    expect(a.status, text).toBe(200)
    const body = JSON.parse(text)
    expect(body.model).toMatchObject({
      id: 'user',
      inputDim: 64,
      classes: 10,
      parameters: 1990,
      optimizer: 'adam',
      lr: 0.01,
      evalSamples: 300,
    })
    expect(body.point).toEqual({ radius: 0, seed: 5 })
    expect(body.loss.accuracy).toBeGreaterThan(0.85)
    expect(body.loss.value).toBeGreaterThan(0)
    expect(body.noise.batches).toBe(32)
    expect(body.noise.batchSize).toBe(32)
    expect(body.noise.alpha).toBeGreaterThan(0)
    expect(body.noise.alpha).toBeLessThanOrEqual(2)
    expect(body.curvature.eigenvalues).toHaveLength(4)
    expect(body.curvature.eigenvalues[0]).toBeGreaterThanOrEqual(body.curvature.eigenvalues[3])
    expect(body.curvature.hessianVectorProducts).toBe(16)
    // the converted fixture predates the hvp_<name> outputs: finite differences, with their step
    expect(body.curvature.method).toBe('finite-difference')
    expect(body.curvature.step).toBeGreaterThan(0)
    expect(body.slice.t).toHaveLength(9)
    expect(body.sharpness.radius).toBe(0.1)
    expect(body.escape.adam.lr).toBe(0.01)
    expect(body.escape.inputs.basin.kind).toBe('quadratic')
    expect(Array.isArray(body.warnings)).toBe(true)
    const b = await probe(form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(dataBin), options }))
    expect(await b.text()).toBe(text)
  })

  it('accepts JSON data', async () => {
    const bytes = new Uint8Array(dataBin)
    const n = 40
    const data = JSON.stringify({
      x: Array.from({ length: n }, (_, i) => Array.from(bytes.subarray(i * 64, i * 64 + 64), (v) => v / 16)),
      labels: Array.from(bytes.subarray(300 * 64, 300 * 64 + n)),
    })
    const r = await probe(form({ model: new Uint8Array(modelOnnx), data, options: { measures: ['loss'] } }))
    expect(r.status).toBe(200)
    const body = (await r.json()) as { loss: { accuracy: number }; noise?: unknown }
    expect(body.loss.accuracy).toBeGreaterThan(0.8)
    expect(body.noise).toBeUndefined()
  })

  it('a model that breaks the contract is a 400 naming what is wrong', async () => {
    // rename every "loss" to "lost": a consistent graph whose output "loss" is missing
    const broken = new Uint8Array(modelOnnx).slice()
    const pat = [...new TextEncoder().encode('loss')]
    for (let i = 0; i + 4 <= broken.length; i++)
      if (pat.every((c, k) => broken[i + k] === c)) broken[i + 3] = 't'.charCodeAt(0)
    const r = await probe(form({ model: broken, data: new Uint8Array(dataBin), options }))
    expect(r.status).toBe(400)
    expect(r.headers.get('content-type')).toMatch(/problem\+json/)
    const body = (await r.json()) as { detail: string; errors: { path: string; message: string }[] }
    expect(body.errors).toContainEqual({
      path: 'model.outputs.loss',
      message: 'missing output "loss" (per-sample cross-entropy [N])',
    })
    const junk = await probe(
      form({ model: new TextEncoder().encode('definitely not onnx'), data: new Uint8Array(dataBin) }),
    )
    expect(junk.status).toBe(400)
    expect(((await junk.json()) as { errors: { path: string }[] }).errors[0].path).toBe('model')
  })

  it('missing parts, bad options and bad data are 400s with paths; a JSON body is 415', async () => {
    const noModel = await probe(form({ data: new Uint8Array(dataBin) }))
    expect(noModel.status).toBe(400)
    expect(((await noModel.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['model'])
    const badOpt = await probe(
      form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(dataBin), options: { topK: 9 } }),
    )
    expect(badOpt.status).toBe(400)
    expect(((await badOpt.json()) as { errors: { path: string }[] }).errors[0].path).toBe('options.topK')
    const badData = await probe(
      form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(dataBin).subarray(0, 1000) }),
    )
    expect(badData.status).toBe(400)
    const json = await SELF.fetch(`${BASE}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(json.status).toBe(415)
  })

  it('a body over 16 MiB is a 413', async () => {
    const r = await probe(form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(16 * 1024 * 1024 + 10) }))
    expect(r.status).toBe(413)
  })

  it('a request estimated over the CPU budget is a 422 with the estimate and what to reduce', async () => {
    const big = new Uint8Array(6000 * 65)
    for (let i = 0; i < 6000; i++)
      big.set(new Uint8Array(dataBin).subarray((i % 300) * 64, (i % 300) * 64 + 64), i * 64)
    for (let i = 0; i < 6000; i++) big[6000 * 64 + i] = new Uint8Array(dataBin)[300 * 64 + (i % 300)]
    const r = await probe(
      form({
        model: new Uint8Array(modelOnnx),
        data: big,
        options: { inputScale: 1 / 16, iterations: 200, traceSamples: 200 },
      }),
    )
    expect(r.status).toBe(422)
    const body = (await r.json()) as { detail: string }
    expect(body.detail).toMatch(/estimated at [0-9.]+ s of CPU/)
    expect(body.detail).toMatch(/lower iterations/)
  })
})

describe('hostile uploads (scripts/fixtures/hostileModels.ts)', () => {
  const files: Record<string, ArrayBuffer> = {
    computedShape: computedShape,
    constantOfShape: constantOfShape,
    expand: expandModel,
    manyNodes: manyNodes,
    matmulCube: matmulCube,
    nanInitializer: nanInitializer,
    tile: tileModel,
  }
  it('each is refused with its status and path before it runs, and a valid probe right after is 200', async () => {
    expect(Object.keys(files).sort()).toEqual(hostileManifest.models.map((m) => m.name).sort())
    for (const m of hostileManifest.models) {
      const r = await probe(
        form({ model: new Uint8Array(files[m.name]), data: new Uint8Array(dataBin), options: hostileManifest.options }),
      )
      const body = (await r.json()) as { status: number; detail: string; errors: { path: string; message: string }[] }
      expect([m.name, r.status]).toEqual([m.name, m.status])
      expect(body.errors[0].path).toMatch(new RegExp(m.path))
      // refused by the checks before a session: the contract, the static analysis or the budget from the shapes
      expect(body.detail).toMatch(/refused before running|breaks the model contract|estimated at .* from its shapes/)
    }
    const ok = await probe(
      form({ model: new Uint8Array(modelOnnx), data: new Uint8Array(dataBin), options: hostileManifest.options }),
    )
    expect(ok.status).toBe(200)
    const body = (await ok.json()) as { loss: { value: number; accuracy: number } }
    expect(body.loss.accuracy).toBeGreaterThan(0.9)
  })
})

describe('bundled models', () => {
  it('GET /v1/models lists the four with their summaries; GET /v1/models/{id} adds the α history', async () => {
    const r = await SELF.fetch(`${BASE}/v1/models`)
    expect(r.status).toBe(200)
    expect(r.headers.get('etag')).toMatch(/^"/)
    const { models } = (await r.json()) as {
      models: { id: string; optimizer: string; parameters: number; evalSamples: number }[]
    }
    expect(models.map((m) => m.id).sort()).toEqual([
      'digits-mlp-adam',
      'digits-mlp-sgd',
      'fashion-mlp-adam',
      'fashion-mlp-sgd',
    ])
    const d = models.find((m) => m.id === 'digits-mlp-sgd')!
    expect(d).toMatchObject({ optimizer: 'sgd', parameters: 64 * 32 + 32 + 32 * 10 + 10 })
    const one = await SELF.fetch(`${BASE}/v1/models/digits-mlp-adam`)
    const body = (await one.json()) as { optimizer: string; history: { epoch: number; alpha: number }[] }
    expect(body.optimizer).toBe('adam')
    expect(body.history.length).toBeGreaterThan(1)
    for (const h of body.history) expect(h.alpha).toBeGreaterThan(0)
    const missing = await SELF.fetch(`${BASE}/v1/models/nope`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/digits-mlp-sgd/)
  })

  it('GET /v1/models/{id} serves the rows of the measured escape experiment from that minimum, schema-valid', async () => {
    const experiment = (await import('../../docs/img/escape-experiment.json')).default as {
      rows: { model: string; optimizer: string; lr: number; exit: string }[]
    }
    const r = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd`)
    const body = (await r.json()) as { escapeExperiment: unknown[] }
    const expected = experiment.rows.filter((x) => x.model === 'digits-mlp-sgd')
    // 2 optimizers × ≥ 5 learning rates × 2 exit definitions
    expect(expected.length).toBeGreaterThanOrEqual(20)
    expect(body.escapeExperiment).toEqual(expected)
    expect(v.safeParse(EscapeExperimentRows, body.escapeExperiment).success).toBe(true)
    expect(new Set(expected.map((x) => x.optimizer))).toEqual(new Set(['sgd', 'adam']))
    const fashion = (await (await SELF.fetch(`${BASE}/v1/models/fashion-mlp-sgd`)).json()) as {
      escapeExperiment: unknown[]
    }
    expect(fashion.escapeExperiment).toEqual([])
  })

  it('a default probe of the digits SGD minimum: loss equals forward.onnx on eval.bin (record), deterministic bytes', async () => {
    const rec = (await import('../../models/digits-mlp-sgd/record.json')).default as {
      evalLoss: number
      evalAccuracy: number
    }
    const a = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    const text = await a.text()
    expect(a.status, text).toBe(200)
    expect(a.headers.get('server-timing')).toMatch(/setup;dur=[0-9.]+, probe;dur=[0-9.]+/)
    const body = JSON.parse(text)
    expect(Math.abs(body.loss.value - rec.evalLoss)).toBeLessThan(1e-5 * Math.max(1, rec.evalLoss))
    expect(body.loss.accuracy).toBe(rec.evalAccuracy)
    expect(body.noise.batchSize).toBe(32)
    // the row-major docs/theory.md#pooled-estimator estimate of the same rows is reported alongside
    expect(body.noise.rowMajor.alpha).toBeGreaterThan(0)
    expect(body.noise.excludedParameters).toBeGreaterThan(0)
    expect(body.escape.sgd.lr).toBe(0.05)
    // the bundled graphs carry the exact Hessian-vector products
    expect(body.curvature.method).toBe('exact')
    expect(body.curvature.step).toBeUndefined()
    const b = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(await b.text()).toBe(text)
  })

  it('digits SGD noise at 48, 49, 63 and 64 batches: α̂ within 0.1 of each other, each with its diagnostics', async () => {
    // Before the point-mass fix: 0.762 (48), 0.630 (49), 0.861 (64): median centring made exact zeros
    const alphas: number[] = []
    for (const batches of [48, 49, 63, 64]) {
      const r = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd/probe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ measures: ['noise'], batches }),
      })
      const text = await r.text()
      expect(r.status, text).toBe(200)
      const noise = JSON.parse(text).noise
      expect(noise.batches).toBe(batches)
      expect(noise.atoms.parameters).toBeGreaterThan(0)
      expect(noise.atoms.parameters).toBe(noise.excludedParameters)
      expect(noise.diagnostics.estimators.map((e: { method: string }) => e.method)).toEqual([
        'log-moment',
        'mcculloch',
        'cf-regression',
        'hill',
      ])
      expect(noise.diagnostics.estimators[0].alpha).toBe(noise.alpha)
      expect(typeof noise.diagnostics.goodnessOfFit.consistent).toBe('boolean')
      expect(noise.diagnostics.goodnessOfFit.ksReference).toBeGreaterThan(0)
      alphas.push(noise.alpha)
    }
    expect(Math.max(...alphas) - Math.min(...alphas)).toBeLessThan(0.1)
  })

  it('noiseBatchSizes adds batchSizeCurve; an inconsistent verdict still gives an escape prediction that says which α', async () => {
    const r = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ noiseBatchSizes: [8, 16, 32, 64, 128], iterations: 12, traceSamples: 4 }),
    })
    const text = await r.text()
    expect(r.status, text).toBe(200)
    const body = JSON.parse(text)
    const curve = body.noise.batchSizeCurve as {
      batchSize: number
      alpha: number
      interval: { lower: number; upper: number }
    }[]
    expect(curve.map((c) => c.batchSize)).toEqual([8, 16, 32, 64, 128])
    for (const c of curve) {
      expect(c.alpha).toBeGreaterThan(0)
      expect(c.alpha).toBeLessThanOrEqual(2)
      expect(c.interval.lower).toBeLessThanOrEqual(c.alpha)
    }
    // batch size 32 is the default: the same batches are not reused, so only close, not equal
    expect(Math.abs(curve[2].alpha - body.noise.alpha)).toBeLessThan(0.15)
    const verdict = body.noise.diagnostics.goodnessOfFit.consistent as boolean
    expect(body.escape.noiseAlpha).toMatchObject({
      method: 'log-moment',
      measured: body.noise.alpha,
      consistent: verdict,
    })
    expect(body.escape.inputs.optimizers.sgd.alpha).toBe(body.escape.noiseAlpha.used)
    expect(body.warnings.some((w: { message: string }) => w.message.includes('not α-stable-like'))).toBe(!verdict)
  })

  it('an escape the measurements cannot support is a warning on a 200 that carries them, not a 422 after the work', async () => {
    // a slice of ±1e-12 along the top eigenvector: the float32 loss cannot resolve a rise, so no barrier height
    const r = await SELF.fetch(`${BASE}/v1/models/digits-mlp-sgd/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ measures: ['escape'], sliceRange: 1e-12, iterations: 8, batches: 16 }),
    })
    const text = await r.text()
    expect(r.status, text).toBe(200)
    const body = JSON.parse(text)
    expect(body.escape).toBeUndefined()
    const w = body.warnings.find((x: { code: string }) => x.code === 'escape-unavailable')
    expect(w).toMatchObject({ severity: 'invalid', see: '/docs/theory#probe' })
    expect(w.message).toContain('the loss is flat at this scale: pass height, or a larger sliceRange')
    // the measurements the prediction was built from are in the answer
    expect(body.noise.alpha).toBeGreaterThan(0)
    expect(body.slice.t).toHaveLength(body.slice.loss.length)
    const spread = Math.max(...body.slice.loss) - Math.min(...body.slice.loss)
    expect(spread).toBeLessThanOrEqual(1e-6 * Math.max(...body.slice.loss))
  })

  it('POST /v1/compare builds the 2×2 table', async () => {
    const r = await SELF.fetch(`${BASE}/v1/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ models: ['digits-mlp-sgd', 'digits-mlp-adam'], iterations: 12, traceSamples: 4 }),
    })
    const text = await r.text()
    expect(r.status, text).toBe(200)
    const body = JSON.parse(text)
    expect(body.table.map((t: { minimum: string; optimizer: string }) => `${t.minimum}/${t.optimizer}`)).toEqual([
      'digits-mlp-sgd/sgd',
      'digits-mlp-sgd/adam',
      'digits-mlp-adam/sgd',
      'digits-mlp-adam/adam',
    ])
    expect(Object.keys(body.probes)).toEqual(['digits-mlp-sgd', 'digits-mlp-adam'])
    const rows = body.table as {
      minimum: string
      optimizer: string
      alpha: number
      lr: number
      radonMeasure: number
      meanEscapeIterations: number
    }[]
    // each optimizer runs with its own model's learning rate; both see the α measured at that minimum
    expect(rows.map((r) => r.lr)).toEqual([0.05, 0.001, 0.05, 0.001])
    expect(rows[0].alpha).toBe(rows[1].alpha)
    expect(rows[2].alpha).toBe(rows[3].alpha)
    for (const r of rows) expect(r.meanEscapeIterations).toBeGreaterThan(0)
    const same = await SELF.fetch(`${BASE}/v1/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ models: ['digits-mlp-sgd', 'fashion-mlp-sgd'] }),
    })
    expect(same.status).toBe(400)
  })
})
