import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeTime as escapeTimeCore } from '../../src/escape/escapeTime.ts'
import { landscape as landscapeCore } from '../../src/escape/landscape.ts'
import { findNonFinite } from '../../src/parse/findNonFinite.ts'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { LandscapeRequest } from '../../src/schemas/landscape.ts'

/** Parse + compute, as the HTTP routes do. */
const landscape = parseAndCompute(LandscapeRequest, landscapeCore)

/** Parse + compute, as the HTTP routes do. */
const escapeTime = parseAndCompute(EscapeTimeRequest, escapeTimeCore)

/** The core is total: a Result for every input, and only finite numbers in a success. */
const check = (r: ReturnType<typeof escapeTime> | ReturnType<typeof landscape>) => {
  if (r.ok) expect(findNonFinite(r.value, 64)).toBeUndefined()
  else {
    expect(['invalid', 'unanswerable']).toContain(r.kind)
    expect(r.detail.length).toBeGreaterThan(0)
  }
}

const num = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
  fc.constantFrom(0, -1, 1, 1.5, 0.01, 1e-320, Number.MAX_VALUE),
)

describe('totality under random and hostile input', () => {
  it('escapeTime returns a Result with finite numbers for random well-typed and ill-typed requests', () => {
    const vec = fc.array(num, { minLength: 0, maxLength: 5 })
    const basin = fc.oneof(
      fc.record({ kind: fc.constant('interval'), left: num, right: num }),
      fc.record({ kind: fc.constant('quadratic'), curvatures: vec, height: num }),
      fc.record({ kind: fc.constant('quadratic'), hessian: fc.array(vec, { maxLength: 4 }), height: num }),
      fc.anything(),
    )
    const opt = fc.record({ alpha: num, lr: num }, { requiredKeys: [] })
    const req = fc.record(
      {
        basin,
        noise: fc.record(
          { scale: fc.oneof(num, vec), model: fc.constantFrom('axis', 'isotropic', 'other') },
          { requiredKeys: ['scale'] },
        ),
        normalization: fc.constantFrom('stable', 'unit', 'x'),
        optimizers: fc.record(
          {
            sgd: opt,
            adam: fc.record(
              { alpha: num, lr: num, preconditioner: fc.oneof(fc.constant('auto'), vec) },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        samples: fc.integer(),
        seed: fc.integer(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(req, fc.anything()), (input) => check(escapeTime(input))),
      { numRuns: 1500, seed: 11 },
    )
  })

  it('escapeTime on valid random quadratic basins always succeeds or answers unanswerable', () => {
    const pos = fc.double({ min: 1e-6, max: 1e6, noNaN: true })
    fc.assert(
      fc.property(
        fc.array(pos, { minLength: 1, maxLength: 12 }),
        pos,
        pos,
        fc.double({ min: 1.001, max: 1.999, noNaN: true }),
        fc.double({ min: 1e-8, max: 0.9, noNaN: true }),
        fc.constantFrom('axis', 'isotropic'),
        (lam, h, s, alpha, lr, model) => {
          const r = escapeTime({
            basin: { kind: 'quadratic', curvatures: lam, height: h },
            noise: { scale: s, model },
            optimizers: { sgd: { alpha, lr }, adam: { alpha, lr } },
          })
          check(r)
          if (!r.ok) expect(r.kind).toBe('unanswerable')
        },
      ),
      { numRuns: 300, seed: 12 },
    )
  })

  it('landscape returns a Result with finite numbers for random requests', () => {
    const sorted = fc
      .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 })
      .map((w) => [...new Set(w)].sort((a, b) => a - b))
    const req = sorted.chain((walls) =>
      fc.record({
        walls: fc.constant(walls),
        minima: fc.constant([
          walls[0] - 1,
          ...walls.slice(1).map((w, i) => (w + walls[i]) / 2),
          walls[walls.length - 1] + 1,
        ]),
        noise: fc.record({ scale: fc.oneof(num, fc.double({ min: 1e-3, max: 1e3, noNaN: true })) }),
        optimizers: fc.record({
          sgd: fc.record({
            alpha: fc.double({ min: 1.01, max: 1.99, noNaN: true }),
            lr: fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
          }),
        }),
      }),
    )
    fc.assert(
      fc.property(fc.oneof(req, fc.anything()), (input) => check(landscape(input))),
      { numRuns: 800, seed: 13 },
    )
  })
})
