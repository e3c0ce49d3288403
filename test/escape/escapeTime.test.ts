import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { escapeTime as escapeTimeCore } from '../../src/escape/escapeTime.ts'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { createRng, normal } from '../../src/random/index.ts'
import { type EscapeTimeOutput, EscapeTimeRequest, EscapeTimeResponse } from '../../src/schemas/escapeTime.ts'
import { isotropicConstant, levyDensityConstant, sphereArea } from '../../src/stable/constants.ts'
import fixture from '../fixtures/escapeVectors.json' with { type: 'json' }
import { nonFinitePaths, numericLeaves } from '../helpers/numericLeaves.ts'

/** Parse + compute, as the HTTP routes do. */
const escapeTime = parseAndCompute(EscapeTimeRequest, escapeTimeCore)

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b)
const ok = (input: unknown): EscapeTimeOutput => {
  const r = escapeTime(input)
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value
}
/** |got − printed| within half a unit of the printed value's last significant digit. */
const printed = (got: number, value: number, digits: number) =>
  expect(Math.abs(got - value)).toBeLessThanOrEqual(
    0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1) * (1 + 1e-9),
  )

const T6H = { kind: 'quadratic', curvatures: [10, 1], height: 0.5 } as const
const T6S = [Math.sqrt(10) / 2, 0.5]
const LEADING = [
  'epsilon',
  'theta',
  'levyMass',
  'radonMeasure',
  'rate',
  'meanEscapeTime',
  'meanEscapeIterations',
] as const

describe('escapeTime: interval basin, T5 (docs/theory.md#validation)', () => {
  it('matches the full-precision oracle (closed forms + mpmath Nolan sf) to 1e-6 relative, both normalisations', () => {
    for (const row of fixture.t5) {
      for (const normalization of ['stable', 'unit'] as const) {
        const want = normalization === 'stable' ? row : row.unit
        const out = ok({
          basin: { kind: 'interval', left: row.left, right: row.right },
          noise: { scale: row.sigma },
          normalization,
          optimizers: { sgd: { alpha: row.alpha, lr: row.lr } },
        })
        expect(out.dimension).toBe(1)
        expect(out.normalization).toBe(normalization)
        expect(out.noiseModel).toBe('axis')
        for (const k of LEADING) expect(rel(out.sgd![k], want[k]), `${k} ${normalization}`).toBeLessThan(1e-6)
        expect(rel(out.sgd!.oneJumpIterations!, want.oneJumpIterations)).toBeLessThan(1e-6)
        const right = out.sgd!.exitProbabilities!.find((e) => e.direction === 'right')!.probability
        expect(rel(right, row.pRight)).toBeLessThan(1e-12)
      }
    }
  })

  it('reproduces the printed T5 columns to their printed precision', () => {
    const table = [
      // ν_L, m, ε, Θ, λ, E[Γ], K asym, K one-jump, P(right)
      [0.398946, 0.717638, 0.464159, 2.21314e-1, 1.588233e-1, 6.2963, 629.6, 628.8, 0.3033],
      [0.269995, 0.676777, 0.215443, 3.989423e-2, 2.699948e-2, 37.0377, 3703.8, 3698.9, 0.2612],
      [0.117923, 0.643587, 0.175753, 8.013369e-3, 5.157303e-3, 193.8998, 9695.0, 9667.9, 0.2231],
      [0.141047, 0.353553, 0.368403, 8.920621e-2, 3.153916e-2, 31.7066, 634.1, 630.1, 0.5],
      [1.128379, 2.828427, 0.215443, 3.989423e-2, 1.128379e-1, 8.8623, 886.2, 882.2, 0.5],
    ]
    const digits = [6, 6, 6, 7, 7, 5, 4, 4, 4]
    fixture.t5.forEach((row, i) => {
      const s = ok({
        basin: { kind: 'interval', left: row.left, right: row.right },
        noise: { scale: row.sigma },
        optimizers: { sgd: { alpha: row.alpha, lr: row.lr } },
      }).sgd!
      const got = [
        s.levyMass,
        s.radonMeasure,
        s.epsilon,
        s.theta,
        s.rate,
        s.meanEscapeTime,
        s.meanEscapeIterations,
        s.oneJumpIterations!,
        s.exitProbabilities![1].probability,
      ]
      got.forEach((g, j) => printed(g, table[i][j], j === 8 && table[i][j] === 0.5 ? 1 : digits[j]))
    })
  })

  it('one-jump value tends to the asymptotic η^(−α)/ν_L as η → 0', () => {
    const gaps = [1e-2, 1e-3, 1e-4, 1e-5].map((lr) => {
      const s = ok({
        basin: { kind: 'interval', left: 1, right: 2 },
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr } },
      }).sgd!
      return Math.abs(s.oneJumpIterations! / s.meanEscapeIterations - 1)
    })
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1] / 5)
    expect(gaps[3]).toBeLessThan(1e-6)
  })
})

