import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { normal } from '../../src/random/normal.ts'
import { createRng } from '../../src/random/rng.ts'
import type { Result } from '../../src/result.ts'
import { TailIndexRequest } from '../../src/schemas/tailIndex.ts'
import { medianConstant } from '../../src/stable/medianConstant.ts'
import { sample } from '../../src/stable/sample.ts'
import { estimateTailIndex as estimateTailIndexCore, type TailIndexOutput } from '../../src/tail/estimateTailIndex.ts'
import { pooledNoiseTailIndex } from '../../src/tail/pooledNoiseTailIndex.ts'
import { vectorLogMomentEstimate } from '../../src/tail/vectorLogMomentEstimate.ts'

/** Parse + compute, as the HTTP routes do. */
const estimateTailIndex = parseAndCompute(TailIndexRequest, estimateTailIndexCore)

const X = [0.3, -1.2, 2.5, 0.05, -0.7, 4.0, -0.01, 1.1, -3.3, 0.6, 0.2, -0.9]

function ok(r: Result<TailIndexOutput>): TailIndexOutput {
  if (!r.ok) throw new Error(`expected success, got ${r.kind}: ${r.detail}`)
  return r.value
}
function fail(r: Result<TailIndexOutput>) {
  if (r.ok) throw new Error('expected a failure')
  return r
}
const sortedMedianAbs = (v: ArrayLike<number>): number => {
  const a = Array.from(v, Math.abs).sort((x, y) => x - y)
  const n = a.length
  return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
}

