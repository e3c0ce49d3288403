/**
 * OpenAPI descriptions of the compute routes (hono-openapi `describeRoute`): request and response schemas
 * come from the same valibot schemas that validate the requests; every route lists its problem answers.
 */

import { describeRoute, resolver } from 'hono-openapi'
import type { GenericSchema } from 'valibot'
import { queryParameters } from '../../src/parse/index.ts'
import { Problem } from '../../src/schemas/index.ts'

export interface RouteDoc {
  summary: string
  description: string
  tags: string[]
  request: GenericSchema
  response: GenericSchema
}

/** The `application/problem+json` content of an OpenAPI response (RFC 9457 problem body). */
export const problemContent = () => ({ 'application/problem+json': { schema: resolver(Problem) } })

function responses(doc: RouteDoc, get: boolean) {
  return {
    200: { description: 'The result.', content: { 'application/json': { schema: resolver(doc.response) } } },
    ...(get ? { 304: { description: 'Not modified: the `If-None-Match` ETag matches.' } } : {}),
    400: {
      description: 'Invalid input: one `errors` entry per bad field, with its dotted path.',
      content: problemContent(),
    },
    ...(get ? {} : { 413: { description: 'Body over the size limit.', content: problemContent() } }),
    ...(get ? {} : { 415: { description: 'The body is not JSON.', content: problemContent() } }),
    422: {
      description: 'Valid input that the theory or the budget cannot answer; `detail` says what to change.',
      content: problemContent(),
    },
  }
}

/** `describeRoute` for the POST form (JSON body). */
export const describePost = (doc: RouteDoc) =>
  describeRoute({
    summary: doc.summary,
    description: doc.description,
    tags: doc.tags,
    requestBody: { required: true, content: { 'application/json': { schema: resolver(doc.request) } } },
    responses: responses(doc, false),
  })

/** `describeRoute` for the GET form (dotted query keys, cached). */
export const describeGet = (doc: RouteDoc) =>
  describeRoute({
    summary: `${doc.summary} (GET form)`,
    description: `${doc.description}\n\nGET form: the POST body flattened into the query string with dotted keys, arrays comma-separated. Answers carry \`Cache-Control: public, max-age=86400\` and a strong \`ETag\`.`,
    tags: doc.tags,
    parameters: queryParameters(doc.request),
    responses: responses(doc, true),
  })
