/**
 * The trained-minima endpoints (spec/api.md "Trained minima (ONNX)"): GET /v1/models, GET /v1/models/{id},
 * POST /v1/models/{id}/probe, POST /v1/compare and the multipart POST /v1/probe for a user's own model.
 * onnxruntime-web is reached only here, by a dynamic import (workers/ort/loadOrt.ts), and one session per
 * bundled model is kept per isolate. Routes are thin: validation, then workers/models/runProbe.ts.
 * Probe answers carry `Server-Timing: setup;dur=… (ORT load, session, data decode), probe;dur=…` in ms.
 */
import { type Context, Hono } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import type { InferenceSession } from 'onnxruntime-web/wasm'
import * as v from 'valibot'
import { probeEscape } from '../../src/probe/probeEscape.ts'
import type { Result } from '../../src/result.ts'
import { invalid, success } from '../../src/result.ts'
import {
  CompareRequest,
  CompareResponse,
  ModelDetail,
  ModelList,
  ProbeOptions,
  type ProbeOutput,
  ProbeResponse,
  UserProbeOptions,
} from '../../src/schemas/probe.ts'
import { Problem } from '../../src/schemas/problem.ts'
import type { AppEnv } from '../env.ts'
import { describePost } from '../http/describe.ts'
import { jsonInput } from '../http/input.ts'
import { respond, respondJson } from '../http/respond.ts'
import { PROBE_BUDGET_SECONDS } from '../models/budget.ts'
import { decodeEvalBin, decodeEvalJson, type EvalData } from '../models/evalData.ts'
import { type BundledModel, modelDetail, modelSummary } from '../models/modelRecord.ts'
import { type ProbeTarget, runProbe } from '../models/runProbe.ts'
import { checkUserModel } from '../models/userModel.ts'
import { loadOrt, type Ort } from '../ort/loadOrt.ts'
import { stripInitializers } from '../ort/stripInitializers.ts'
import { failureToProblem, issuesToFieldIssues, problem, validationProblem } from '../problem.ts'

let registry: Promise<Map<string, BundledModel>> | undefined

/** The bundled models by id; their files are imported on first use (a dynamic import keeps them out of module start-up and out of Node tooling that loads the app). */
function bundled(): Promise<Map<string, BundledModel>> {
  registry ??= import('../models/bundled.ts').then((m) => new Map(m.BUNDLED_MODELS.map((b) => [b.record.id, b])))
  return registry
}
const sessions = new Map<string, Promise<InferenceSession>>()
const targets = new Map<string, { theta: Float64Array; data: EvalData }>()

/** The session of a bundled model: created once per isolate. */
function bundledSession(ort: Ort, m: BundledModel): Promise<InferenceSession> {
  let s = sessions.get(m.record.id)
  if (!s) {
    s = ort.InferenceSession.create(new Uint8Array(m.grad))
    s.catch(() => sessions.delete(m.record.id))
    sessions.set(m.record.id, s)
  }
  return s
}

/** θ* and the evaluation set of a bundled model, decoded once per isolate. */
function bundledData(m: BundledModel): { theta: Float64Array; data: EvalData } {
  let t = targets.get(m.record.id)
  if (!t) {
    const r = m.record
    const dv = new DataView(m.params)
    const theta = new Float64Array(r.parameters)
    for (let i = 0; i < theta.length; i++) theta[i] = dv.getFloat32(4 * i, true)
    const data = decodeEvalBin(new Uint8Array(m.eval), r.inputDim, r.inputScale, r.classes)
    if (!data.ok) throw new Error(`bundled model ${r.id}: ${data.detail}`)
    t = { theta, data: data.value }
    targets.set(r.id, t)
  }
  return t
}

async function bundledTarget(m: BundledModel, optimizers: ProbeTarget['optimizers']): Promise<ProbeTarget> {
  const ort = await loadOrt()
  const session = await bundledSession(ort, m)
  const r = m.record
  const { theta, data } = bundledData(m)
  return {
    ort,
    session,
    layout: r.layout,
    parameters: r.parameters,
    inputDim: r.inputDim,
    classes: r.classes,
    theta,
    data,
    batchSize: r.batchSize,
    optimizers,
    record: modelDetail(r),
  }
}