describe('escapeTime: quadratic basins, T6, T6b, A = 3I (docs/theory.md#validation)', () => {
  it('T6: SGD and auto-preconditioned Adam, axis and isotropic, to 1e-6 relative', () => {
    for (const row of fixture.t6) {
      const out = ok({
        basin: T6H,
        noise: { scale: T6S, model: row.model },
        optimizers: { sgd: { alpha: row.alpha, lr: 0.01 }, adam: { alpha: row.alpha, lr: 0.01 } },
      })
      expect(out.noiseModel).toBe(row.model)
      expect(out.dimension).toBe(2)
      out.adam!.preconditioner.forEach((q, i) => expect(rel(q, row.q[i])).toBeLessThan(1e-12))
      expect(rel(out.sgd!.levyMass, row.nuSgd)).toBeLessThan(1e-6)
      expect(rel(out.adam!.levyMass, row.nuAdam)).toBeLessThan(1e-6)
      expect(rel(out.sgd!.meanEscapeIterations, row.kSgd)).toBeLessThan(1e-6)
      expect(rel(out.adam!.meanEscapeIterations, row.kAdam)).toBeLessThan(1e-6)
      expect(rel(out.comparison!.iterationRatio, row.ratio)).toBeLessThan(1e-6)
      // Same α and η: the whole ratio is geometry.
      expect(rel(out.comparison!.mechanisms.geometry, row.ratio)).toBeLessThan(1e-12)
      expect(out.comparison!.mechanisms.tailIndex).toBeCloseTo(1, 12)
      expect(out.comparison!.mechanisms.learningRate).toBe(1)
    }
    // Printed values (7 significant digits for ν, 4 for the ratio).
    const axis15 = ok({
      basin: T6H,
      noise: { scale: T6S },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.5, lr: 0.01 } },
    })
    printed(axis15.sgd!.levyMass, 4.601358, 7)
    printed(axis15.adam!.levyMass, 3.093847, 7)
    printed(axis15.comparison!.iterationRatio, 1.487, 4)
    const iso12 = ok({
      basin: T6H,
      noise: { scale: T6S, model: 'isotropic' },
      optimizers: { sgd: { alpha: 1.2, lr: 0.01 }, adam: { alpha: 1.2, lr: 0.01 } },
    })
    printed(iso12.sgd!.levyMass, 3.890555, 7)
    printed(iso12.adam!.levyMass, 2.655053, 7)
  })

  it('T6b: the three mechanisms, each row to 1e-6 relative, and the factors multiply to the ratio', () => {
    const rows = Object.fromEntries(fixture.t6b.map((r) => [r.case, r]))
    for (const r of fixture.t6b) {
      const opt =
        r.case === 'sgd'
          ? { sgd: { alpha: r.alpha, lr: r.lr } }
          : { adam: { alpha: r.alpha, lr: r.lr, preconditioner: r.preconditioner! } }
      const out = ok({ basin: T6H, noise: { scale: T6S }, optimizers: opt })
      const got = out.sgd ?? out.adam!
      for (const k of [
        'levyMass',
        'radonMeasure',
        'epsilon',
        'theta',
        'meanEscapeTime',
        'meanEscapeIterations',
      ] as const) {
        expect(rel(got[k], r[k]), `${r.case} ${k}`).toBeLessThan(1e-6)
      }
    }
    const q = rows['adam-lr'].preconditioner!
    const out = ok({
      basin: T6H,
      noise: { scale: T6S },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.8, lr: 0.001, preconditioner: q } },
    })
    const m = out.comparison!.mechanisms
    expect(rel(m.geometry, rows['adam-geometry'].meanEscapeIterations / rows.sgd.meanEscapeIterations)).toBeLessThan(
      1e-6,
    )
    expect(
      rel(m.tailIndex, rows['adam-tail'].meanEscapeIterations / rows['adam-geometry'].meanEscapeIterations),
    ).toBeLessThan(1e-6)
    expect(
      rel(m.learningRate, rows['adam-lr'].meanEscapeIterations / rows['adam-tail'].meanEscapeIterations),
    ).toBeLessThan(1e-6)
    expect(
      rel(out.comparison!.iterationRatio, rows['adam-lr'].meanEscapeIterations / rows.sgd.meanEscapeIterations),
    ).toBeLessThan(1e-6)
    printed(out.adam!.meanEscapeIterations, 126853.9, 7)
  })

  it('closed-form check A = 3I, h = 0.5 (axis and isotropic ν_L) to 1e-9', () => {
    for (const row of fixture.check3I) {
      for (const [model, want] of [
        ['axis', row.axis],
        ['isotropic', row.iso],
      ] as const) {
        const out = ok({
          basin: { kind: 'quadratic', curvatures: [3, 3], height: 0.5 },
          noise: { scale: 1, model },
          optimizers: { sgd: { alpha: row.alpha, lr: 0.01 } },
        })
        expect(rel(out.sgd!.levyMass, want)).toBeLessThan(1e-9)
        // The same basin written as a full Hessian goes through the eigen-solver.
        const full = ok({
          basin: {
            kind: 'quadratic',
            hessian: [
              [3, 0],
              [0, 3],
            ],
            height: 0.5,
          },
          noise: { scale: 1, model },
          optimizers: { sgd: { alpha: row.alpha, lr: 0.01 } },
        })
        expect(rel(full.sgd!.levyMass, want)).toBeLessThan(1e-9)
      }
    }
    printed(fixture.check3I[0].iso, 1.7890314902, 11)
  })

  it('full symmetric Hessians (d = 2, 3; axis and isotropic; stable and unit) against the scipy oracle', () => {
    expect(fixture.hessianCases.length).toBe(8)
    for (const c of fixture.hessianCases) {
      const out = ok(c.request)
      const e = c.expected as any
      for (const name of ['sgd', 'adam'] as const) {
        for (const k of LEADING)
          expect(rel(out[name]![k], e[name][k]), `${name}.${k} ${c.request.noise.model}`).toBeLessThan(1e-9)
        if (c.request.noise.model === 'axis') {
          out[name]!.exitProbabilities!.forEach((p, i) => {
            expect(p.direction).toBe(`axis-${i}`)
            expect(rel(p.probability, e[name].exitProbabilities[i])).toBeLessThan(1e-12)
          })
        } else expect(out[name]!.exitProbabilities).toBeUndefined()
      }
      out.adam!.preconditioner.forEach((q, i) => expect(rel(q, e.adam.preconditioner[i])).toBeLessThan(1e-12))
      const cmp = out.comparison!
      expect(rel(cmp.iterationRatio, e.comparison.iterationRatio)).toBeLessThan(1e-9)
      for (const k of ['geometry', 'tailIndex', 'learningRate'] as const)
        expect(rel(cmp.mechanisms[k], e.comparison[k])).toBeLessThan(1e-9)
    }
  })
})

