/**
 * The free-plan entry (workers/lite.ts) inside workerd: every calculator endpoint, no model routes, and the
 * simulator's lowered work cap (50,000 noise draws) applied and reported.
 */
import { describe, expect, it } from 'vitest'
import lite, {
  LITE_BODY_LIMIT,
  LITE_MAX_HESSIAN_DIMENSION,
  LITE_MAX_SAMPLE_DRAWS,
  LITE_SIMULATE_LIMITS,
} from '../../workers/lite.ts'

const BASE = 'https://levy-escape.test'
const env = { CORS_ORIGINS: '*' }
const post = (path: string, body: unknown) =>
  lite.fetch(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    env,
  )

describe('lite entry', () => {
  it('serves the calculator and has no model routes', async () => {
    expect(
      (
        await lite.fetch(
          new Request(
            `${BASE}/v1/escape-time?basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`,
          ),
          env,
        )
      ).status,
    ).toBe(200)
    expect((await post('/v1/stable/sample', { alpha: 1.5, n: 3 })).status).toBe(200)
    expect((await lite.fetch(new Request(`${BASE}/v1/models`), env)).status).toBe(404)
    const doc = (await (await lite.fetch(new Request(`${BASE}/openapi.json`), env)).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/v1/models'))).toBe(false)
  })

  it('caps the simulator work at 50,000 noise draws and says so', async () => {
    const res = await post('/v1/simulate', {
      optimizer: 'sgd',
      alpha: 1.5,
      lr: 0.1,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 1 },
    })
    expect(res.status).toBe(200)
    const b = (await res.json()) as {
      noiseDraws: number
      iterationCap: number
      chains: number
      warnings: { message: string }[]
    }
    expect(b.noiseDraws).toBeLessThanOrEqual(LITE_SIMULATE_LIMITS.maxNoiseDraws)
    expect(b.iterationCap).toBe(Math.floor(LITE_SIMULATE_LIMITS.maxNoiseDraws / b.chains))
    expect(b.warnings.map((w) => w.message).join(' ')).toMatch(/cap/)
  })

  it('limits JSON bodies to 256 KiB (413) and samples to 20,000 draws (422)', async () => {
    const big = await post('/v1/tail-index', { samples: new Array(LITE_BODY_LIMIT / 2).fill(0) })
    expect(big.status).toBe(413)
    expect(((await big.json()) as { detail: string }).detail).toContain('256 KiB')
    const many = await post('/v1/stable/sample', { alpha: 1.5, n: LITE_MAX_SAMPLE_DRAWS + 1 })
    expect(many.status).toBe(422)
    expect(((await many.json()) as { errors: { path: string }[] }).errors[0].path).toBe('n')
    expect((await post('/v1/stable/sample', { alpha: 1.5, n: LITE_MAX_SAMPLE_DRAWS })).status).toBe(200)
  })

  it('takes a full Hessian only up to d = 128 (422 above, with advice), diagonal curvatures up to 256', async () => {
    const eye = (d: number) =>
      Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)))
    const body = (basin: unknown) => ({ basin, noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } })
    expect(
      (await post('/v1/escape-time', body({ kind: 'quadratic', hessian: eye(LITE_MAX_HESSIAN_DIMENSION), height: 1 })))
        .status,
    ).toBe(200)
    const over = await post(
      '/v1/escape-time',
      body({ kind: 'quadratic', hessian: eye(LITE_MAX_HESSIAN_DIMENSION + 1), height: 1 }),
    )
    expect(over.status).toBe(422)
    expect(((await over.json()) as { detail: string }).detail).toContain('curvatures')
    expect(
      (await post('/v1/escape-time', body({ kind: 'quadratic', curvatures: new Array(256).fill(1), height: 1 })))
        .status,
    ).toBe(200)
  })
})
