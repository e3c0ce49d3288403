/**
 * Property-based fuzzing of every compute endpoint through `app.request()` in Node (hono runs there; a
 * smaller fuzz runs inside workerd in test/workers/fuzz.test.ts). For each endpoint, 2,000 generated JSON
 * bodies (valid, mutated with hostile fields, hostile whole bodies, non-JSON text) and, for GET endpoints,
 * 2,000 query strings. Property: never a 5xx; a 200 passes the response schema with finite numbers only,
 * anything else is a problem body with a 4xx status. The mix of answers is checked so that a broken
 * endpoint that refuses everything fails the test.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { app } from '../../workers/app.ts'
import { ENDPOINTS } from './fuzzEndpoints.ts'
import { checkAnswer, fromSchema, hostile, hostileQuery, mutate, toQuery } from './fuzzKit.ts'

const RUNS = 2000

for (const ep of ENDPOINTS) {
  describe(`fuzz ${ep.path}`, () => {
    const valid = ep.valid ?? fromSchema(ep.request)
    it(`${RUNS} bodies: never a 5xx, a schema-valid 200 or a problem`, async () => {
      const statuses = new Map<number, number>()
      const body = fc.oneof(
        { weight: 5, arbitrary: valid.map((b) => ({ text: JSON.stringify(b), type: 'application/json' })) },
        {
          weight: 4,
          arbitrary: mutate(valid).map((b) => ({ text: JSON.stringify(b) ?? 'null', type: 'application/json' })),
        },
        { weight: 1, arbitrary: hostile.map((b) => ({ text: JSON.stringify(b) ?? '', type: 'application/json' })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.string({ unit: 'grapheme', maxLength: 40 }),
              fc.constantFrom('application/json', 'text/plain', ''),
            )
            .map(([text, type]) => ({ text, type })),
        },
      )
      await fc.assert(
        fc.asyncProperty(body, async ({ text, type }) => {
          const res = await app.request(ep.path, {
            method: 'POST',
            headers: type ? { 'content-type': type } : {},
            body: text,
          })
          const s = await checkAnswer(res, ep.response)
          statuses.set(s, (statuses.get(s) ?? 0) + 1)
        }),
        { numRuns: RUNS, seed: 20201, endOnFailure: true },
      )
      expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(RUNS * ep.minOk)
      expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS * 0.2)
    })

    it(`${ep.get ? RUNS : 200} query strings: never a 5xx${ep.get ? '' : ', 405 without GET'}`, async () => {
      const statuses = new Map<number, number>()
      const query = fc.oneof(
        { weight: 5, arbitrary: valid.map(toQuery) },
        { weight: 3, arbitrary: mutate(valid).map(toQuery) },
        { weight: 2, arbitrary: hostileQuery },
      )
      await fc.assert(
        fc.asyncProperty(query, async (qs) => {
          const res = await app.request(`${ep.path}?${qs}`)
          if (!ep.get) expect(res.status).toBe(405)
          const s = await checkAnswer(res, ep.response)
          statuses.set(s, (statuses.get(s) ?? 0) + 1)
        }),
        { numRuns: ep.get ? RUNS : 200, seed: 20202, endOnFailure: true },
      )
      if (ep.get) expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(RUNS * ep.minOk * 0.5)
    })
  })
}

describe('GET form = POST body', () => {
  for (const ep of ENDPOINTS.filter((e) => e.get)) {
    it(`${ep.path}: a flattened valid body gets the same status and the same bytes by GET and by POST`, async () => {
      await fc.assert(
        fc.asyncProperty(ep.valid ?? fromSchema(ep.request), async (b) => {
          const viaGet = await app.request(`${ep.path}?${toQuery(b)}`)
          const viaPost = await app.request(ep.path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(b),
          })
          expect(viaGet.status).toBe(viaPost.status)
          if (viaGet.status === 200) expect(await viaGet.text()).toBe(await viaPost.text())
        }),
        { numRuns: 300, seed: 20203, endOnFailure: true },
      )
    })
  }
})