describe('escapeTime: identities', () => {
  it('the three mechanism factors multiply to the iteration ratio (property test)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.01, max: 1.99, noNaN: true }),
        fc.double({ min: 1.01, max: 1.99, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('axis', 'isotropic'),
        fc.constantFrom('stable', 'unit'),
        (aS, aA, eS, eA, lam, model, normalization) => {
          const out = ok({
            basin: { kind: 'quadratic', curvatures: lam, height: 0.8 },
            noise: { scale: lam.map((x) => Math.sqrt(x)), model },
            normalization,
            optimizers: { sgd: { alpha: aS, lr: eS }, adam: { alpha: aA, lr: eA } },
          })
          const m = out.comparison!.mechanisms
          expect(rel(m.geometry * m.tailIndex * m.learningRate, out.comparison!.iterationRatio)).toBeLessThan(1e-12)
        },
      ),
      { numRuns: 200, seed: 7 },
    )
  })

  it('m(W) does not depend on the normalisation; ν_L, Θ scale with c and K with 1/c; λ = m Θ', () => {
    for (const model of ['axis', 'isotropic'] as const) {
      const base = { basin: T6H, noise: { scale: T6S, model }, optimizers: { sgd: { alpha: 1.37, lr: 0.003 } } }
      const s = ok({ ...base, normalization: 'stable' }).sgd!
      const u = ok({ ...base, normalization: 'unit' }).sgd!
      const c = levyDensityConstant(1.37)
      expect(rel(u.radonMeasure, s.radonMeasure)).toBeLessThan(1e-15)
      expect(rel(u.levyMass * c, s.levyMass)).toBeLessThan(1e-14)
      expect(rel(u.theta * c, s.theta)).toBeLessThan(1e-14)
      expect(rel(u.meanEscapeIterations, s.meanEscapeIterations * c)).toBeLessThan(1e-14)
      for (const r of [s, u]) {
        expect(rel(r.rate, r.radonMeasure * r.theta)).toBeLessThan(1e-14)
        expect(rel(r.meanEscapeTime, r.meanEscapeIterations * r.lr)).toBeLessThan(1e-14)
        expect(rel(r.epsilon ** r.alpha, r.lr ** (r.alpha - 1))).toBeLessThan(1e-14)
      }
    }
  })

  it('axis and isotropic agree in d = 1 and the isotropic mass is the smaller one in T6 (docs/theory.md#noise-models)', () => {
    const q1 = { kind: 'quadratic', curvatures: [2.5], height: 0.3 } as const
    const a = ok({ basin: q1, noise: { scale: 0.7, model: 'axis' }, optimizers: { sgd: { alpha: 1.6, lr: 0.02 } } })
      .sgd!
    const i = ok({
      basin: q1,
      noise: { scale: 0.7, model: 'isotropic' },
      optimizers: { sgd: { alpha: 1.6, lr: 0.02 } },
    }).sgd!
    expect(rel(i.levyMass, a.levyMass)).toBeLessThan(1e-13)
    // Same basin as an interval: half-width sqrt(2h/λ).
    const w = Math.sqrt((2 * 0.3) / 2.5)
    const iv = ok({
      basin: { kind: 'interval', left: w, right: w },
      noise: { scale: 0.7 },
      optimizers: { sgd: { alpha: 1.6, lr: 0.02 } },
    }).sgd!
    expect(rel(iv.levyMass, a.levyMass)).toBeLessThan(1e-13)
    for (const alpha of [1.2, 1.5, 1.8]) {
      const [ax, is] = ['axis', 'isotropic'].map(
        (model) => fixture.t6.find((r) => r.alpha === alpha && r.model === model)!,
      )
      expect(is.nuSgd).toBeLessThan(ax.nuSgd)
      const got = ['axis', 'isotropic'].map(
        (model) =>
          ok({ basin: T6H, noise: { scale: T6S, model }, optimizers: { sgd: { alpha, lr: 0.01 } } }).sgd!.levyMass,
      )
      expect(got[1]).toBeLessThan(got[0])
    }
  })

  it('α → 2: the isotropic Radon measure tends to tr(A)/(2h) (|S| tr(A)/d sphere identity), the axis one to Σ A_ii/(2h)', () => {
    const H = [
      [3, 1, 0],
      [1, 2, 0.5],
      [0, 0.5, 1],
    ]
    const sigma = [1, 0.5, 2]
    const A = H.map((row, i) => row.map((x, j) => sigma[i] * x * sigma[j]))
    const tr = A[0][0] + A[1][1] + A[2][2]
    for (const model of ['axis', 'isotropic'] as const) {
      const m = ok({
        basin: { kind: 'quadratic', hessian: H, height: 0.5 },
        noise: { scale: sigma, model },
        optimizers: { sgd: { alpha: 1.9999999, lr: 0.01 } },
      }).sgd!.radonMeasure
      // κ_{d,2} = √π Γ((d+2)/2)/(Γ(d/2)Γ(3/2)) = d, so m_iso(α=2) = d·tr(A)/(d·2h) = tr(A)/(2h) = m_axis(α=2).
      expect(rel(m, tr / (2 * 0.5))).toBeLessThan(1e-5)
    }
  })
})