describe('estimateTailIndex: values (docs/theory.md#validation-tables, docs/theory.md#sas-law scale)', () => {
  it('1-D T4 rows through the API: inverseAlpha to 1e-10, the docs/api.md fields and nothing else', () => {
    const want: Record<number, number> = { 2: 1.575886406694, 3: 0.616015710473, 4: 1.22800727615 }
    for (const k of [2, 3, 4]) {
      const v = ok(estimateTailIndex({ samples: X, blockSize: k }))
      expect(Math.abs(v.inverseAlpha - want[k])).toBeLessThan(1e-10)
      expect(v.alpha).toBe(Math.min(1 / v.inverseAlpha, 2))
      expect(Object.keys(v).sort()).toEqual([
        'alpha',
        'blockSize',
        'blocks',
        'heavyTailed',
        'interval',
        'inverseAlpha',
        'method',
        'scale',
        'used',
        'warnings',
      ])
      expect([v.blockSize, v.blocks, v.used, v.method]).toEqual([k, 12 / k, 12, 'scalar'])
      expect(v.interval.confidence).toBe(0.95)
      // Scale: median |x| / m_α at the reported α (median |x| of X = 0.8 by sorting).
      expect(Math.abs(v.scale - 0.8 / medianConstant(v.alpha))).toBeLessThan(1e-12)
    }
    const d = ok(estimateTailIndex({ samples: X }))
    expect(d.blockSize).toBe(3)
    expect(Math.abs(d.alpha - 1.623335221812)).toBeLessThan(1e-10)
  })

  it('T4 6×2 vector row through the API', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((i) => [X[2 * i], X[2 * i + 1]])
    const v = ok(estimateTailIndex({ samples: rows, method: 'vector', blockSize: 3 }))
    expect(Math.abs(v.inverseAlpha - 0.536690264984)).toBeLessThan(1e-10)
    expect([v.method, v.used, v.blocks]).toEqual(['vector', 6, 2])
  })

  for (const [alpha, sigma, seed] of [
    [1.2, 0.5, 31],
    [1.5, 3, 32],
    [1.8, 1, 33],
  ]) {
    it(`T8-style: 1e5 CMS draws of SαS(${sigma}) at α = ${alpha}: |α̂ − α| < 0.1, interval around α̂ narrower than 0.25, heavy-tailed, scale within 3%`, () => {
      const x = Array.from(sample(alpha, sigma, 100000, createRng(seed)))
      const v = ok(estimateTailIndex({ samples: x }))
      expect(Math.abs(v.alpha - alpha)).toBeLessThan(0.1)
      // (Coverage of the true α is a rate, measured in tailCoverage.test.ts, not asserted per data set.)
      expect(v.interval.lower).toBeLessThan(v.alpha)
      expect(v.interval.upper).toBeGreaterThan(v.alpha)
      expect(v.interval.upper - v.interval.lower).toBeLessThan(0.25)
      expect(v.heavyTailed).toBe(true)
      expect(v.blockSize).toBe(250)
      expect(Math.abs(v.scale / sigma - 1)).toBeLessThan(0.03)
      expect(v.scale).toBeCloseTo(sortedMedianAbs(x) / medianConstant(v.alpha), 12)
      expect(v.warnings).toEqual([])
    })
  }

  it('Gaussian data: interval reaches 2, not heavy-tailed; scale ≈ 1/√2 for N(0, 1) (SαS(σ) at α = 2 is N(0, 2σ²))', () => {
    const rng = createRng(34)
    const v = ok(estimateTailIndex({ samples: Array.from({ length: 40000 }, () => normal(rng)) }))
    expect(v.interval.upper).toBe(2)
    expect(v.heavyTailed).toBe(false)
    expect(v.alpha).toBeGreaterThan(1.85)
    expect(Math.abs(v.scale - Math.SQRT1_2)).toBeLessThan(0.03)
  })

  it('lighter-than-Gaussian data (uniform): raw α̂ > 2 is reported as 2 with a warning', () => {
    const rng = createRng(35)
    const v = ok(estimateTailIndex({ samples: Array.from({ length: 10000 }, () => 2 * rng.uniform() - 1) }))
    expect(v.alpha).toBe(2)
    expect(v.inverseAlpha).toBeLessThan(0.5)
    expect(v.interval.upper).toBe(2)
    expect(v.heavyTailed).toBe(false)
    expect(v.warnings.map((w) => w.message).join(' ')).toMatch(/exceeds 2/)
  })

  it('2-D pooled (default, standardised) equals pooledNoiseTailIndex; standardize:false shows the docs/theory.md#estimator-caveats bias', () => {
    const rng = createRng(51)
    const scales = Array.from({ length: 400 }, () => 10 ** (2 * rng.uniform()))
    const rows = Array.from({ length: 100 }, () => scales.map((s) => s * normal(rng)))
    const v = ok(estimateTailIndex({ samples: rows }))
    const ref = pooledNoiseTailIndex(rows)
    expect([v.method, v.inverseAlpha, v.alpha, v.blockSize, v.used]).toEqual([
      'pooled',
      ref.inverseAlpha,
      ref.alpha,
      ref.blockSize,
      ref.used,
    ])
    expect(v.interval.lower).toBe(ref.interval.lower)
    const biased = ok(estimateTailIndex({ samples: rows, standardize: false }))
    expect(biased.heavyTailed).toBe(true)
    expect(biased.alpha).toBeLessThan(1.6)
  })

  it('2-D vector method equals vectorLogMomentEstimate, with centring', () => {
    const rng = createRng(36)
    const rows = Array.from({ length: 2000 }, () => Array.from(sample(1.5, 1, 3, rng), (z) => z + 4))
    const v = ok(estimateTailIndex({ samples: rows, method: 'vector', center: true }))
    const ref = vectorLogMomentEstimate(rows, { center: true })
    expect([v.inverseAlpha, v.blockSize, v.blocks, v.used]).toEqual([
      ref.inverseAlpha,
      ref.blockSize,
      ref.blocks,
      ref.used,
    ])
  })

  it('is deterministic', () => {
    const x = Array.from(sample(1.3, 1, 5000, createRng(37)))
    expect(estimateTailIndex({ samples: x })).toEqual(estimateTailIndex({ samples: x }))
  })
})

