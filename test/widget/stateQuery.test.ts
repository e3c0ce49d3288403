import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { ATTRIBUTE_KEYS } from '../../src/widget/attributeKeys.ts'
import { embedSnippet } from '../../src/widget/embedSnippet.ts'
import { mergeStateQuery } from '../../src/widget/mergeStateQuery.ts'
import { defaultState, WATCH_SPEEDS, type WidgetState } from '../../src/widget/state.ts'
import { stateFromAttributes } from '../../src/widget/stateFromAttributes.ts'
import { stateFromQuery } from '../../src/widget/stateFromQuery.ts'
import { stateToQuery } from '../../src/widget/stateToQuery.ts'
import { toRequest } from '../../src/widget/toRequest.ts'

const alpha = fc.double({ min: 1.01, max: 1.99, noNaN: true })
const lr = fc.double({ min: 1e-6, max: 0.9, noNaN: true })
const pos = fc.double({ min: 1e-3, max: 1e3, noNaN: true })

/** Random valid widget states: interval or quadratic (d = 1..6), any model, normalisation, preconditioner. */
const stateArb: fc.Arbitrary<WidgetState> = fc
  .record({
    interval: fc.boolean(),
    d: fc.integer({ min: 1, max: 6 }),
    left: pos,
    right: pos,
    height: pos,
    curv: fc.array(pos, { minLength: 6, maxLength: 6 }),
    sig: fc.array(pos, { minLength: 6, maxLength: 6 }),
    q: fc.array(pos, { minLength: 6, maxLength: 6 }),
    scalar: fc.boolean(),
    auto: fc.boolean(),
    iso: fc.boolean(),
    unit: fc.boolean(),
    aS: alpha,
    aA: alpha,
    lS: lr,
    lA: lr,
    open: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    speed: fc.constantFrom(...WATCH_SPEEDS),
  })
  .map((r) => {
    const d = r.interval ? 1 : r.d
    return {
      basin: r.interval ? 'interval' : 'quadratic',
      left: r.interval ? r.left : defaultState.left,
      right: r.interval ? r.right : defaultState.right,
      curvatures: r.interval ? [...defaultState.curvatures] : r.curv.slice(0, d),
      height: r.interval ? defaultState.height : r.height,
      noiseScale: r.scalar ? [r.sig[0]] : r.sig.slice(0, d),
      noiseModel: r.iso ? 'isotropic' : 'axis',
      normalization: r.unit ? 'unit' : 'stable',
      sgd: { alpha: r.aS, lr: r.lS },
      adam: { alpha: r.aA, lr: r.lA, preconditioner: r.auto ? 'auto' : r.q.slice(0, d) },
      compareOpen: r.open,
      watchSeed: r.seed,
      watchSpeed: r.speed,
    } satisfies WidgetState
  })

describe('state ⇄ URL query', () => {
  it('round-trips every valid state exactly (property test, 300 cases)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(stateFromQuery(stateToQuery(s), defaultState)).toEqual(s)
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('writes the API dotted GET keys of docs/api.md', () => {
    const q = stateToQuery({ ...defaultState, basin: 'interval', left: 1, right: 2, noiseScale: [1] })
    expect(q.get('basin.kind')).toBe('interval')
    expect(q.get('basin.left')).toBe('1')
    expect(q.get('basin.right')).toBe('2')
    expect(q.has('basin.curvatures')).toBe(false)
    expect(q.get('noise.scale')).toBe('1')
    expect(q.get('optimizers.sgd.alpha')).toBe('1.5')
    expect(q.get('optimizers.adam.lr')).toBe('0.001')
    expect(q.get('optimizers.adam.preconditioner')).toBe('auto')
    expect(stateToQuery(defaultState).get('basin.curvatures')).toBe('10,1')
  })

  it('keeps the base value for a missing or unreadable parameter', () => {
    const s = stateFromQuery(
      new URLSearchParams('optimizers.sgd.alpha=abc&basin.curvatures=1,x&noise.model=cube'),
      defaultState,
    )
    expect(s).toEqual(defaultState)
    const t = stateFromQuery(new URLSearchParams('optimizers.sgd.alpha=1.2&panel=compare'), defaultState)
    expect(t.sgd.alpha).toBe(1.2)
    expect(t.compareOpen).toBe(true)
    expect(t.adam).toEqual(defaultState.adam)
  })
})

describe('state → request', () => {
  it('every valid state gives a body that the API schema EscapeTimeRequest accepts', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const r = v.safeParse(EscapeTimeRequest, toRequest(s))
        expect(r.success, JSON.stringify(r.issues?.map((i) => i.message))).toBe(true)
      }),
      { numRuns: 300, seed: 11 },
    )
  })
  it('an out-of-range α is rejected by the same schema at the path the widget marks', () => {
    const r = v.safeParse(EscapeTimeRequest, toRequest({ ...defaultState, sgd: { alpha: 2.5, lr: 0.01 } }))
    expect(r.success).toBe(false)
    expect(r.issues?.map((i) => v.getDotPath(i))).toContain('optimizers.sgd.alpha')
  })
  it('overrides the learning rates for the sweep', () => {
    const b = toRequest(defaultState, { sgd: 0.3, adam: 0.2 })
    expect(b.optimizers.sgd.lr).toBe(0.3)
    expect(b.optimizers.adam.lr).toBe(0.2)
    expect(b.noise.scale).toEqual([1.58, 0.5])
  })
})

describe('attributes and the embed snippet', () => {
  it('the snippet written for a state reads back to that state (property test)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const html = embedSnippet(s, 'https://levy.example')
        const attrs = new Map<string, string>()
        for (const m of html.matchAll(/\s([a-z-]+)="([^"]*)"/g))
          attrs.set(m[1], m[2].replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
        expect(attrs.get('src')).toBe('https://levy.example/widget.js')
        const back = stateFromAttributes((n) => attrs.get(n) ?? null, defaultState)
        expect(back).toEqual({ ...s, compareOpen: false })
      }),
      { numRuns: 200, seed: 3 },
    )
  })
  it('every attribute stands for a key that stateToQuery writes', () => {
    const keys = new Set([
      ...stateToQuery({ ...defaultState, compareOpen: true, watchSeed: 5, watchSpeed: 100 }).keys(),
      'basin.left',
      'basin.right',
    ])
    for (const key of Object.values(ATTRIBUTE_KEYS)) expect(keys.has(key), key).toBe(true)
  })
})

describe('mergeStateQuery', () => {
  it("keeps the page's own parameters and replaces only the state keys", () => {
    const current = new URLSearchParams('theme=dark&optimizers.sgd.alpha=1.1&basin.left=9&ref=blog&panel=compare')
    const s = { ...defaultState, sgd: { alpha: 1.7, lr: 0.01 } }
    const q = mergeStateQuery(current, s)
    expect(q.get('theme')).toBe('dark')
    expect(q.get('ref')).toBe('blog')
    expect(q.getAll('optimizers.sgd.alpha')).toEqual(['1.7'])
    expect(q.has('basin.left')).toBe(false) // quadratic state: no interval keys
    expect(q.has('panel')).toBe(false)
    expect(stateFromQuery(q, defaultState)).toEqual(s)
    expect(q.toString().startsWith('theme=dark&ref=blog&basin.kind=quadratic')).toBe(true)
  })
})
