/**
 * The fuzz of test/api/fuzz.test.ts, smaller, inside workerd: the Worker's own fetch handler (workers/index.ts)
 * with the bindings of wrangler.toml, 500 bodies and, for GET endpoints, 500 query strings per endpoint. Same
 * property: never a 5xx; a 200 passes the response schema with finite numbers only, anything else is a 4xx
 * problem body. (The handler is called directly rather than through SELF.fetch: in pool-workers 0.15.1 each
 * SELF.fetch in a long loop gets slower — 3 ms per request after a few hundred, against 0.1 ms for the handler.)
 */
import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import worker from '../../workers/index.ts'
import { ENDPOINTS } from '../api/fuzzEndpoints.ts'
import { checkAnswer, fromSchema, hostile, hostileQuery, mutate, toQuery } from '../api/fuzzKit.ts'

const call = (url: string, init?: RequestInit) => worker.fetch(new Request(url, init), env)

const BASE = 'https://levy-escape.test'
const RUNS = 500

describe('fuzz inside workerd', () => {
  for (const ep of ENDPOINTS) {
    it(`${ep.path}: ${RUNS} bodies${ep.get ? ` and ${RUNS} query strings` : ''}`, async () => {
      const valid = ep.valid ?? fromSchema(ep.request)
      const body = fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 4, arbitrary: mutate(valid) },
        { weight: 1, arbitrary: hostile },
      )
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await call(`${BASE}${ep.path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(b) ?? 'null',
          })
          await checkAnswer(res, ep.response)
        }),
        { numRuns: RUNS, seed: 30301, endOnFailure: true },
      )
      if (!ep.get) return
      const query = fc.oneof(
        { weight: 4, arbitrary: valid.map(toQuery) },
        { weight: 3, arbitrary: mutate(valid).map(toQuery) },
        { weight: 2, arbitrary: hostileQuery },
      )
      await fc.assert(
        fc.asyncProperty(query, async (qs) => {
          await checkAnswer(await call(`${BASE}${ep.path}?${qs}`), ep.response)
        }),
        { numRuns: RUNS, seed: 30302, endOnFailure: true },
      )
    })
  }
})