describe('escapeTime: isotropic model with full Hessians against Monte-Carlo of the Lévy measure', () => {
  it('ν_L(W) = (C_{d,α}/α)|S^(d−1)| E_u[R(u)^(−α)], R(u) = sqrt(2h/uᵀAu), within 4 standard errors (d = 5, 12, 30)', () => {
    const rng = createRng(4242)
    for (const d of [5, 12, 30]) {
      // H = B Bᵀ + 0.1 I with a random B (dense, SPD); σ log-uniform in [0.1, 10].
      const b = Array.from({ length: d }, () => Array.from({ length: d }, () => normal(rng) / Math.sqrt(d)))
      const H = b.map((ri, i) => b.map((rj, j) => ri.reduce((s, x, k) => s + x * rj[k], 0) + (i === j ? 0.1 : 0)))
      for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i]
      const sigma = Array.from({ length: d }, () => Math.exp(Math.log(0.1) + rng.uniform() * Math.log(100)))
      const h = 0.7
      const alpha = 1.35
      const out = ok({
        basin: { kind: 'quadratic', hessian: H, height: h },
        noise: { scale: sigma, model: 'isotropic' },
        optimizers: { sgd: { alpha, lr: 0.01 } },
      })
      const n = 20000
      let s = 0
      let s2 = 0
      const u = new Float64Array(d)
      for (let k = 0; k < n; k++) {
        let norm = 0
        for (let i = 0; i < d; i++) {
          u[i] = normal(rng)
          norm += u[i] * u[i]
        }
        let q = 0
        for (let i = 0; i < d; i++) {
          let row = 0
          for (let j = 0; j < d; j++) row += H[i][j] * sigma[j] * u[j]
          q += sigma[i] * u[i] * row
        }
        const x = (q / norm / (2 * h)) ** (alpha / 2) // R(u)^(−α)
        s += x
        s2 += x * x
      }
      const k = (isotropicConstant(d, alpha) / alpha) * sphereArea(d)
      const mean = k * (s / n)
      const se = k * Math.sqrt((s2 / n - (s / n) ** 2) / n)
      expect(Math.abs(out.sgd!.levyMass - mean), `d=${d}`).toBeLessThan(4 * se)
      expect(se / mean).toBeLessThan(0.02)
    }
  })
})

