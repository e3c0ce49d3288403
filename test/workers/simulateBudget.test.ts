/**
 * /v1/simulate inside workerd: no request spends more than its pilot's work to end in a 422. A matrix of expensive
 * requests (α = 2 and α ≤ 1 with no theory value, α near 1, a tiny learning rate, the largest chains × maxIterations,
 * high dimension with isotropic noise or a full Hessian) must each be answered 422 having done at most the pilot's
 * work (10⁶ noise draws, 2·10⁷ Hessian multiply-adds), counted in the problem's `work` (deterministic counts, no
 * clock). Legitimate requests near the work cap must still be answered 200 with the numbers they had before the
 * pilot existed (recorded from the previous release's Worker on the same requests).
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { SIMULATE_REFUSALS } from '../../scripts/bench/simulateRefusalCases.ts'
import { PILOT_HESSIAN_MULTIPLY_ADDS, PILOT_NOISE_DRAWS } from '../../src/simulate/simulate.ts'

const BASE = 'https://levy-escape.test'
const postJson = (body: unknown) =>
  SELF.fetch(`${BASE}/v1/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

interface Problem {
  status: number
  detail: string
  errors: { path: string; message: string }[]
  work: Record<string, number>
}

describe('/v1/simulate: every expensive refusal within the pilot', () => {
  for (const [name, body, when] of SIMULATE_REFUSALS) {
    it(`${name}: 422 ${when === 'before' ? 'before any work' : 'after at most the pilot'}, work counted`, async () => {
      const res = await postJson(body)
      expect(res.status).toBe(422)
      const p = (await res.json()) as Problem
      expect(p.work.noiseDraws).toBeLessThanOrEqual(PILOT_NOISE_DRAWS)
      expect(p.work.hessianMultiplyAdds).toBeLessThanOrEqual(PILOT_HESSIAN_MULTIPLY_ADDS)
      expect(p.work.requestedIterations).toBeGreaterThan(p.work.pilotIterations)
      expect(p.errors.map((e) => e.path)).toContain('lr')
      if (when === 'before') {
        expect(p.work.iterations).toBe(0)
        expect(p.detail).toMatch(/^Refused before running: the leading-order theory predicts about/)
      } else {
        // stopped exactly at the pilot's length
        expect(p.work.iterations).toBe(p.work.pilotIterations)
        expect(p.detail).toMatch(/^Stopped after the pilot: no chain left the basin/)
      }
    })
  }
})

describe('/v1/simulate: legitimate requests near the work cap are answered as before', () => {
  // Recorded from the Worker before the pilot existed, same bodies: the pilot is the first part of the same run, so
  // a run with an escape in it goes on to the same numbers.
  const CASES: [string, Record<string, unknown>, Record<string, number>, number[]][] = [
    [
      'interval α = 1.5, 10⁴ chains, 54 % censored (1.5·10⁷ draws)',
      {
        optimizer: 'sgd',
        alpha: 1.5,
        lr: 0.01,
        basin: { kind: 'interval', left: 1, right: 2 },
        noise: { scale: 1 },
        chains: 10000,
        seed: 5,
      },
      {
        meanEscapeIterations: 3270.505995203837,
        standardError: 48.28926326107055,
        escaped: 4587,
        censored: 5413,
        iterationCap: 2000,
        noiseDraws: 15001811,
      },
      [3473, 1114],
    ],
    [
      'interval α = 2 (no theory), 76 escapes in 1.96·10⁷ draws',
      {
        optimizer: 'sgd',
        alpha: 2,
        lr: 0.05,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 1 },
        chains: 2000,
        maxIterations: 10000,
        seed: 2,
      },
      {
        meanEscapeIterations: 258183.26315789475,
        standardError: 29615.651395232395,
        escaped: 76,
        censored: 1924,
        iterationCap: 10000,
        noiseDraws: 19621928,
      },
      [40, 36],
    ],
    [
      'interval α = 1.9, 100 chains × 2·10⁵ iterations, 56 escapes',
      {
        optimizer: 'sgd',
        alpha: 1.9,
        lr: 0.01,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 0.5 },
        chains: 100,
        maxIterations: 200000,
        seed: 6,
      },
      {
        meanEscapeIterations: 246887.0357142857,
        standardError: 32991.66788853853,
        escaped: 56,
        censored: 44,
        iterationCap: 200000,
        noiseDraws: 13825674,
      },
      [27, 29],
    ],
    [
      'Adam, isotropic d = 3, α = 1.2',
      {
        optimizer: 'adam',
        alpha: 1.2,
        lr: 0.01,
        basin: { kind: 'quadratic', curvatures: [10, 1, 0.3], height: 0.5 },
        noise: { scale: [1.58, 0.5, 0.3], model: 'isotropic' },
        chains: 5000,
        maxIterations: 2000,
        seed: 3,
      },
      {
        meanEscapeIterations: 103.9314,
        standardError: 1.4698119543642307,
        escaped: 5000,
        censored: 0,
        iterationCap: 1000,
        noiseDraws: 2078628,
      },
      [4507, 410, 83],
    ],
  ]
  for (const [name, body, expected, counts] of CASES) {
    it(name, async () => {
      const res = await postJson(body)
      expect(res.status).toBe(200)
      const out = (await res.json()) as Record<string, number> & { exitProbabilities: { count: number }[] }
      for (const [k, v] of Object.entries(expected)) expect(out[k], k).toBe(v)
      expect(out.exitProbabilities.map((e) => e.count)).toEqual(counts)
    })
  }
})