describe('estimateTailIndex: warnings', () => {
  it('reports the dropped trailing samples (prime N = 997: K1 = 31, 5 dropped)', () => {
    const v = ok(estimateTailIndex({ samples: Array.from(sample(1.5, 1, 997, createRng(38))) }))
    expect([v.blockSize, v.blocks, v.used]).toEqual([31, 32, 992])
    expect(
      v.warnings.some(
        (w) =>
          w.code === 'samples-dropped' && w.message.includes('5 trailing samples') && w.message.includes('992 of 997'),
      ),
    ).toBe(true)
  })
  it('warns about exact zeros, off-centre data, few blocks, tiny magnitudes and ignored fields', () => {
    const x = Array.from(sample(1.5, 1, 4000, createRng(39)))
    const zeros = ok(estimateTailIndex({ samples: x.map((v, i) => (i % 10 === 0 ? 0 : v)) }))
    expect(zeros.warnings.map((w) => w.message).join(' ')).toMatch(/400 numbers are exactly 0/)
    const shifted = x.map((v) => v + 3)
    expect(
      ok(estimateTailIndex({ samples: shifted }))
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/not symmetric about 0.*set center to true/)
    const centred = ok(estimateTailIndex({ samples: shifted, center: true }))
    expect(centred.warnings.map((w) => w.message).join(' ')).not.toMatch(/symmetric/)
    expect(Math.abs(centred.alpha - 1.5)).toBeLessThan(0.25)
    expect(
      ok(estimateTailIndex({ samples: x.slice(0, 40) }))
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/Only 8 blocks/)
    expect(
      ok(estimateTailIndex({ samples: x.map((v) => v * 1e-15) }))
        .warnings.map((w) => w.message)
        .join(' '),
    ).toMatch(/below 1e-13/)
    const ignored = ok(estimateTailIndex({ samples: x, method: 'vector', standardize: true })).warnings.map(
      (w) => w.message,
    )
    expect(ignored).toContain('method applies to 2-D samples only and was ignored.')
    expect(ignored).toContain('standardize applies to the pooled 2-D method only and was ignored.')
  })
  it('pooled: zero-median columns are left out with a warning, even when they are most of the columns', () => {
    const rng = createRng(40)
    const rows = Array.from({ length: 100 }, () => [...Array.from(sample(1.5, 2, 20, rng)), 0, 0])
    const v = ok(estimateTailIndex({ samples: rows }))
    expect(v.used).toBe(2000)
    expect(v.warnings.map((w) => w.message).join(' ')).toMatch(/2 of 22 columns have median \|x\| = 0/)
    // 30 dead columns out of 50: the pool is the 20 live ones, and the scale is theirs (σ = 2).
    const dead = rows.map((r) => [...r.slice(0, 20), ...new Array(30).fill(0)])
    const d = ok(estimateTailIndex({ samples: dead }))
    expect(d.used).toBe(2000)
    expect(d.inverseAlpha).toBe(v.inverseAlpha)
    expect(Math.abs(d.scale / 2 - 1)).toBeLessThan(0.1)
  })
})

