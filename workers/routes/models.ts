/**
 * The bundled trained minima: `GET /v1/models`, `GET /v1/models/{id}` and
 * `POST /v1/models/{id}/probe`. onnxruntime-web is reached only by a dynamic import on the probe
 * (workers/ort/loadOrt.ts); the registry and its per-isolate caches are workers/models/bundledModels.ts.
 * Probe answers carry `Server-Timing: setup;dur=… (ORT load, session, data decode), probe;dur=…` in ms.
 */
import { type Context, Hono } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { success } from '../../src/result.ts'
import { ModelDetail, ModelList, ProbeOptions, ProbeResponse } from '../../src/schemas/index.ts'
import type { AppEnv } from '../env.ts'
import { describePost, problemContent } from '../http/describe.ts'
import { jsonInput } from '../http/input.ts'
import { noQuery } from '../http/noQuery.ts'
import { respond, respondJson } from '../http/respond.ts'
import { PROBE_BUDGET_SECONDS } from '../models/budget.ts'
import { bundledModels, bundledTarget } from '../models/bundledModels.ts'
import { escapeExperimentRows } from '../models/escapeExperiment.ts'
import { type BundledModel, modelDetail, modelSummary } from '../models/modelRecord.ts'
import { runProbe } from '../models/runProbe.ts'
import { withoutMeasurements } from '../models/withoutMeasurements.ts'
import { problem } from '../problem.ts'

/** 404 naming the bundled models. */
const unknownModel = (c: Context, id: string, byId: Map<string, BundledModel>) =>
  problem(c, 404, `There is no model "${id}". The bundled models are: ${[...byId.keys()].join(', ') || 'none'}.`, [
    { path: 'id', message: 'unknown model id' },
  ])

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
    noQuery,
    async (c) => respondJson(c, { models: [...(await bundledModels()).values()].map((m) => modelSummary(m.record)) }),
  )
  .get(
    '/v1/models/:id',
    describeRoute({
      summary: 'One bundled model, with its training history and its measured escapes',
      tags: ['models'],
      responses: {
        200: {
          description:
            'The record, the α of the gradient noise measured during training, and the measured escape experiment from this minimum (docs/escape-experiment.md).',
          content: { 'application/json': { schema: resolver(ModelDetail) } },
        },
        404: { description: 'Unknown model id.', content: problemContent() },
      },
    }),
    noQuery,
    async (c) => {
      const byId = await bundledModels()
      const m = byId.get(c.req.param('id'))
      return m
        ? respondJson(c, { ...modelDetail(m.record), escapeExperiment: escapeExperimentRows(m.record.id) })
        : unknownModel(c, c.req.param('id'), byId)
    },
  )
  .post(
    '/v1/models/:id/probe',
    describePost({
      summary: 'Probe a bundled minimum: loss, gradient noise α, curvature, sharpness, slice, predicted escape',
      description: `Runs the model's per-sample gradient graph with ONNX Runtime on its evaluation set (docs/api.md#trained-minima). Deterministic given seed. Requests estimated over ${PROBE_BUDGET_SECONDS} s of CPU are answered 422 with the estimate and what to reduce.`,
      tags: ['models'],
      request: ProbeOptions,
      response: ProbeResponse,
    }),
    jsonInput(ProbeOptions),
    async (c) => {
      const byId = await bundledModels()
      const m = byId.get(c.req.param('id'))
      if (!m) return unknownModel(c, c.req.param('id'), byId)
      const t0 = performance.now()
      const target = await bundledTarget(m, { [m.record.optimizer]: { lr: m.record.lr } })
      const t1 = performance.now()
      const r = await runProbe(target, c.req.valid('json'))
      const timing = `setup;dur=${(t1 - t0).toFixed(1)}, probe;dur=${(performance.now() - t1).toFixed(1)}`
      const res = await respond(c, r.ok ? success(withoutMeasurements(r.value)) : r)
      res.headers.set('Server-Timing', timing)
      return res
    },
  )
