import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { CompareRequest } from '../../src/schemas/probe.ts'

describe('CompareRequest', () => {
  it('takes exactly two model ids: one or three are refused at models, none dropped', () => {
    const two = v.safeParse(CompareRequest, { models: ['digits-mlp-sgd', 'digits-mlp-adam'] })
    expect(two.success && two.output.models).toEqual(['digits-mlp-sgd', 'digits-mlp-adam'])
    for (const models of [['digits-mlp-sgd'], ['digits-mlp-sgd', 'digits-mlp-adam', 'fashion-mlp-sgd']]) {
      const r = v.safeParse(CompareRequest, { models })
      expect(r.success).toBe(false)
      if (r.success) continue
      expect(v.getDotPath(r.issues[0])).toMatch(/^models(\.\d+)?$/)
    }
  })
})
