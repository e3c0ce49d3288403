/**
 * Validation messages of the 400 problems, inside workerd (docs/api.md#errors: a bad field is named
 * with its dotted path and the fix). Oracle: the request's own bad value and the schema's constraint,
 * which every message must state in plain words, with the field's schema description when it has one.
 */
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'

const BASE = 'https://levy-escape.test'
type Problem = { status: number; detail: string; errors: { path: string; message: string }[] }

async function errorsOf(path: string, body: unknown): Promise<Problem['errors']> {
  const res = await SELF.fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(400)
  const problem = (await res.json()) as Problem
  for (const e of problem.errors) {
    expect(e.message).not.toMatch(/Invalid (type|value|key|length)|Expected|received/)
    expect(e.message.length).toBeLessThan(400)
  }
  return problem.errors
}

const valid = {
  basin: { kind: 'interval', left: 1, right: 2 },
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
}
const escapeErrors = (patch: Record<string, unknown>) => errorsOf('/v1/escape-time', { ...valid, ...patch })

describe('validation messages name the constraint, the received value and the field', () => {
  it('out of range: α above its open upper bound, and a negative wall distance', async () => {
    expect(await escapeErrors({ optimizers: { sgd: { alpha: 2.5, lr: 0.01 } } })).toEqual([
      {
        path: 'optimizers.sgd.alpha',
        message:
          'must be less than 2 (got 2.5): tail index α of the symmetric α-stable gradient noise, in the open interval (1, 2).',
      },
    ])
    expect(await escapeErrors({ basin: { kind: 'interval', left: -1, right: 2 } })).toEqual([
      {
        path: 'basin.left',
        message: 'must be greater than 0 (got -1): distance a > 0 from the minimum to the left wall.',
      },
    ])
    const [lr] = await escapeErrors({ optimizers: { sgd: { alpha: 1.5, lr: 0 } } })
    expect(lr).toEqual({
      path: 'optimizers.sgd.lr',
      message: 'must be greater than 0 (got 0): learning rate η in the open interval (0, 1).',
    })
  })

  it('wrong type: a string where a number is expected', async () => {
    const [e] = await errorsOf('/v1/stable/sample', { alpha: 1.5, n: 3, seed: '3' })
    expect(e).toEqual({
      path: 'seed',
      message: 'must be a number (got "3"): seed of the random generator (a non-negative integer).',
    })
  })

  it('unknown enum value: the accepted values are listed', async () => {
    const [e] = await escapeErrors({ noise: { scale: 1, model: 'gauss' } })
    expect(e.path).toBe('noise.model')
    expect(e.message).toMatch(/^must be one of "axis", "isotropic" \(got "gauss"\): multivariate noise model/)
    const [kind] = await escapeErrors({ basin: { kind: 'sphere', left: 1, right: 2 } })
    expect(kind).toEqual({ path: 'basin.kind', message: 'must be one of "interval", "quadratic" (got "sphere")' })
  })

  it('too-long array: the limit and the length received', async () => {
    const [e] = await escapeErrors({ basin: { kind: 'quadratic', curvatures: new Array(300).fill(1), height: 1 } })
    expect(e.path).toBe('basin.curvatures')
    expect(e.message).toMatch(
      /^must have at most 256 items \(got 300\): eigen-curvatures λ_i > 0 of a diagonal Hessian/,
    )
  })

  it("a bad array item takes its array's description", async () => {
    const [e] = await escapeErrors({ basin: { kind: 'quadratic', curvatures: [1, 0], height: 1 } })
    expect(e.path).toBe('basin.curvatures.1')
    expect(e.message).toMatch(/^must be greater than 0 \(got 0\): eigen-curvatures λ_i > 0/)
  })

  it('missing required field', async () => {
    expect(await escapeErrors({ basin: { kind: 'interval', right: 2 } })).toEqual([
      { path: 'basin.left', message: 'is required: distance a > 0 from the minimum to the left wall.' },
    ])
  })

  it('non-integer where an integer is expected', async () => {
    const simulate = { optimizer: 'sgd', alpha: 1.5, lr: 0.01, ...valid, optimizers: undefined }
    const [e] = await errorsOf('/v1/simulate', { ...simulate, chains: 2.5 })
    expect(e).toEqual({
      path: 'chains',
      message: 'must be a whole number (got 2.5): independent chains (default 1000).',
    })
  })

  it('a union refused by type is one message; a message written in the schema gets the received value', async () => {
    expect(await escapeErrors({ optimizers: { adam: { alpha: 1.5, lr: 0.1, preconditioner: 'manual' } } })).toEqual([
      {
        path: 'optimizers.adam.preconditioner',
        message: 'preconditioner must be "auto" or an array of positive numbers (one per coordinate) (got "manual")',
      },
    ])
    const errors = await errorsOf('/v1/stable/sample', { alpha: 1.5, n: 2.5 })
    expect(errors).toEqual([{ path: 'n', message: 'n must be an integer (got 2.5)' }])
  })

  it('a huge received string is shortened, never dumped', async () => {
    const [e] = await escapeErrors({ noise: { scale: 1, model: 'z'.repeat(5000) } })
    expect(e.message).toContain(`(got "${'z'.repeat(40)}…" (5000 characters))`)
    expect(e.message).not.toContain('z'.repeat(41))
  })

  it('the GET form gives the same messages with the same dotted paths', async () => {
    const res = await SELF.fetch(
      `${BASE}/v1/escape-time?basin.kind=interval&basin.left=-1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01`,
    )
    expect(res.status).toBe(400)
    const body = (await res.json()) as Problem
    expect(body.errors).toEqual([
      {
        path: 'basin.left',
        message: 'must be greater than 0 (got -1): distance a > 0 from the minimum to the left wall.',
      },
    ])
    expect(body.detail).toBe(
      'The request has an invalid field `basin.left`: must be greater than 0 (got -1): distance a > 0 from the minimum to the left wall.',
    )
  })
})
