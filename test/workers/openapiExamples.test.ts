/**
 * The examples of the OpenAPI document are real: every example request, replayed against the Worker, gets
 * exactly the recorded answer (regenerate with `npm run docs:examples` after changing an answer), and the
 * served document carries the request and the answer of every computing operation.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_REQUESTS, exampleHeaders, exampleKey, exampleUrl } from '../../workers/docs/exampleRequests.ts'
import calculator from '../../workers/docs/generated/examples.json'
import models from '../../workers/docs/generated/modelExamples.json'
import { isModelPath, type RecordedExamples } from '../../workers/docs/recordedExamples.ts'

const BASE = 'https://levy-escape.test'
const answers: RecordedExamples = { ...(calculator as RecordedExamples), ...(models as RecordedExamples) }

describe('OpenAPI examples', () => {
  it('the calculator answers and the model-route answers are recorded in their own files', () => {
    for (const e of EXAMPLE_REQUESTS) {
      const own = (isModelPath(e.path) ? models : calculator) as RecordedExamples
      const other = (isModelPath(e.path) ? calculator : models) as RecordedExamples
      expect(own[exampleKey(e)], exampleKey(e)).toBeDefined()
      expect(other[exampleKey(e)], exampleKey(e)).toBeUndefined()
    }
    expect(Object.keys(models).sort()).toEqual(
      ['get /v1/models', 'get /v1/models/{id}', 'post /v1/compare', 'post /v1/models/{id}/probe'].sort(),
    )
  })

  it('every computing operation of the document has a request and a response example', async () => {
    const doc = (await (await SELF.fetch(`${BASE}/openapi.json`)).json()) as Record<string, any>
    const missing: string[] = []
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<Record<string, any>>(item)) {
        // JSON operations only (the pages are HTML or text); the upload probe takes a multipart ONNX file.
        if (!op.responses['200']?.content?.['application/json'] || path === '/openapi.json' || path === '/v1/probe')
          continue
        const response = op.responses['200']?.content?.['application/json']?.example
        if (response === undefined) missing.push(`${method} ${path}: response`)
        const hasInput = op.requestBody || (op.parameters ?? []).length > 0
        const request =
          op.requestBody?.content?.['application/json']?.example ??
          ((op.parameters ?? []).some((p: { example?: unknown }) => p.example !== undefined) ? true : undefined)
        if (hasInput && request === undefined) missing.push(`${method} ${path}: request`)
      }
    }
    expect(missing).toEqual([])
  })

  for (const e of EXAMPLE_REQUESTS) {
    it(`${exampleKey(e)}: the Worker answers the recorded example`, async () => {
      const res = await SELF.fetch(`${BASE}${exampleUrl(e)}`, {
        method: e.method.toUpperCase(),
        ...(e.body === undefined ? {} : { headers: exampleHeaders(e), body: JSON.stringify(e.body) }),
      })
      const text = await res.text()
      expect(res.status, text).toBe(200)
      expect(JSON.parse(text), 'run `npm run docs:examples` if the answer changed on purpose').toEqual(
        answers[exampleKey(e)].response,
      )
    })
  }
})