describe('estimateTailIndex: failures', () => {
  const paths = (r: Result<TailIndexOutput>) => fail(r).issues.map((i) => i.path)

  it('diagnostics on rounded 2-D data: the 422 says that every column repeats a value and to send them unrounded', () => {
    // 200 rows × 40 columns of SαS(1.5) rounded to 2 significant digits: every column repeats a value by chance,
    // so every column is a point mass for the diagnostics, while the estimate itself is answered
    const all = Array.from(sample(1.5, 1, 8000, createRng(45)), (x) => +x.toPrecision(2))
    const rows = Array.from({ length: 200 }, (_, i) => all.slice(40 * i, 40 * i + 40))
    expect(ok(estimateTailIndex({ samples: rows })).alpha).toBeGreaterThan(1.2)
    const f = fail(estimateTailIndex({ samples: rows, diagnostics: true }))
    expect(f.kind).toBe('unanswerable')
    expect(f.detail).toContain('0 are usable')
    expect(f.detail).toContain('40 of 40 columns were left out: 40 have a value that occurs in two or more rows')
    expect(f.detail).toContain('send them unrounded')
    expect(paths(f)).toEqual(['diagnostics'])
  })

  it('1/α̂ ≤ 0 is unanswerable and says to send more samples', () => {
    const f = fail(estimateTailIndex({ samples: [1, -1, 1, -1, 1, -1, 1, -1] }))
    expect(f.kind).toBe('unanswerable')
    expect(f.detail).toMatch(/send more samples/)
  })
  it('block sums that overflow the double range are unanswerable (rescale), not a 0 or NaN α', () => {
    const x = Array.from(sample(1.5, 1, 100, createRng(44)))
    x[0] = 1.5e308
    x[1] = 1.5e308
    const f = fail(estimateTailIndex({ samples: x }))
    expect(f.kind).toBe('unanswerable')
    expect(f.detail).toMatch(/rescale/)
    // The same data scaled down are fine (the estimator is scale-invariant).
    expect(ok(estimateTailIndex({ samples: x.map((v) => v * 1e-10) })).alpha).toBeGreaterThan(0)
  })
  it('data with no spread is unanswerable, not α = 1 with a zero-width interval', () => {
    // Controls: the same shapes with spread are answered
    const rng = createRng(7)
    const spread = Array.from(sample(1.5, 1, 1000, rng))
    expect(ok(estimateTailIndex({ samples: spread })).interval.upper).toBeGreaterThan(
      ok(estimateTailIndex({ samples: spread })).interval.lower,
    )
    for (const [samples, center, what] of [
      [new Array(1000).fill(5), false, /all 1000 numbers equal 5/],
      [new Array(1000).fill(5), true, /all 1000 numbers equal 5/],
      [Array.from({ length: 200 }, () => [1, 2, 3]), false, /every one of the 3 columns is constant/],
      [Array.from({ length: 200 }, () => [-4, 2]), true, /every one of the 2 columns is constant/],
      // one constant column beside a column of ±2: every block gives the same statistic
      [Array.from({ length: 200 }, (_, i) => [1, i % 2 ? 2 : -2]), false, /zero width/],
    ] as const) {
      const f = fail(estimateTailIndex({ samples, center }))
      expect(f.kind).toBe('unanswerable')
      expect(f.issues[0].path).toBe('samples')
      expect(f.detail).toMatch(what)
    }
    // a constant column beside a column with spread is still answered (the pool has spread)
    const mixed = Array.from({ length: 400 }, (_, i) => [1, spread[i]])
    expect(ok(estimateTailIndex({ samples: mixed })).alpha).toBeGreaterThan(0)
  })
  it('mostly-zero data (median |x| = 0) is unanswerable', () => {
    for (const samples of [
      new Array(100).fill(0),
      [...new Array(60).fill(0), ...Array.from(sample(1.5, 1, 40, createRng(42)))],
    ]) {
      const f = fail(estimateTailIndex({ samples }))
      expect(f.kind).toBe('unanswerable')
      expect(f.detail).toMatch(/exactly 0/)
    }
    expect(
      fail(
        estimateTailIndex({
          samples: [
            [0, 0],
            [0, 0],
            [0, 0],
            [1, 0],
          ],
          standardize: false,
        }),
      ).kind,
    ).toBe('unanswerable')
  })
  it('invalid shapes and ranges, with dotted paths', () => {
    const bad: [unknown, string[]][] = [
      [null, ['']],
      [{}, ['samples']],
      [{ samples: 'x' }, ['samples']],
      [{ samples: [] }, ['samples']],
      [{ samples: [1, 2, 3] }, ['samples']],
      [{ samples: [1, 2, 3, 4, 5, null, 7] }, ['samples.5']],
      [{ samples: [1, 2, Infinity, 4, 5] }, ['samples.2']],
      [
        {
          samples: [
            [1, 2],
            [3, 4],
            [5, 6],
            [7, 'x'],
          ],
        },
        ['samples.3.1'],
      ],
      [{ samples: [[1, 2], [3, 4], [5], [7, 8]] }, ['samples']],
      [{ samples: [[1, 2], 3, [5, 6], [7, 8]] }, ['samples.1']],
      [{ samples: [[], []] }, ['samples.0', 'samples.1']],
      [{ samples: [[1], [2], [3]], method: 'vector' }, ['samples']],
      [{ samples: new Array(250001).fill(1) }, ['samples']],
      [{ samples: X, method: 'scalar' }, ['method']],
      [{ samples: X, blockSize: 1 }, ['blockSize']],
      [{ samples: X, blockSize: 2.5 }, ['blockSize']],
      [{ samples: X, blockSize: 7 }, ['blockSize']],
      [{ samples: X, confidence: 1 }, ['confidence']],
      [{ samples: X, confidence: '0.9' }, ['confidence']],
      [{ samples: X, center: 'yes', standardize: 1 }, ['standardize', 'center']],
      [{ samples: [1, 'a', 3, 'b', 5], blockSize: 0 }, ['samples.1', 'samples.3', 'blockSize']],
    ]
    for (const [input, want] of bad) {
      const r = estimateTailIndex(input)
      expect(fail(r).kind).toBe('invalid')
      expect(paths(r)).toEqual(want)
    }
  })
  it('lists at most 50 issues', () => {
    const f = fail(estimateTailIndex({ samples: new Array(100).fill('x') }))
    expect(f.issues.length).toBe(50)
    expect(f.issues[0]).toEqual({ path: 'samples.0', message: expect.stringMatching(/^must be a number \(got "x"\)/) })
  })
  it('accepts exactly 250,000 numbers', () => {
    const x = Array.from(sample(1.5, 1, 250000, createRng(41)))
    expect(ok(estimateTailIndex({ samples: x })).used).toBe(250000)
  })
  it('fuzz: never throws; a success has only finite numbers and α ∈ (0, 2] inside its interval', () => {
    const num = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.constant(0),
      fc.integer({ min: -3, max: 3 }),
    )
    fc.assert(
      fc.property(
        fc.array(num, { minLength: 0, maxLength: 80 }),
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        (samples, blockSize) => {
          const r = estimateTailIndex({ samples, blockSize })
          if (!r.ok) return r.issues.length > 0 || r.kind === 'unanswerable'
          const v = r.value
          const nums = [
            v.alpha,
            v.inverseAlpha,
            v.blockSize,
            v.blocks,
            v.used,
            v.interval.lower,
            v.interval.upper,
            v.scale,
          ]
          return (
            nums.every(Number.isFinite) &&
            v.alpha > 0 &&
            v.alpha <= 2 &&
            v.interval.lower <= v.alpha &&
            v.alpha <= v.interval.upper &&
            v.interval.upper <= 2
          )
        },
      ),
      { numRuns: 300, seed: 42 },
    )
  })
  it('fuzz 2-D: never throws; a success has only finite numbers; failures name a field', () => {
    const num = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.constant(0),
      fc.integer({ min: -3, max: 3 }),
    )
    const matrix = fc
      .integer({ min: 1, max: 6 })
      .chain((w) => fc.array(fc.array(num, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 30 }))
    fc.assert(
      fc.property(
        matrix,
        fc.constantFrom(undefined, 'pooled', 'vector'),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
        (samples, method, standardize, center, blockSize) => {
          const r = estimateTailIndex({ samples, method, standardize, center, blockSize })
          if (!r.ok) return r.issues.length > 0 && r.issues.every((i) => i.path.length > 0)
          const v = r.value
          const nums = [
            v.alpha,
            v.inverseAlpha,
            v.blockSize,
            v.blocks,
            v.used,
            v.interval.lower,
            v.interval.upper,
            v.scale,
          ]
          return (
            nums.every(Number.isFinite) &&
            v.alpha > 0 &&
            v.alpha <= 2 &&
            v.interval.lower <= v.alpha &&
            v.alpha <= v.interval.upper &&
            v.interval.upper <= 2
          )
        },
      ),
      { numRuns: 300, seed: 43 },
    )
  })
})
