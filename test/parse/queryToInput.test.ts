/** GET forms: dotted query keys → a request body, coerced by the schema (docs/api.md#get-forms). */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { nestQuery, queryToInput } from '../../src/parse/queryToInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { StablePointsRequest } from '../../src/schemas/stable.ts'
import { TailIndexRequest } from '../../src/schemas/tailIndex.ts'

const q = (s: string) => new URLSearchParams(s)

describe('queryToInput', () => {
  it('turns the docs/api.md example into the POST body', () => {
    const { value, issues } = queryToInput(
      q('basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'),
      EscapeTimeRequest,
    )
    expect(issues).toEqual([])
    expect(value).toEqual({
      basin: { kind: 'interval', left: 1, right: 2 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(v.is(EscapeTimeRequest, value)).toBe(true)
  })

  it('reads arrays as comma-separated lists and unions by their shape', () => {
    const { value } = queryToInput(
      q(
        'basin.kind=quadratic&basin.curvatures=1,2.5,1e-3&basin.height=0.5&noise.scale=1,2,3&optimizers.adam.alpha=1.6&optimizers.adam.lr=0.001&optimizers.adam.preconditioner=auto',
      ),
      EscapeTimeRequest,
    )
    expect(value).toEqual({
      basin: { kind: 'quadratic', curvatures: [1, 2.5, 0.001], height: 0.5 },
      noise: { scale: [1, 2, 3] },
      optimizers: { adam: { alpha: 1.6, lr: 0.001, preconditioner: 'auto' } },
    })
    const pre = queryToInput(q('optimizers.adam.preconditioner=2'), EscapeTimeRequest).value as {
      optimizers: { adam: { preconditioner: unknown } }
    }
    expect(pre.optimizers.adam.preconditioner).toEqual([2])
  })

  it('reads a full Hessian as ;-separated rows (the variant option that validates is chosen)', () => {
    const { value } = queryToInput(
      q('basin.kind=quadratic&basin.hessian=2,0.5;0.5,1&basin.height=1'),
      EscapeTimeRequest,
    )
    expect((value as { basin: unknown }).basin).toEqual({
      kind: 'quadratic',
      hessian: [
        [2, 0.5],
        [0.5, 1],
      ],
      height: 1,
    })
  })

  it('coerces booleans and leaves what does not coerce as strings for validation to report', () => {
    const { value } = queryToInput(q('samples=1,2,x&standardize=true&center=no&confidence=NaN'), TailIndexRequest)
    expect(value).toEqual({ samples: [1, 2, 'x'], standardize: true, center: 'no', confidence: 'NaN' })
    const hex = queryToInput(q('alpha=0x10&x=1'), StablePointsRequest).value
    expect(hex).toEqual({ alpha: '0x10', x: [1] })
    const inf = queryToInput(q('alpha=Infinity&x='), StablePointsRequest).value
    expect(inf).toEqual({ alpha: 'Infinity', x: [] })
  })

  it('reports repeated keys, empty or forbidden segments and leaf/object clashes', () => {
    expect(nestQuery(q('a=1&a=2')).issues[0].path).toBe('a')
    expect(nestQuery(q('a..b=1')).issues[0].message).toMatch(/dotted key/)
    expect(nestQuery(q('__proto__.x=1')).issues[0].message).toMatch(/dotted key/)
    expect(nestQuery(q('a=1&a.b=2')).issues[0].path).toBe('a.b')
    expect(nestQuery(q('a.b=2&a=1')).issues[0].path).toBe('a')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
