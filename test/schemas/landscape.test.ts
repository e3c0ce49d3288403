import { toJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { LandscapeRequest, LandscapeResponse } from '../../src/schemas/landscape.ts'

describe('LandscapeRequest', () => {
  it('accepts a two-basin landscape and applies the default normalisation', () => {
    const r = v.safeParse(LandscapeRequest, {
      walls: [0],
      minima: [-1, 2],
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(r.success).toBe(true)
    if (r.success) expect(r.output.normalization).toBe('stable')
  })

  it('rejects a non-positive scale and an α outside (1, 2) with their paths', () => {
    const r = v.safeParse(LandscapeRequest, {
      walls: [0],
      minima: [-1, 2],
      noise: { scale: 0 },
      optimizers: { adam: { alpha: 2.5, lr: 0.01 } },
    })
    expect(r.success).toBe(false)
    if (r.success) return
    const p = r.issues.map((i) => v.getDotPath(i))
    expect(p).toEqual(expect.arrayContaining(['noise.scale', 'optimizers.adam.alpha']))
  })

  it('converts to JSON Schema without errors', () => {
    const s = toJsonSchema(LandscapeRequest, { errorMode: 'throw' }) as any
    expect(s.properties.walls.maxItems).toBe(63)
    expect(() => toJsonSchema(LandscapeResponse, { errorMode: 'throw' })).not.toThrow()
  })
})
