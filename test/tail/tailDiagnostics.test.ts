import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAndCompute } from '../../src/parse/parseInput.ts'
import { normal } from '../../src/random/normal.ts'
import { createRng, type Rng } from '../../src/random/rng.ts'
import { TailIndexRequest } from '../../src/schemas/tailIndex.ts'
import { cdf } from '../../src/stable/cdf.ts'
import { sample } from '../../src/stable/sample.ts'
import { cfRegressionEstimate } from '../../src/tail/cfRegressionEstimate.ts'
import { coordinatewiseTailIndex } from '../../src/tail/coordinatewiseTailIndex.ts'
import { estimateTailIndex as estimateTailIndexCore } from '../../src/tail/estimateTailIndex.ts'
import { hillEstimate } from '../../src/tail/hillEstimate.ts'
import { ksDistanceToStable, upperTailAt, upperTailNodes } from '../../src/tail/ksDistanceToStable.ts'
import { centringLogScale, logMomentByBlockSize } from '../../src/tail/logMomentByBlockSize.ts'
import { mccullochEstimate, mccullochRatio } from '../../src/tail/mccullochEstimate.ts'
import { finiteDiagnostics, tailDiagnostics } from '../../src/tail/tailDiagnostics.ts'

/** Parse + compute, as the HTTP route does. */
const estimateTailIndex = parseAndCompute(TailIndexRequest, estimateTailIndexCore)

// Oracle: test/fixtures/tail/diagnostics.py (scipy levy_stable and numpy, written independently).
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/tail/diagnostics.json'), 'utf8')) as {
  ratio: { alpha: number; nu: number; q75: number }[]
  samples: {
    alpha: number
    x: number[]
    mcculloch: { alpha: number; scale: number }
    cf: number
    hill: { alpha: number; k: number; threshold: number; ksDistance: number }
    ks: number
  }[]
}

/** P rows × M columns, column c scaled by 10^(−3 + 3c/M), each column drawn by `draw`. */
function rowsOf(P: number, M: number, rng: Rng, draw: (n: number, rng: Rng) => Float64Array): Float64Array[] {
  const rows = Array.from({ length: P }, () => new Float64Array(M))
  for (let c = 0; c < M; c++) {
    const col = draw(P, rng)
    for (let j = 0; j < P; j++) rows[j][c] = 10 ** (-3 + (3 * c) / M) * col[j]
  }
  return rows
}

function diagnose(rows: Float64Array[], seed = 1) {
  const e = coordinatewiseTailIndex(rows)
  return tailDiagnostics(
    {
      values: e.pool,
      rows: e.rowsUsed,
      columns: e.columns,
      blockSize: e.blockSize,
      standardized: true,
      centred: false,
    },
    { seed },
  )
}

describe('McCulloch quantile estimator', () => {
  it('ν(α) and Q_α(0.75) of the table agree with scipy levy_stable.ppf', () => {
    for (const r of fixture.ratio) expect(Math.abs(mccullochRatio(r.alpha) / r.nu - 1)).toBeLessThan(1e-5)
  })
  it('α̂ and σ̂ of three SαS samples agree with numpy quantiles inverted through scipy', () => {
    for (const s of fixture.samples) {
      const f = mccullochEstimate(s.x)
      // linear interpolation of ν on a 0.01 grid in α, against brentq on scipy's ratio
      expect(Math.abs(f.alpha - s.mcculloch.alpha)).toBeLessThan(1e-3)
      expect(Math.abs(f.scale / s.mcculloch.scale - 1)).toBeLessThan(1e-3)
    }
  })
  it('a Gaussian sample gives α̂ = 2 and its scale σ = sd/√2', () => {
    const rng = createRng(4)
    const x = Float64Array.from({ length: 200_000 }, () => 3 * normal(rng))
    const f = mccullochEstimate(x)
    expect(f.alpha).toBeGreaterThan(1.95)
    expect(Math.abs(f.scale - 3 / Math.SQRT2)).toBeLessThan(0.05)
  })
})

describe('characteristic-function regression', () => {
  it('agrees with the numpy least-squares slope on the same standardised samples', () => {
    for (const s of fixture.samples)
      expect(Math.abs(cfRegressionEstimate(s.x, s.mcculloch.scale) - s.cf)).toBeLessThan(1e-9)
  })
})

