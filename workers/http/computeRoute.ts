/**
 * A compute endpoint in one line: validate (valibot schema), call one core function, answer (finite guard,
 * ETag on GET). `getAndPost` registers the POST form and the GET form (dotted query keys) of the same
 * request; `postOnly` the POST form alone. Both carry their OpenAPI description.
 */
import { Hono } from 'hono'
import type { GenericSchema, InferOutput } from 'valibot'
import type { Result } from '../../src/result.ts'
import type { AppEnv } from '../env.ts'
import { describeGet, describePost, type RouteDoc } from './describe.ts'
import { jsonInput, queryInput } from './input.ts'
import { respond } from './respond.ts'

export interface ComputeDoc<S extends GenericSchema> extends RouteDoc {
  request: S
}

export function postOnly<P extends string, S extends GenericSchema, T>(
  path: P,
  doc: ComputeDoc<S>,
  run: (input: InferOutput<S>) => Result<T>,
) {
  return new Hono<AppEnv>().post(path, describePost(doc), jsonInput(doc.request), (c) =>
    respond(c, run(c.req.valid('json') as InferOutput<S>)),
  )
}

export function getAndPost<P extends string, S extends GenericSchema, T>(
  path: P,
  doc: ComputeDoc<S>,
  run: (input: InferOutput<S>) => Result<T>,
) {
  return new Hono<AppEnv>()
    .get(path, describeGet(doc), queryInput(doc.request), (c) =>
      respond(c, run(c.req.valid('query') as InferOutput<S>)),
    )
    .post(path, describePost(doc), jsonInput(doc.request), (c) =>
      respond(c, run(c.req.valid('json') as InferOutput<S>)),
    )
}