const unknownModel = (c: Context, id: string, byId: Map<string, BundledModel>) =>
  problem(
    c,
    404,
    undefined,
    `There is no model "${id}". The bundled models are: ${[...byId.keys()].join(', ') || 'none'}.`,
    [{ path: 'id', message: 'unknown model id' }],
  )

const strip = <T extends { measurements?: unknown }>(p: T): Omit<T, 'measurements'> => {
  const { measurements: _, ...rest } = p
  return rest
}

const problemContent = { 'application/problem+json': { schema: resolver(Problem) } }

export const modelsRoutes = new Hono<AppEnv>()
  .get(
    '/v1/models',
    describeRoute({
      summary: 'The bundled trained models',
      tags: ['models'],
      responses: {
        200: { description: 'Their records.', content: { 'application/json': { schema: resolver(ModelList) } } },
      },
    }),
    async (c) => respondJson(c, { models: [...(await bundled()).values()].map((m) => modelSummary(m.record)) }),
  )
  .get(
    '/v1/models/:id',
    describeRoute({
      summary: 'One bundled model, with its training history',
      tags: ['models'],
      responses: {
        200: {
          description: 'The record and the α of the gradient noise measured during training.',
          content: { 'application/json': { schema: resolver(ModelDetail) } },
        },
        404: { description: 'Unknown model id.', content: problemContent },
      },
    }),
    async (c) => {
      const byId = await bundled()
      const m = byId.get(c.req.param('id'))
      return m ? respondJson(c, modelDetail(m.record)) : unknownModel(c, c.req.param('id'), byId)
    },
  )
  .post(
    '/v1/models/:id/probe',
    describePost({
      summary: 'Probe a bundled minimum: loss, gradient noise α, curvature, sharpness, slice, predicted escape',
      description: `Runs the model's per-sample gradient graph with ONNX Runtime on its evaluation set (spec/api.md "Trained minima"). Deterministic given seed. Requests estimated over ${PROBE_BUDGET_SECONDS} s of CPU are answered 422 with the estimate and what to reduce.`,
      tags: ['models'],
      request: ProbeOptions,
      response: ProbeResponse,
    }),
    jsonInput(ProbeOptions),
    async (c) => {
      const byId = await bundled()
      const m = byId.get(c.req.param('id'))
      if (!m) return unknownModel(c, c.req.param('id'), byId)
      const options = c.req.valid('json')
      const own = { [m.record.optimizer]: { lr: m.record.lr } }
      const t0 = performance.now()
      const target = await bundledTarget(m, own)
      const t1 = performance.now()
      const r = await runProbe(target, options)
      const timing = `setup;dur=${(t1 - t0).toFixed(1)}, probe;dur=${(performance.now() - t1).toFixed(1)}`
      const res = await respond(c, r.ok ? success(strip(r.value)) : r)
      res.headers.set('Server-Timing', timing)
      return res
    },
  )
  .post(
    '/v1/compare',
    describePost({
      summary: 'SGD and Adam dynamics from the SGD and the Adam minimum (the 2×2 table)',
      description:
        "Probes both models, then predicts the escape of both optimizers (each with its own model's learning rate) from both minima, with the curvature, noise scales and α measured at that minimum.",
      tags: ['models'],
      request: CompareRequest,
      response: CompareResponse,
    }),
    jsonInput(CompareRequest),
    async (c) => {
      const { models, ...options } = c.req.valid('json')
      const byId = await bundled()
      for (const [k, id] of models.entries())
        if (!byId.has(id))
          return problem(c, 404, undefined, `There is no model "${id}".`, [
            { path: `models.${k}`, message: 'unknown model id' },
          ])
      const pair = models.map((id) => byId.get(id) as BundledModel)
      const sgd = pair.find((m) => m.record.optimizer === 'sgd')
      const adam = pair.find((m) => m.record.optimizer === 'adam')
      if (!sgd || !adam) {
        return validationProblem(c, [
          { path: 'models', message: 'give one model trained with SGD and one trained with Adam' },
        ])
      }
      const lrs = { sgd: { lr: sgd.record.lr }, adam: { lr: adam.record.lr } }
      const opts = { ...options, measures: options.measures ?? undefined }
      const probes: Record<string, ProbeOutput> = {}
      const table: v.InferOutput<typeof CompareResponse>['table'] = []
      const warnings: string[] = []
      for (const m of pair) {
        const r = await runProbe(await bundledTarget(m, { [m.record.optimizer]: lrs[m.record.optimizer] }), {
          ...opts,
          measures: [
            ...new Set([...(opts.measures ?? ['loss', 'noise', 'curvature', 'sharpness', 'slice']), 'escape' as const]),
          ],
        })
        if (!r.ok) return failureToProblem(c, { ...r, detail: `${m.record.id}: ${r.detail}` })
        const both = probeEscape(r.value.measurements, lrs, options.height)
        if (!both.ok) return failureToProblem(c, { ...both, detail: `${m.record.id}: ${both.detail}` })
        probes[m.record.id] = strip(r.value)
        for (const o of ['sgd', 'adam'] as const) {
          const e = both.value[o]
          if (e)
            table.push({
              minimum: m.record.id,
              optimizer: o,
              alpha: e.alpha,
              lr: e.lr,
              radonMeasure: e.radonMeasure,
              meanEscapeIterations: e.meanEscapeIterations,
            })
        }
        warnings.push(...both.value.warnings.map((w) => `${m.record.id}: ${w}`))
      }
      return respond(c, success({ probes, table, warnings: [...new Set(warnings)] }))
    },
  )
  .post(
    '/v1/probe',
    describeRoute({
      summary: "Probe a user's own model (multipart: model, data, options)",
      description:
        'Parts: `model` (an .onnx file following docs/model-contract.md: the per-sample gradient graph with the trained parameters as initializers), `data` (evaluation inputs and labels: JSON {"x", "labels"} or the binary eval.bin layout), `options` (JSON: the probe options plus optimizer, lr, inputScale). At most 16 MiB in all. A model that breaks the contract is a 400 naming what is wrong.',
      tags: ['models'],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['model', 'data'],
              properties: {
                model: { type: 'string', format: 'binary' },
                data: { type: 'string', format: 'binary' },
                options: { type: 'string', description: 'JSON probe options' },
              },
            },
          },
        },
      },
      responses: {
        200: { description: 'The probe.', content: { 'application/json': { schema: resolver(ProbeResponse) } } },
        400: {
          description: 'Invalid input or a model that breaks the contract; `errors` name each problem.',
          content: problemContent,
        },
        413: { description: 'Body over 16 MiB.', content: problemContent },
        415: { description: 'Not multipart/form-data.', content: problemContent },
        422: {
          description: 'Over the CPU budget, or unanswerable; `detail` says what to change.',
          content: problemContent,
        },
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? ''
      if (!/^multipart\/form-data/i.test(type)) {
        return problem(
          c,
          415,
          undefined,
          'Send the model, data and options as multipart/form-data (parts "model", "data", "options").',
        )
      }
      let form: FormData
      try {
        form = await c.req.formData()
      } catch (e) {
        return problem(
          c,
          400,
          undefined,
          `The multipart body could not be read: ${(e as Error).message.slice(0, 160)}.`,
          [{ path: '', message: 'malformed multipart body' }],
        )
      }
      const parsed = await readUserProbe(form)
      if (!parsed.ok) return failureToProblem(c, parsed)
      if ('issues' in parsed.value) return validationProblem(c, parsed.value.issues)
      const { model, dataPart, options } = parsed.value
      const data =
        dataPart.json !== undefined
          ? decodeEvalJson(dataPart.json, model.inputDim, model.classes)
          : decodeEvalBin(dataPart.bytes as Uint8Array, model.inputDim, options.inputScale, model.classes)
      if (!data.ok) return failureToProblem(c, data)
      const ort = await loadOrt()
      // θ* is fed explicitly: drop the parameter initializers, which onnxruntime-web would freeze as constants
      const graphOnly = stripInitializers(parsed.value.bytes, new Set(model.layout.map((e) => e.name)))
      if (!graphOnly)
        return problem(c, 400, undefined, 'The model part is not a well-formed ONNX protobuf.', [
          { path: 'model', message: 'malformed protobuf' },
        ])
      let session: InferenceSession
      try {
        session = await ort.InferenceSession.create(graphOnly)
      } catch (e) {
        return problem(
          c,
          400,
          undefined,
          `ONNX Runtime could not load the model: ${String((e as Error).message ?? e).slice(0, 300)}`,
          [{ path: 'model', message: 'not loadable by onnxruntime-web' }],
        )
      }
      const record = {
        id: 'user',
        architecture: { kind: 'onnx', ops: model.ops, layout: model.layout },
        inputDim: model.inputDim,
        classes: model.classes,
        parameters: model.parameters,
        optimizer: options.optimizer,
        lr: options.lr,
        evalSamples: data.value.samples,
      }
      const target: ProbeTarget = {
        ort,
        session,
        layout: model.layout,
        parameters: model.parameters,
        inputDim: model.inputDim,
        classes: model.classes,
        theta: model.theta,
        data: data.value,
        batchSize: Math.min(32, data.value.samples),
        optimizers: { [options.optimizer]: { lr: options.lr } },
        record,
      }
      let r: Awaited<ReturnType<typeof runProbe>>
      try {
        r = await runProbe(target, options)
      } catch (e) {
        return problem(
          c,
          400,
          undefined,
          `The model failed when run on the data: ${String((e as Error).message ?? e).slice(0, 300)}. Check that it follows docs/model-contract.md.`,
          [{ path: 'model', message: 'failed at run time' }],
        )
      } finally {
        await session.release().catch(() => undefined)
      }
      return respond(c, r.ok ? success(strip(r.value)) : r)
    },
  )

