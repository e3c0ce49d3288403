/**
 * `POST /v1/compare`: SGD and Adam dynamics from an SGD and an Adam minimum,
 * the 2×2 table of workers/models/compareModels.ts.
 */
import { Hono } from 'hono'
import { CompareRequest, CompareResponse } from '../../src/schemas/index.ts'
import type { AppEnv } from '../env.ts'
import { describePost } from '../http/describe.ts'
import { jsonInput } from '../http/input.ts'
import { respond } from '../http/respond.ts'
import { bundledModels } from '../models/bundledModels.ts'
import { compareModels } from '../models/compareModels.ts'
import type { BundledModel } from '../models/modelRecord.ts'
import { problem, validationProblem } from '../problem.ts'

export const compareRoutes = new Hono<AppEnv>().post(
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
    const byId = await bundledModels()
    for (const [k, id] of models.entries())
      if (!byId.has(id))
        return problem(c, 404, `There is no model "${id}".`, [{ path: `models.${k}`, message: 'unknown model id' }])
    const pair = models.map((id) => byId.get(id) as BundledModel)
    const sgd = pair.find((m) => m.record.optimizer === 'sgd')
    const adam = pair.find((m) => m.record.optimizer === 'adam')
    if (!sgd || !adam)
      return validationProblem(c, [
        { path: 'models', message: 'give one model trained with SGD and one trained with Adam' },
      ])
    const lrs = { sgd: { lr: sgd.record.lr }, adam: { lr: adam.record.lr } }
    return respond(c, await compareModels(pair, lrs, options))
  },
)
