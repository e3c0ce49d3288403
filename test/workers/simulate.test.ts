/**
 * /v1/simulate inside workerd. Oracle: a geometric law. With drift curvature κ = 1/η the SGD update
 * θ ← θ − ηκθ + ησζ forgets θ, so each step lands at ησζ and escapes with probability
 * p = P(|ησζ| ≥ 1) for the interval (−1, 1); for Cauchy noise (α = 1) p = 1 − (2/π) atan(1/(ησ)), and the
 * number of iterations is geometric with mean 1/p. Also: determinism, seed echo, 422 when no chain escapes.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
const postJson = (body: unknown) =>
  SELF.fetch(`${BASE}/v1/simulate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
type Out = {
  meanEscapeIterations: number
  standardError: number
  chains: number
  escaped: number
  censored: number
  seed: number
  exitProbabilities: { direction: string; probability: number }[]
}

describe('/v1/simulate', () => {
  it('matches the geometric mean 1/p when the drift resets each step (Cauchy, η = 0.1, κ = 10)', async () => {
    const res = await postJson({
      optimizer: 'sgd',
      alpha: 1,
      lr: 0.1,
      basin: { kind: 'interval', left: 1, right: 1, curvature: 10 },
      noise: { scale: 1 },
      chains: 2000,
      seed: 3,
    })
    expect(res.status).toBe(200)
    const b = (await res.json()) as Out
    const p = 1 - (2 / Math.PI) * Math.atan(10)
    expect(b.escaped).toBe(2000)
    expect(b.censored).toBe(0)
    expect(Math.abs(b.meanEscapeIterations - 1 / p)).toBeLessThan(4 * b.standardError)
    const right = b.exitProbabilities.find((e) => e.direction === 'right')!.probability
    expect(Math.abs(right - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 2000))
  })

  it('is deterministic: the same body gives the same bytes; the default seed is echoed', async () => {
    const body = {
      optimizer: 'adam',
      alpha: 1.5,
      lr: 0.05,
      basin: { kind: 'quadratic', curvatures: [1, 3], height: 0.5 },
      noise: { scale: [1, 2] },
      chains: 200,
    }
    const a = await (await postJson(body)).text()
    const b = await (await postJson(body)).text()
    expect(a).toBe(b)
    expect(JSON.parse(a).seed).toBe(1)
  })

  it('422 with advice when no chain escapes within the iteration limit', async () => {
    const res = await postJson({
      optimizer: 'sgd',
      alpha: 1.9,
      lr: 1e-4,
      basin: { kind: 'interval', left: 50, right: 50 },
      noise: { scale: 1 },
      chains: 10,
      maxIterations: 100,
    })
    expect(res.status).toBe(422)
    const b = (await res.json()) as { detail: string; type: string }
    expect(b.type).toBe('/docs#problem-unanswerable')
    expect(b.detail).toMatch(/multiply lr or noise\.scale by [0-9.e+]+, or shrink the basin/)
  })

  it('400 for chains over 10000 and an unknown optimizer', async () => {
    const r = (await (
      await postJson({
        optimizer: 'rmsprop',
        alpha: 1.5,
        lr: 0.1,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 1 },
        chains: 10001,
      })
    ).json()) as { errors: { path: string }[] }
    expect(r.errors.map((e) => e.path).sort()).toEqual(['chains', 'optimizer'])
  })
})
