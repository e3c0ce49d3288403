import { toJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { EscapeTimeRequest, EscapeTimeResponse } from '../../src/schemas/escapeTime.ts'

const paths = (r: v.SafeParseResult<typeof EscapeTimeRequest>) =>
  r.success ? [] : r.issues.map((i) => v.getDotPath(i))

describe('EscapeTimeRequest', () => {
  it('accepts the docs/api.md examples and applies the defaults', () => {
    const r = v.safeParse(EscapeTimeRequest, {
      basin: { kind: 'interval', left: 1, right: 2 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(r.success).toBe(true)
    if (!r.success) return
    expect(r.output.normalization).toBe('stable')
    expect(r.output.noise.model).toBe('axis')
    const q = v.safeParse(EscapeTimeRequest, {
      basin: {
        kind: 'quadratic',
        hessian: [
          [2, 1],
          [1, 3],
        ],
        height: 0.5,
      },
      noise: { scale: [1, 2], model: 'isotropic' },
      normalization: 'unit',
      optimizers: { adam: { alpha: 1.8, lr: 0.001 } },
    })
    expect(q.success).toBe(true)
    if (!q.success) return
    expect(q.output.optimizers.adam?.preconditioner).toBe('auto')
    expect('hessian' in q.output.basin).toBe(true)
    const c = v.safeParse(EscapeTimeRequest, {
      basin: { kind: 'quadratic', curvatures: [10, 1], height: 0.5 },
      noise: { scale: [1, 0.5] },
      optimizers: { adam: { alpha: 1.5, lr: 0.01, preconditioner: [1.4, 0.45] } },
    })
    expect(c.success).toBe(true)
  })

  it('rejects out-of-range values with the dotted path of the field', () => {
    const r = v.safeParse(EscapeTimeRequest, {
      basin: { kind: 'interval', left: 0, right: 2 },
      noise: { scale: -1 },
      optimizers: { sgd: { alpha: 2, lr: 1 }, adam: { alpha: 1, lr: 0.5 } },
    })
    expect(r.success).toBe(false)
    const p = paths(r)
    for (const want of ['basin.left', 'optimizers.sgd.alpha', 'optimizers.sgd.lr', 'optimizers.adam.alpha']) {
      expect(p).toContain(want)
    }
    expect(p.some((x) => x?.startsWith('noise.scale'))).toBe(true)
    const k = v.safeParse(EscapeTimeRequest, {
      basin: { kind: 'cube', side: 1 },
      noise: { scale: 1 },
      optimizers: {},
    })
    expect(paths(k)).toContain('basin.kind')
  })

  it('converts to JSON Schema without errors, with exclusive bounds for α and η', () => {
    const s = toJsonSchema(EscapeTimeRequest, { errorMode: 'throw' }) as any
    const sgd = s.properties.optimizers.properties.sgd
    expect(sgd.properties.alpha).toMatchObject({ type: 'number', exclusiveMinimum: 1, exclusiveMaximum: 2 })
    expect(sgd.properties.lr).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 1 })
    expect(s.properties.normalization.default).toBe('stable')
    expect(() => toJsonSchema(EscapeTimeResponse, { errorMode: 'throw' })).not.toThrow()
  })
})