describe('Hill with the KS-minimising threshold', () => {
  it('chooses the same k and gives the same α̂ as the numpy implementation', () => {
    for (const s of fixture.samples) {
      const h = hillEstimate(s.x)
      expect(h.k).toBe(s.hill.k)
      expect(Math.abs(h.alpha - s.hill.alpha)).toBeLessThan(1e-9)
      expect(Math.abs(h.ksDistance - s.hill.ksDistance)).toBeLessThan(1e-9)
    }
  })
  it('on a Pareto(α = 1.3) tail it recovers 1.3, on Gaussian data it exceeds 2', () => {
    const rng = createRng(9)
    const pareto = Float64Array.from(
      { length: 20_000 },
      () => (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform() ** (-1 / 1.3),
    )
    expect(Math.abs(hillEstimate(pareto).alpha - 1.3)).toBeLessThan(0.08)
    const gauss = Float64Array.from({ length: 20_000 }, () => normal(rng))
    expect(hillEstimate(gauss).alpha).toBeGreaterThan(2)
  })
})

describe('KS distance to SαS', () => {
  it('the tabulated tail agrees with src/stable cdf within 1e-4 for α ∈ [0.5, 2]', () => {
    for (const a of [0.5, 0.63, 0.97, 1.137, 1.5321, 1.87, 1.99, 2]) {
      const nodes = upperTailNodes(a)
      for (let z = 0; z < 40; z += 0.0731) expect(Math.abs(upperTailAt(nodes, z, a) - cdf(-z, a))).toBeLessThan(1e-4)
      for (const z of [60, 300, 3e3, 3e4, 1e6])
        expect(Math.abs(upperTailAt(nodes, z, a) - cdf(-z, a))).toBeLessThan(1e-5)
    }
  })
  it('agrees with scipy levy_stable.cdf at the McCulloch fit', () => {
    for (const s of fixture.samples) {
      const sorted = Float64Array.from(s.x.slice(0, 500)).sort()
      expect(Math.abs(ksDistanceToStable(sorted, s.mcculloch.alpha, s.mcculloch.scale) - s.ks)).toBeLessThan(2e-4)
    }
  })
})

describe('log-moment across block sizes', () => {
  it('mean centring shifts 1/α̂ by (ln c_{n/K1} − ln c_n)/ln K1, and the correction removes it', () => {
    // closed form at α = 2: c_m = √((m − 1)/m)
    expect(centringLogScale(16, 2)).toBeCloseTo(0.5 * Math.log(15 / 16), 14)
    const rng = createRng(12)
    const rows = rowsOf(64, 2000, rng, (n, r) => sample(1.2, 1, n, r))
    const e = coordinatewiseTailIndex(rows, { center: true })
    const lnAbs = e.pool.map((x) => Math.log(Math.abs(x)))
    const corrected = logMomentByBlockSize(e.pool, lnAbs, e.rowsUsed, e.columns, 16, true)
    const raw = logMomentByBlockSize(e.pool, lnAbs, e.rowsUsed, e.columns, 16, false)
    // the shift at α = 1.2, n = 64, K1 = 16 is −0.030 on 1/α (α̂ too high by about 0.05)
    expect(raw.inverseAlpha - corrected.inverseAlpha).toBeCloseTo(
      (centringLogScale(4, 1.2) - centringLogScale(64, 1.2)) / Math.log(16),
      2,
    )
    expect(Math.abs(corrected.alpha - 1.2)).toBeLessThan(0.04)
  })
})

describe('tailDiagnostics', () => {
  it('SαS(1.5) rows: every estimator near 1.5, flat block-size curve, consistent', () => {
    const d = diagnose(rowsOf(64, 1500, createRng(21), (n, r) => sample(1.5, 1, n, r)))
    expect(d.estimators.map((e) => e.method)).toEqual(['log-moment', 'mcculloch', 'cf-regression', 'hill'])
    // the log-moment estimate is unbiased on the standardised pool and its interval covers the truth
    expect(d.estimators[0].interval.lower).toBeLessThan(1.5)
    expect(d.estimators[0].interval.upper).toBeGreaterThan(1.5)
    for (const e of d.estimators.slice(0, 3)) {
      // McCulloch and CF see the pool of columns each divided by its own sample median |x|, a slight scale
      // mixture at P = 64: −0.01 to −0.03 here (1.468 / 1.468), which their bootstrap intervals do not include
      expect(Math.abs(e.alpha - 1.5)).toBeLessThan(0.05)
      expect(e.interval.lower).toBeLessThan(e.alpha)
      expect(e.interval.upper).toBeGreaterThan(e.alpha)
      expect(e.interval.confidence).toBe(0.95)
    }
    expect(d.blockSizes.map((b) => b.blockSize)).toEqual([2, 4, 8, 16])
    for (const b of d.blockSizes) expect(Math.abs(b.alpha - 1.5)).toBeLessThan(0.08)
    expect(d.goodnessOfFit.reasons).toEqual([])
    expect(d.goodnessOfFit.consistent).toBe(true)
    expect(d.goodnessOfFit.ksDistance / d.goodnessOfFit.ksReference).toBeLessThan(2)
  })

  it('a Gaussian scale mixture is judged not α-stable-like: 1/α̂ drifts with the block size', () => {
    const d = diagnose(
      rowsOf(64, 1500, createRng(22), (n, r) =>
        Float64Array.from({ length: n }, () => normal(r) * Math.exp(normal(r))),
      ),
    )
    expect(d.goodnessOfFit.consistent).toBe(false)
    expect(d.goodnessOfFit.reasons.some((r) => r.includes('drifts with the block size'))).toBe(true)
    // finite variance: sums of more values look more Gaussian, so α̂ grows with K1
    expect(d.blockSizes[d.blockSizes.length - 1].alpha).toBeGreaterThan(d.blockSizes[0].alpha + 0.1)
  })

  it('odd P: the ±1 that every column holds after division by its median |x| keeps its own row in the bootstrap', () => {
    // with P' = 49 each column's median |x| is one of its values, so the pool holds ±1 once per column;
    // labelling sorted values through a value → row map gave them all one row and a McCulloch interval
    // four times too wide ([1.07, 1.30] around 1.21)
    const d = diagnose(rowsOf(49, 800, createRng(49), (n, r) => sample(1.2, 1, n, r)))
    const mc = d.estimators[1]
    expect(mc.interval.upper - mc.interval.lower).toBeLessThan(0.08)
    expect(d.estimators[2].interval.upper - d.estimators[2].interval.lower).toBeLessThan(0.08)
  })

  it('is deterministic for a seed', () => {
    const rows = rowsOf(32, 400, createRng(23), (n, r) => sample(1.7, 1, n, r))
    expect(JSON.stringify(diagnose(rows, 5))).toBe(JSON.stringify(diagnose(rows, 5)))
  })

  it('a 1-D sample with a point mass is inconsistent for that reason', () => {
    const rng = createRng(24)
    const x = sample(1.5, 1, 5000, rng)
    for (let i = 0; i < 200; i++) x[i * 25] = 0.25
    const d = tailDiagnostics({
      values: x,
      rows: x.length,
      columns: 1,
      blockSize: 70,
      standardized: false,
      centred: false,
    })
    expect(d.goodnessOfFit.consistent).toBe(false)
    expect(d.goodnessOfFit.reasons.some((r) => r.includes('point mass'))).toBe(true)
  })

  it('finiteDiagnostics leaves out what too few values cannot give, and names it', () => {
    const x = sample(1.5, 1, 36, createRng(25))
    const d = tailDiagnostics({ values: x, rows: 36, columns: 1, blockSize: 6, standardized: false, centred: false })
    const f = finiteDiagnostics(d)
    expect(f).not.toBeNull()
    expect(f!.omitted).toContain('hill')
    expect(f!.diagnostics.estimators.map((e) => e.method)).not.toContain('hill')
  })
})

describe('POST /v1/tail-index with diagnostics (core)', () => {
  it('1-D: the sample itself; 2-D: the coordinate-wise pool, point-mass columns reported', () => {
    const rng = createRng(30)
    const one = estimateTailIndex({ samples: Array.from(sample(1.4, 1, 20_000, rng)), diagnostics: true })
    expect(one.ok).toBe(true)
    if (!one.ok) return
    expect(one.value.diagnostics!.estimators).toHaveLength(4)
    expect(Math.abs(one.value.diagnostics!.estimators[1].alpha - 1.4)).toBeLessThan(0.08)
    const rows = rowsOf(64, 300, rng, (n, r) => sample(1.4, 1, n, r)).map((r) => Array.from(r))
    for (let j = 0; j < 10; j++) rows[j][0] = 0.5 // a repeated value in column 0
    const two = estimateTailIndex({ samples: rows, diagnostics: true })
    expect(two.ok).toBe(true)
    if (!two.ok) return
    expect(two.value.warnings.some((w) => w.message.startsWith('diagnostics: 1 of 300 parameters'))).toBe(true)
    expect(Math.abs(two.value.diagnostics!.estimators[0].alpha - 1.4)).toBeLessThan(0.1)
    // without the flag, no diagnostics
    const plain = estimateTailIndex({ samples: rows })
    expect(plain.ok && plain.value.diagnostics).toBe(undefined)
  })

  it('too few usable values for the diagnostics is a 422 naming `diagnostics`', () => {
    const r = estimateTailIndex({ samples: Array.from(sample(1.4, 1, 100, createRng(31))), diagnostics: true })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.kind).toBe('unanswerable')
    expect(r.issues[0].path).toBe('diagnostics')
    const bad = estimateTailIndex({ samples: [1, 2, 3, 4, 5], diagnostics: 'yes' })
    expect(bad.ok || bad.issues[0].path).toBe('diagnostics')
  })
})