describe('escapeTime: refusals and warnings', () => {
  const good = {
    basin: { kind: 'interval', left: 1, right: 2 },
    noise: { scale: 1 },
    optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
  }
  const paths = (input: unknown) => {
    const r = escapeTime(input)
    expect(r.ok).toBe(false)
    if (r.ok) return []
    expect(r.kind).toBe('invalid')
    return r.issues.map((i) => i.path)
  }

  it('names the dotted field path of every range problem', () => {
    expect(paths({ ...good, optimizers: { sgd: { alpha: 2, lr: 0.01 } } })).toContain('optimizers.sgd.alpha')
    expect(paths({ ...good, optimizers: { sgd: { alpha: 1, lr: 0.01 } } })).toContain('optimizers.sgd.alpha')
    expect(paths({ ...good, optimizers: { adam: { alpha: 1.5, lr: 1 } } })).toContain('optimizers.adam.lr')
    expect(paths({ ...good, optimizers: { sgd: { alpha: 1.5, lr: 0 } } })).toContain('optimizers.sgd.lr')
    expect(paths({ ...good, basin: { kind: 'interval', left: -1, right: 2 } })).toContain('basin.left')
    expect(paths({ ...good, basin: { kind: 'quadratic', curvatures: [1, 0], height: 1 } })).toContain(
      'basin.curvatures.1',
    )
    expect(paths({ ...good, basin: { kind: 'quadratic', curvatures: [1], height: 0 } })).toContain('basin.height')
    expect(paths({ ...good, noise: { scale: 0 } })).toContain('noise.scale')
    expect(paths({ ...good, optimizers: {} })).toEqual(['optimizers'])
    expect(paths({ ...good, basin: { kind: 'interval', left: Infinity, right: 2 } })).toEqual(['basin.left'])
    expect(paths({ ...good, basin: { kind: 'quadratic', curvatures: new Array(257).fill(1), height: 1 } })).toContain(
      'basin.curvatures',
    )
  })

  it('refuses wrong lengths, non-square, non-symmetric and non-positive-definite Hessians', () => {
    const q2 = { kind: 'quadratic', curvatures: [1, 2], height: 1 }
    expect(paths({ ...good, basin: q2, noise: { scale: [1, 2, 3] } })).toEqual(['noise.scale'])
    expect(paths({ ...good, basin: q2, optimizers: { adam: { alpha: 1.5, lr: 0.01, preconditioner: [1] } } })).toEqual([
      'optimizers.adam.preconditioner',
    ])
    expect(paths({ ...good, basin: { kind: 'quadratic', hessian: [[1, 0], [0]], height: 1 } })).toEqual([
      'basin.hessian.1',
    ])
    expect(
      paths({
        ...good,
        basin: {
          kind: 'quadratic',
          hessian: [
            [2, 1],
            [0.5, 2],
          ],
          height: 1,
        },
      }),
    ).toEqual(['basin.hessian.1.0'])
    expect(
      paths({
        ...good,
        basin: {
          kind: 'quadratic',
          hessian: [
            [1, 2],
            [2, 1],
          ],
          height: 1,
        },
      }),
    ).toEqual(['basin.hessian'])
    expect(paths({ ...good, basin: { kind: 'quadratic', hessian: [[-1]], height: 1 } })).toEqual(['basin.hessian'])
    // Isotropic model: the eigenvalues of GHG decide (indefinite, and semidefinite with an exact zero).
    for (const hessian of [
      [
        [1, 2],
        [2, 1],
      ],
      [
        [1, 1],
        [1, 1],
      ],
      [
        [2, 0, 0],
        [0, -0.1, 0],
        [0, 0, 1],
      ],
    ]) {
      expect(
        paths({ ...good, basin: { kind: 'quadratic', hessian, height: 1 }, noise: { scale: 1, model: 'isotropic' } }),
      ).toEqual(['basin.hessian'])
    }
    const big = Array.from({ length: 257 }, (_, i) => Array.from({ length: 257 }, (_, j) => (i === j ? 1 : 0)))
    expect(
      paths({ ...good, basin: { kind: 'quadratic', hessian: big, height: 1 } }).some((p) =>
        p.startsWith('basin.hessian'),
      ),
    ).toBe(true)
  })

  it('answers "unanswerable" instead of returning an infinite escape time', () => {
    const r = escapeTime({ ...good, basin: { kind: 'interval', left: 1e300, right: 1e300 }, noise: { scale: 1e-300 } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.kind).toBe('unanswerable')
    expect(r.detail).toMatch(/finite/)
  })

  it('warns when ε is not small, α is near 1 or 2, one step crosses the basin, the basin is narrow or the step unstable', () => {
    const small = ok({ ...good, optimizers: { sgd: { alpha: 1.8, lr: 1e-4 } } })
    expect(small.warnings).toEqual([])
    const eps = ok(good)
    expect(eps.warnings.length).toBe(1)
    expect(eps.warnings[0]).toMatchObject({ code: 'epsilon-not-small', optimizer: 'sgd', severity: 'caution' })
    expect(eps.warnings[0].message).toMatch(/^ε = .* 0\.215 is not small/)
    expect(
      ok({ ...good, optimizers: { sgd: { alpha: 1.05, lr: 1e-4 } } }).warnings.some((w) => w.code === 'alpha-near-one'),
    ).toBe(true)
    expect(
      ok({ ...good, optimizers: { sgd: { alpha: 1.95, lr: 1e-4 } } }).warnings.some((w) => w.code === 'alpha-near-two'),
    ).toBe(true)
    const cross = ok({ ...good, noise: { scale: 300 }, optimizers: { sgd: { alpha: 1.8, lr: 1e-3 } } })
    expect(cross.warnings.some((w) => w.code === 'one-step-escape')).toBe(true)
    // T5 last row geometry as a quadratic basin: half-width 0.5 with curvature 1, σ = 1, η = 0.01, α = 1.5.
    const narrow = ok({
      basin: { kind: 'quadratic', curvatures: [1], height: 0.125 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(narrow.warnings.some((w) => w.code === 'narrow-basin' && / axis 0;/.test(w.message))).toBe(true)
    const unstable = ok({
      basin: { kind: 'quadratic', curvatures: [1, 300], height: 1 },
      noise: { scale: 1e-3 },
      optimizers: { sgd: { alpha: 1.8, lr: 0.01 } },
    })
    expect(unstable.warnings.some((w) => w.code === 'unstable-iteration' && /axis 1:/.test(w.message))).toBe(true)
    // The Monte-Carlo options are gone: the isotropic mass is exact, so samples and seed are unknown fields.
    const seeded = escapeTime({ ...good, samples: 1000, seed: 3 })
    expect(seeded.ok).toBe(false)
    if (!seeded.ok)
      expect(seeded.issues).toEqual([{ path: 'samples', message: expect.stringMatching(/^is not a known field/) }])
  })

  it('responses validate against EscapeTimeResponse (interval, axis, isotropic, single optimizer)', () => {
    const reqs = [
      good,
      {
        basin: T6H,
        noise: { scale: T6S },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.8, lr: 0.001 } },
      },
      {
        basin: T6H,
        noise: { scale: T6S, model: 'isotropic' },
        optimizers: { adam: { alpha: 1.8, lr: 0.001, preconditioner: [1, 2] } },
      },
    ]
    for (const req of reqs) {
      const out = ok(req)
      const parsed = v.safeParse(EscapeTimeResponse, out)
      expect(parsed.success).toBe(true)
      expect(Object.keys(out).at(-1)).toBe('warnings')
    }
  })

  it('is deterministic and every output number is finite', () => {
    const req = {
      basin: {
        kind: 'quadratic',
        hessian: [
          [2, 0.3, 0],
          [0.3, 1, 0.1],
          [0, 0.1, 4],
        ],
        height: 0.2,
      },
      noise: { scale: [1, 2, 0.5], model: 'isotropic' },
      optimizers: { sgd: { alpha: 1.3, lr: 0.05 }, adam: { alpha: 1.6, lr: 0.001 } },
    }
    const out = ok(req)
    expect(ok(req)).toEqual(out)
    const leaves = numericLeaves(out)
    // the quadratic answer holds the dimension, both optimizers' figures, exit probabilities and the factors
    expect(leaves.numbers.length).toBeGreaterThan(20)
    expect(nonFinitePaths(out)).toEqual([])
    expect(leaves.other).toEqual([])
  })
})

// Behaviours that no earlier test pinned down (found by mutation testing, docs/mutation-testing.md); each expected
// value comes from a closed form evaluated here, not from the code under test.
describe('escapeTime: regimes, per-optimizer fields and messages', () => {
  const interval = { kind: 'interval', left: 1, right: 2 } as const

  it('a quadratic basin takes 1/K as the one-step probability: a one-step warning iff K < 100, "single-step" iff K ≤ 2', () => {
    // Axis model, d = 1, c = c_α: K = η^(−α)/ν_L with ν_L = (2c_α/α)(A/2h)^(α/2), A = σ²κ.
    const alpha = 1.5
    const lr = 0.01
    const K = (sigma: number) => {
      const nu = ((2 * levyDensityConstant(alpha)) / alpha) * ((sigma * sigma * 1) / (2 * 0.5)) ** (alpha / 2)
      return lr ** -alpha / nu
    }
    const at = (sigma: number) =>
      ok({
        basin: { kind: 'quadratic', curvatures: [1], height: 0.5 },
        noise: { scale: sigma },
        optimizers: { sgd: { alpha, lr } },
      }).sgd
    for (const [sigma, warned, regime] of [
      [0.01, false, 'asymptotic'],
      [30, true, 'asymptotic'],
      [300, true, 'single-step'],
    ] as const) {
      const k = K(sigma)
      expect(k > 100).toBe(!warned)
      const out = at(sigma)
      expect(rel(out?.meanEscapeIterations ?? NaN, k)).toBeLessThan(1e-12)
      expect(out?.regime).toBe(regime)
      const w = ok({
        basin: { kind: 'quadratic', curvatures: [1], height: 0.5 },
        noise: { scale: sigma },
        optimizers: { sgd: { alpha, lr } },
      }).warnings.map((x) => x.code)
      expect(w.includes('one-step-escape')).toBe(warned && regime === 'asymptotic')
      expect(w.includes('single-step')).toBe(regime === 'single-step')
    }
  })

  it('only Adam reports a preconditioner; an interval reports exits "left" and "right"', () => {
    const out = ok({ basin: interval, noise: { scale: 1 }, optimizers: { sgd: { alpha: 1.5, lr: 0.01 } } })
    expect(out.sgd && 'preconditioner' in out.sgd).toBe(false)
    expect(out.sgd?.exitProbabilities?.map((e) => e.direction)).toEqual(['left', 'right'])
    const both = ok({
      basin: T6H,
      noise: { scale: T6S },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.5, lr: 0.01, preconditioner: [2, 3] } },
    })
    expect(both.sgd && 'preconditioner' in both.sgd).toBe(false)
    expect(both.adam?.preconditioner).toEqual([2, 3])
  })

  it("Adam's stability check uses the preconditioned curvature κ_i = H_ii/q_i (η κ_i ≥ 2 is unstable)", () => {
    const req = (q: number[]) => ({
      basin: { kind: 'quadratic', curvatures: [1, 300], height: 1 },
      noise: { scale: 1e-3 },
      optimizers: { adam: { alpha: 1.8, lr: 0.01, preconditioner: q } },
    })
    const codes = (q: number[]) => ok(req(q)).warnings.map((w) => w.code)
    // η·300/100 = 0.03: stable; η·300/1 = 3: unstable along axis 1.
    expect(codes([1, 100])).not.toContain('unstable-iteration')
    expect(codes([1, 1])).toContain('unstable-iteration')
  })

  it('the narrow-basin check uses the half-width √(2h/H_ii) of each axis', () => {
    // κ = 100, η = 0.01: ηκ = 1, so the stationary scale of the iterate is exactly η·σ; half-width √(2·0.125/100) = 0.05.
    const codes = (sigma: number) =>
      ok({
        basin: { kind: 'quadratic', curvatures: [100], height: 0.125 },
        noise: { scale: sigma },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      }).warnings.map((w) => w.code)
    expect(4 * 0.01 * 1.5 > Math.sqrt(0.25 / 100)).toBe(true)
    expect(codes(1.5)).toContain('narrow-basin') // 4ησ = 0.06 > 0.05
    expect(4 * 0.01 * 1 < Math.sqrt(0.25 / 100)).toBe(true)
    expect(codes(1)).not.toContain('narrow-basin') // 4ησ = 0.04 < 0.05
  })

  it('accepts a Hessian asymmetric within 1e-10 of its largest entry, as its symmetric part', () => {
    const base = [
      [2000, 300],
      [300, 1000],
    ]
    const skewed = [
      [2000, 300 + 1e-8],
      [300 - 1e-8, 1000],
    ]
    const run = (hessian: number[][], model = 'axis') =>
      ok({
        basin: { kind: 'quadratic', hessian, height: 1 },
        noise: { scale: 1, model },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      }).sgd?.meanEscapeIterations ?? NaN
    // 2e-8 against the tolerance 1e-10·2000 = 2e-7: accepted, and the symmetric part is the base matrix (the
    // isotropic model reads the off-diagonal entries through the eigenvalues of GᵀHG).
    expect(rel(run(skewed), run(base))).toBeLessThan(1e-12)
    expect(rel(run(skewed, 'isotropic'), run(base, 'isotropic'))).toBeLessThan(1e-12)
    const far = escapeTime({
      basin: {
        kind: 'quadratic',
        hessian: [
          [2000, 300 + 1e-6],
          [300, 1000],
        ],
        height: 1,
      },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(far.ok).toBe(false)
    if (!far.ok)
      expect(far.issues).toEqual([
        {
          path: 'basin.hessian.1.0',
          message: 'H[1][0] = 300 differs from H[0][1] = 300.000001; the Hessian must be symmetric',
        },
      ])
  })

  it('says which test refused a Hessian: Cholesky under the axis model, the eigenvalues of GᵀHG under the isotropic one', () => {
    const indefinite = {
      kind: 'quadratic',
      hessian: [
        [1, 2],
        [2, 1],
      ],
      height: 1,
    }
    const message = (model: string) => {
      const r = escapeTime({
        basin: indefinite,
        noise: { scale: 1, model },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      })
      if (r.ok) throw new Error('accepted an indefinite Hessian')
      expect(r.detail).toBe('The basin is not valid.')
      return r.issues[0].message
    }
    expect(message('axis')).toMatch(/Cholesky factorisation fails/)
    expect(message('isotropic')).toMatch(/smallest eigenvalue of GᵀHG .*; the basin must be a strict minimum$/)
  })

  it('names at most 10 asymmetric entries, and a short Hessian row with its length', () => {
    // 6 × 6 with every one of the 15 lower entries off by 1 from its mirror
    const hessian = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => (i === j ? 10 : i > j ? 1 : 0)),
    )
    const r = escapeTime({
      basin: { kind: 'quadratic', hessian, height: 1 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.length).toBe(10)
    const short = escapeTime({
      basin: { kind: 'quadratic', hessian: [[1, 0], [0]], height: 1 },
      noise: { scale: 1 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(short.ok).toBe(false)
    if (!short.ok)
      expect(short.issues).toEqual([
        { path: 'basin.hessian.1', message: 'row 1 has 1 entries; a 2 × 2 Hessian needs 2' },
      ])
  })

  it('length problems name the field, its length and the dimension', () => {
    const r = escapeTime({
      basin: { kind: 'quadratic', curvatures: [1, 2], height: 1 },
      noise: { scale: [1, 2, 3] },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.5, lr: 0.01, preconditioner: [1] } },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.detail).toBe('The lengths do not match the dimension of the basin.')
    expect(r.issues).toEqual([
      { path: 'noise.scale', message: 'has 3 entries; the basin has dimension 2' },
      { path: 'optimizers.adam.preconditioner', message: 'has 1 entries; the basin has dimension 2' },
    ])
  })

  it('an unanswerable result names the first non-finite field of the answer', () => {
    const r = escapeTime({
      basin: { kind: 'interval', left: 1e300, right: 1e300 },
      noise: { scale: 1e-300 },
      optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.kind).toBe('unanswerable')
    expect(r.detail).toMatch(/Bring the basin size .* closer to each other/)
    expect(r.issues).toEqual([{ path: expect.stringMatching(/^sgd\./), message: 'would not be a finite number' }])
  })
})
