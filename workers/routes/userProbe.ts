/**
 * `POST /v1/probe`: the probe of a user's own ONNX model, sent as
 * multipart/form-data (parts `model`, `data`, `options`; workers/models/readUserProbe.ts) and run by
 * workers/models/probeUserModel.ts. A model that breaks docs/model-contract.md is a 400 naming what is wrong.
 */
import { Hono } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { ProbeResponse } from '../../src/schemas/index.ts'
import type { AppEnv } from '../env.ts'
import { problemContent } from '../http/describe.ts'
import { respond } from '../http/respond.ts'
import { probeUserModel } from '../models/probeUserModel.ts'
import { readUserProbe } from '../models/readUserProbe.ts'
import { failureToProblem, problem, validationProblem } from '../problem.ts'

export const userProbeRoutes = new Hono<AppEnv>().post(
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
        content: problemContent(),
      },
      413: { description: 'Body over 16 MiB.', content: problemContent() },
      415: { description: 'Not multipart/form-data.', content: problemContent() },
      422: {
        description: 'Over the CPU budget, or unanswerable; `detail` says what to change.',
        content: problemContent(),
      },
    },
  }),
  async (c) => {
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
      return problem(
        c,
        415,
        'Send the model, data and options as multipart/form-data (parts "model", "data", "options").',
      )
    let form: FormData
    try {
      form = await c.req.formData()
    } catch (e) {
      return problem(c, 400, `The multipart body could not be read: ${(e as Error).message.slice(0, 160)}.`, [
        { path: '', message: 'malformed multipart body' },
      ])
    }
    const upload = await readUserProbe(form)
    if (!upload.ok) return failureToProblem(c, upload)
    if ('issues' in upload.value) return validationProblem(c, upload.value.issues)
    return respond(c, await probeUserModel(upload.value))
  },
)
