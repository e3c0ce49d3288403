/**
 * The free-plan entry (workers/lite.ts) inside workerd: every calculator endpoint, no model routes, and the
 * simulator's lowered work cap (50,000 noise draws) applied and reported.
 */
import { describe, expect, it } from 'vitest'
import lite, { LITE_SIMULATE_LIMITS } from '../../workers/lite.ts'

const BASE = 'https://levy-escape.test'
const env = { CORS_ORIGINS: '*' }
const post = (path: string, body: unknown) =>
  lite.fetch(new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), env)

describe('lite entry', () => {
  it('serves the calculator and has no model routes', async () => {
    expect((await lite.fetch(new Request(`${BASE}/v1/escape-time?basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`), env)).status).toBe(200)
    expect((await post('/v1/stable/sample', { alpha: 1.5, n: 3 })).status).toBe(200)
    expect((await lite.fetch(new Request(`${BASE}/v1/models`), env)).status).toBe(404)
    const doc = (await (await lite.fetch(new Request(`${BASE}/openapi.json`), env)).json()) as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/v1/models'))).toBe(false)
  })

  it('caps the simulator work at 50,000 noise draws and says so', async () => {
    const res = await post('/v1/simulate', { optimizer: 'sgd', alpha: 1.5, lr: 0.1, basin: { kind: 'interval', left: 1, right: 1 }, noise: { scale: 1 } })
    expect(res.status).toBe(200)
    const b = (await res.json()) as { noiseDraws: number; iterationCap: number; chains: number; warnings: string[] }
    expect(b.noiseDraws).toBeLessThanOrEqual(LITE_SIMULATE_LIMITS.maxNoiseDraws)
    expect(b.iterationCap).toBe(Math.floor(LITE_SIMULATE_LIMITS.maxNoiseDraws / b.chains))
    expect(b.warnings.join(' ')).toMatch(/cap/)
  })
})
