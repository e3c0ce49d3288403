/**
 * /v1/tail-index inside workerd. Oracle: simulation. 10^4 SαS draws at α = 1.5 (from /v1/stable/sample, a
 * fixed seed) must give an interval that covers 1.5 and a scale near 1; α = 2 Gaussian draws are not heavy
 * tailed. Shapes and caps are refused with dotted paths.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
const postJson = (path: string, body: unknown) =>
  SELF.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
type Out = {
  alpha: number
  interval: { lower: number; upper: number; confidence: number }
  heavyTailed: boolean
  scale: number
  method: string
  used: number
  warnings: string[]
}

const draws = async (alpha: number, n: number, seed: number) =>
  ((await (await postJson('/v1/stable/sample', { alpha, n, seed })).json()) as { samples: number[] }).samples

describe('/v1/tail-index', () => {
  it('recovers α = 1.5 from 10^4 SαS draws (interval covers it; scale ≈ 1)', async () => {
    const res = await postJson('/v1/tail-index', { samples: await draws(1.5, 10_000, 11) })
    expect(res.status).toBe(200)
    const b = (await res.json()) as Out
    expect(b.interval.lower).toBeLessThan(1.5)
    expect(b.interval.upper).toBeGreaterThan(1.5)
    expect(b.interval.confidence).toBe(0.95)
    expect(b.heavyTailed).toBe(true)
    expect(Math.abs(b.scale - 1)).toBeLessThan(0.1)
    expect(b.method).toBe('scalar')
    expect(b.used).toBe(10_000)
  })

  it('Gaussian draws (α = 2) are not called heavy-tailed', async () => {
    const b = (await (await postJson('/v1/tail-index', { samples: await draws(2, 10_000, 12) })).json()) as Out
    expect(b.heavyTailed).toBe(false)
    expect(b.interval.upper).toBeGreaterThanOrEqual(2)
  })

  it('pooled 2-D input, and refusals: ragged rows, over 250,000 numbers, blockSize < 2', async () => {
    const s = await draws(1.3, 4000, 13)
    const rows = Array.from({ length: 400 }, (_, i) => s.slice(10 * i, 10 * i + 10))
    const b = (await (await postJson('/v1/tail-index', { samples: rows })).json()) as Out
    expect(b.method).toBe('pooled')
    const ragged = (await (await postJson('/v1/tail-index', { samples: [[1, 2], [3]] })).json()) as {
      status: number
      errors: { path: string }[]
    }
    expect(ragged.status).toBe(400)
    expect(ragged.errors[0].path).toBe('samples')
    expect((await postJson('/v1/tail-index', { samples: new Array(250_001).fill(0) })).status).toBe(400)
    const bs = (await (await postJson('/v1/tail-index', { samples: s, blockSize: 1 })).json()) as {
      errors: { path: string }[]
    }
    expect(bs.errors[0].path).toBe('blockSize')
  })

  it('is POST only', async () => {
    expect((await SELF.fetch(`${BASE}/v1/tail-index?samples=1,2,3`)).status).toBe(405)
  })
})