type UserProbe =
  | { issues: { path: string; message: string }[] }
  | {
      model: Extract<ReturnType<typeof checkUserModel>, { ok: true }>['value']
      bytes: Uint8Array
      dataPart: { json?: string; bytes?: Uint8Array }
      options: v.InferOutput<typeof UserProbeOptions>
    }

async function readUserProbe(form: FormData): Promise<Result<UserProbe>> {
  const modelPart = form.get('model')
  const dataPart = form.get('data')
  const optionsPart = form.get('options')
  const issues: { path: string; message: string }[] = []
  if (!(modelPart instanceof Blob)) issues.push({ path: 'model', message: 'missing part "model" (an .onnx file)' })
  if (dataPart === null)
    issues.push({ path: 'data', message: 'missing part "data" (JSON {"x", "labels"} or eval.bin bytes)' })
  if (issues.length > 0) return success({ issues })
  let optionsValue: unknown = {}
  if (optionsPart !== null) {
    const text = typeof optionsPart === 'string' ? optionsPart : await (optionsPart as Blob).text()
    try {
      optionsValue = text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      return success({ issues: [{ path: 'options', message: 'the options part must be a JSON object' }] })
    }
  }
  const opts = v.safeParse(UserProbeOptions, optionsValue, { abortPipeEarly: true })
  if (!opts.success) return success({ issues: issuesToFieldIssues(opts.issues, 'options') })
  const bytes = new Uint8Array(await (modelPart as Blob).arrayBuffer())
  const model = checkUserModel(bytes)
  if (!model.ok) return model
  let data: { json?: string; bytes?: Uint8Array }
  if (typeof dataPart === 'string') data = { json: dataPart }
  else {
    const blob = dataPart as File
    const isJson = /json/i.test(blob.type) || /\.json$/i.test(blob.name ?? '')
    data = isJson ? { json: await blob.text() } : { bytes: new Uint8Array(await blob.arrayBuffer()) }
  }
  if (data.bytes && data.bytes.length === 0)
    return invalid('The data part is empty.', [{ path: 'data', message: 'empty' }])
  return success({ model: model.value, bytes, dataPart: data, options: opts.output })
}
