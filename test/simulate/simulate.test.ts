// simulate(): validation, determinism, the censored exponential MLE against an exact geometric oracle, the Adam
// wiring, the full-Hessian kernel against the diagonal one (rotation invariance), warnings and the 422 case.
//
// Geometric oracle: with η·κ/q = 1 the drift cancels the position every step (θ_{t+1} = η G ζ_t), so the exit
// iteration is geometric with p = P(ηGζ ≤ −a) + P(ηGζ ≥ b) = F(−a/(ηG)) + 1 − F(b/(ηG)), F the SαS(1) cdf from
// scipy (fixture test/fixtures/simulateSamplers.json). Its mean 1/p is also what the censored MLE
// (Σ min(K, T))/#{K ≤ T} estimates, for any cap T.

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { escapeTime } from '../../src/escape/escapeTime.ts'
import { parseInput } from '../../src/parse/parseInput.ts'
import { EscapeTimeRequest } from '../../src/schemas/escapeTime.ts'
import { type SimulateOutput, SimulateRequest, SimulateResponse } from '../../src/schemas/simulate.ts'
import {
  PILOT_HESSIAN_MULTIPLY_ADDS,
  PILOT_NOISE_DRAWS,
  type SimulateLimits,
  simulate as simulateCore,
} from '../../src/simulate/simulate.ts'
import fixture from '../fixtures/simulateSamplers.json' with { type: 'json' }

/** Parse + compute, as the HTTP route does. */
const simulate = (input: unknown, limits?: SimulateLimits) => {
  const parsed = parseInput(SimulateRequest, input)
  return parsed.ok ? simulateCore(parsed.value, limits) : parsed
}

const sas15 = fixture.symmetric.find((r) => r.alpha === 1.5)!
const F = (x: number) => sas15.cdf[sas15.x.indexOf(x)]
const pLeft = F(-8)
const pRight = 1 - F(20)
const p = pLeft + pRight

function ok(input: unknown, limits?: SimulateLimits): SimulateOutput {
  const r = simulate(input, limits)
  if (!r.ok) throw new Error(`${r.kind}: ${r.detail} ${JSON.stringify(r.issues)}`)
  return r.value
}

const geometric = {
  optimizer: 'sgd',
  alpha: 1.5,
  lr: 0.5,
  basin: { kind: 'interval', left: 8, right: 20, curvature: 2 },
  noise: { scale: 2 },
  chains: 4000,
  seed: 7,
}

describe('simulate: exact geometric oracle (η·κ = 1)', () => {
  it('mean escape iterations = 1/p within 4 s.e., exit side within 4 binomial s.e.', () => {
    const out = ok(geometric)
    expect(out.censored).toBe(0)
    expect(Math.abs(out.meanEscapeIterations - 1 / p)).toBeLessThan(4 * out.standardError)
    const right = out.exitProbabilities!.find((e) => e.direction === 'right')!
    expect(Math.abs(right.probability - pRight / p)).toBeLessThan(4 * right.standardError)
    expect(out.noiseDraws).toBe(Math.round(out.meanEscapeIterations * out.escaped))
  })
  it('heavy censoring (cap 30 ≈ 0.3/p): the exponential MLE still estimates 1/p within 4 s.e., with a warning', () => {
    const out = ok({ ...geometric, maxIterations: 30, seed: 8 })
    expect(out.iterationCap).toBe(30)
    expect(out.censored).toBeGreaterThan(0.6 * out.chains)
    expect(out.censored + out.escaped).toBe(out.chains)
    expect(Math.abs(out.meanEscapeIterations - 1 / p)).toBeLessThan(4 * out.standardError)
    expect(out.warnings.some((w) => w.code === 'censored-chains' && w.message.includes('right-censored'))).toBe(true)
  })
  it('Adam: G_d = 1/q, G = σ/q (q = 2, κ = 4, σ = 4 gives the same geometric law)', () => {
    const out = ok({
      ...geometric,
      optimizer: 'adam',
      basin: { ...geometric.basin, curvature: 4 },
      noise: { scale: 4 },
      preconditioner: [2],
      seed: 9,
    })
    expect(out.preconditioner).toEqual([2])
    expect(Math.abs(out.meanEscapeIterations - 1 / p)).toBeLessThan(4 * out.standardError)
  })
})

describe('simulate: determinism and defaults', () => {
  const base = {
    optimizer: 'sgd',
    alpha: 1.5,
    lr: 0.05,
    basin: { kind: 'interval', left: 1, right: 1 },
    noise: { scale: 0.5 },
    chains: 200,
  }
  it('same input gives identical output; the default seed 1 is echoed; another seed differs', () => {
    const a = ok(base)
    const b = ok({ ...base })
    expect(b).toEqual(a)
    expect(a.seed).toBe(1)
    expect(a.chains).toBe(200)
    const c = ok({ ...base, seed: 2 })
    expect(c.seed).toBe(2)
    expect(c.meanEscapeIterations).not.toBe(a.meanEscapeIterations)
  })
  it('reports the theory for α ∈ (1, 2) and the ratio to it', () => {
    const out = ok(base)
    expect(out.theory!.meanEscapeIterations).toBeGreaterThan(0)
    expect(out.ratioToTheory).toBeCloseTo(out.meanEscapeIterations / out.theory!.meanEscapeIterations, 12)
  })
  it('omits the theory with a warning for α = 2 and α ≤ 1', () => {
    for (const alpha of [2, 0.8]) {
      const out = ok({ ...base, alpha, noise: { scale: 3 } })
      expect(out.theory).toBeUndefined()
      expect(out.ratioToTheory).toBeUndefined()
      expect(out.warnings.some((w) => w.code === 'no-theory' && w.message.startsWith('No theory value'))).toBe(true)
    }
  })
  it('Adam "auto" preconditioner is σ_i/σ̄ with σ̄ the α-power mean', () => {
    const out = ok({
      optimizer: 'adam',
      alpha: 1.5,
      lr: 0.01,
      basin: { kind: 'quadratic', curvatures: [10, 1], height: 0.5 },
      noise: { scale: [Math.sqrt(10) / 2, 0.5] },
      chains: 50,
    })
    // docs/theory.md#validation-2d: q = (1.423308, 0.450089) at α = 1.5.
    expect(out.preconditioner![0]).toBeCloseTo(1.423308, 6)
    expect(out.preconditioner![1]).toBeCloseTo(0.450089, 6)
    expect(out.exitProbabilities!.map((e) => e.direction)).toEqual(['axis-0', 'axis-1'])
  })
})

describe('simulate: responses match SimulateResponse', () => {
  it('interval, quadratic (Adam, isotropic) and α = 2 (no theory) outputs validate against the schema', () => {
    const outs = [
      ok({
        optimizer: 'sgd',
        alpha: 1.5,
        lr: 0.05,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 0.5 },
        chains: 50,
      }),
      ok({
        optimizer: 'adam',
        alpha: 1.7,
        lr: 0.05,
        basin: {
          kind: 'quadratic',
          hessian: [
            [2, 0.5],
            [0.5, 1],
          ],
          height: 0.2,
        },
        noise: { scale: [1, 0.5], model: 'isotropic' },
        chains: 50,
      }),
      ok({
        optimizer: 'sgd',
        alpha: 2,
        lr: 0.05,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 3 },
        chains: 50,
      }),
    ]
    for (const out of outs) expect(v.safeParse(SimulateResponse, out).success).toBe(true)
  })
})

describe('simulate: full Hessian', () => {
  const diag = {
    optimizer: 'sgd',
    alpha: 1.6,
    lr: 0.02,
    basin: { kind: 'quadratic', curvatures: [4, 1], height: 0.5 },
    noise: { scale: 0.7, model: 'isotropic' },
    chains: 1500,
    seed: 3,
  }
  it('a diagonal matrix given as "hessian" runs the same chains as "curvatures"', () => {
    const a = ok(diag)
    const b = ok({
      ...diag,
      basin: {
        kind: 'quadratic',
        hessian: [
          [4, 0],
          [0, 1],
        ],
        height: 0.5,
      },
    })
    expect(b.meanEscapeIterations).toBe(a.meanEscapeIterations)
  })
  it('isotropic noise + SGD is rotation invariant: H = R diag(4, 1) Rᵀ gives the same mean within 4 combined s.e.', () => {
    const c = Math.cos(0.6)
    const s = Math.sin(0.6)
    const h = [
      [4 * c * c + s * s, (4 - 1) * c * s],
      [(4 - 1) * c * s, 4 * s * s + c * c],
    ]
    const a = ok(diag)
    const b = ok({ ...diag, basin: { kind: 'quadratic', hessian: h, height: 0.5 }, seed: 4 })
    expect(Math.abs(a.meanEscapeIterations - b.meanEscapeIterations)).toBeLessThan(
      4 * Math.hypot(a.standardError, b.standardError),
    )
    expect(b.theory!.meanEscapeIterations).toBeCloseTo(a.theory!.meanEscapeIterations, 6)
  })
})

describe('simulate: refusals and warnings', () => {
  const good = {
    optimizer: 'sgd',
    alpha: 1.5,
    lr: 0.01,
    basin: { kind: 'interval', left: 1, right: 2 },
    noise: { scale: 1 },
    chains: 10,
  }
  const paths = (input: unknown) => {
    const r = simulate(input)
    expect(r.ok).toBe(false)
    if (r.ok) return []
    expect(r.kind).toBe('invalid')
    return r.issues.map((i) => i.path)
  }
  it('names the offending field', () => {
    expect(paths({ ...good, alpha: 2.5 })).toContain('alpha')
    expect(paths({ ...good, lr: 1 })).toContain('lr')
    expect(paths({ ...good, chains: 0 })).toContain('chains')
    expect(paths({ ...good, chains: 10001 })).toContain('chains')
    expect(paths({ ...good, maxIterations: 1.5 })).toContain('maxIterations')
    expect(paths({ ...good, optimizer: 'rmsprop' })).toContain('optimizer')
    expect(paths({ ...good, basin: { kind: 'interval', left: -1, right: 2 } })).toContain('basin.left')
    expect(paths({ ...good, noise: { scale: [1, 2] } })).toContain('noise.scale')
    expect(
      paths({ ...good, basin: { kind: 'quadratic', curvatures: [1, Infinity], height: 1 }, noise: { scale: 1 } }),
    ).toContain('basin.curvatures.1')
    const q = { kind: 'quadratic', height: 1 }
    expect(
      paths({
        ...good,
        basin: {
          ...q,
          hessian: [
            [1, 0.5],
            [0.4, 1],
          ],
        },
      }),
    ).toContain('basin.hessian')
    expect(
      paths({
        ...good,
        basin: {
          ...q,
          hessian: [
            [1, 2],
            [2, 1],
          ],
        },
      }),
    ).toContain('basin.hessian')
    expect(paths({ ...good, basin: { ...q, hessian: [[1, 0], [0]] } })).toContain('basin.hessian.1')
    expect(paths({ ...good, basin: { ...q, curvatures: [1], hessian: [[1]] } })).toEqual(['basin.hessian'])
    expect(paths({ ...good, optimizer: 'adam', preconditioner: [1, 2] })).toContain('preconditioner')
    expect(simulate(null).ok).toBe(false)
    expect(simulate('x').ok).toBe(false)
  })
  it('tiny or subnormal α (draws overflowing double range or NaN): a 422 at alpha after a few draws, no non-finite state counted as an exit', () => {
    for (const basin of [
      { kind: 'interval', left: 1, right: 1 },
      {
        kind: 'quadratic',
        hessian: [
          [2, -1],
          [-1, 2],
        ],
        height: 1,
      },
    ]) {
      for (const alpha of [0.005, 1e-310]) {
        const r = simulate({ ...good, alpha, basin, noise: { scale: 1, model: 'isotropic' }, chains: 300 })
        expect(r.ok).toBe(false)
        if (r.ok) continue
        expect(r.kind).toBe('unanswerable')
        expect(r.issues[0].path).toBe('alpha')
        const draws = Number(/after (\d+) draws/.exec(r.detail)?.[1])
        expect(draws).toBeGreaterThan(0)
        expect(draws).toBeLessThan(10_000)
      }
    }
    // the interval basin on the axis model too
    const r = simulate({ ...good, alpha: 1e-310, basin: { kind: 'interval', left: 1, right: 1 } })
    expect(r.ok || r.issues[0].path).toBe('alpha')
  })
  it('a request the theory predicts out of reach is refused before the work (422 naming lr, noise.scale and basin, by how much)', () => {
    const far = {
      ...good,
      alpha: 1.8,
      lr: 0.001,
      basin: { kind: 'interval', left: 10, right: 10 },
      noise: { scale: 0.01 },
    }
    const r = simulate(far)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.kind).toBe('unanswerable')
      expect(r.detail).toMatch(
        /^Refused before running: the leading-order theory predicts about [0-9.e+]+ iterations per escape/,
      )
      expect(r.issues.map((i) => i.path)).toEqual(['lr', 'noise.scale', 'basin'])
      expect(r.work).toMatchObject({ iterations: 0, noiseDraws: 0, hessianMultiplyAdds: 0 })
      // The factor: K ∝ (η·σ/size)^(−α), so reaching K* = (2·10⁷ iterations)/30 needs (K/K*)^(1/α), K from the
      // escape-time calculator for the same interval.
      const parsed = parseInput(EscapeTimeRequest, {
        basin: { kind: 'interval', left: 10, right: 10 },
        noise: { scale: 0.01 },
        optimizers: { sgd: { alpha: 1.8, lr: 0.001 } },
      })
      if (!parsed.ok) throw new Error(parsed.detail)
      const theory = escapeTime(parsed.value)
      if (!theory.ok) throw new Error(theory.detail)
      const K = theory.value.sgd!.meanEscapeIterations
      const factor = (K / (2e7 / 30)) ** (1 / 1.8)
      expect(r.issues[0].message).toContain(`multiply by ${factor.toPrecision(2)}`)
    }
    // control: the same request at a noise scale within reach is answered
    expect(
      ok({ ...good, alpha: 1.8, basin: { kind: 'interval', left: 1, right: 1 }, noise: { scale: 1 } }).escaped,
    ).toBeGreaterThan(0)
  })
  it('no chain escaping within a run shorter than the pilot is a 422 saying how many iterations would do', () => {
    // α = 2: no theory, so the run is made. 10 chains × 20 iterations, none out: the exact 95 % lower bound on the
    // mean is 2T/χ²_{0.975}(2) = 2·200/(−2 ln 0.025), and 30 escapes need 30 times that, over 10 chains.
    const r = simulate({ ...good, alpha: 2, basin: { kind: 'interval', left: 1e6, right: 1e6 }, maxIterations: 20 })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.kind).toBe('unanswerable')
      expect(r.detail).toMatch(/^No chain left the basin in the first 200 iterations \(10 chains of at most 20\)/)
      const kLow = 400 / (-2 * Math.log(0.025))
      expect(r.detail).toContain(`at least ${kLow.toPrecision(3)} iterations`)
      expect(r.issues[0]).toMatchObject({ path: 'maxIterations' })
      expect(r.issues[0].message).toBe(`raise to at least ${Math.ceil((30 * kLow) / 10)}`)
      expect(r.work).toMatchObject({ iterations: 200, noiseDraws: 200 })
    }
  })
  it('the pilot: a run in which nothing escapes by its first 10⁶ noise draws stops there (422 counting its work)', () => {
    // α = 2 has no theory value, so nothing is refused before the run; the basin is out of reach.
    const wide = {
      ...good,
      alpha: 2,
      basin: { kind: 'interval', left: 50, right: 50 },
      chains: 10000,
      maxIterations: 1e8,
    }
    const r = simulate(wide)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.kind).toBe('unanswerable')
    expect(r.detail).toMatch(/^Stopped after the pilot: no chain left the basin in the first 1000000 iterations/)
    expect(r.work).toEqual({
      iterations: PILOT_NOISE_DRAWS,
      noiseDraws: PILOT_NOISE_DRAWS,
      hessianMultiplyAdds: 0,
      pilotIterations: PILOT_NOISE_DRAWS,
      requestedIterations: 2e7,
    })
    // exact 95 % lower bound on the mean from 10⁶ iterations without an exit: 2T/χ²_{0.975}(2)
    expect(r.detail).toContain(`at least ${((2 * 1e6) / (-2 * Math.log(0.025))).toPrecision(3)} iterations`)
    expect(r.issues.map((i) => i.path)).toEqual(['lr', 'noise.scale', 'basin'])
    expect(r.detail).toContain(`at least once per ${(1e6 / 3).toPrecision(3)} iterations`)
    // a smaller pilot stops sooner, at exactly its size
    const small = simulate(wide, { pilotNoiseDraws: 5000 })
    expect(!small.ok && small.work).toMatchObject({ iterations: 5000, noiseDraws: 5000 })
  })
  it('the pilot of a full Hessian is bounded by multiply-adds too (d = 64: 4882 iterations of 64² each)', () => {
    const d = 64
    const hessian = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? 0.5 : 0)),
    )
    const r = simulate({
      ...good,
      alpha: 2,
      lr: 1e-4,
      basin: { kind: 'quadratic', hessian, height: 1e6 },
      noise: { scale: 0.01 },
      chains: 1000,
      maxIterations: 1e8,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const iterations = Math.floor(PILOT_HESSIAN_MULTIPLY_ADDS / (d * d))
    expect(iterations).toBe(4882)
    expect(r.work).toMatchObject({ iterations, noiseDraws: iterations * d, hessianMultiplyAdds: iterations * d * d })
    expect(r.work!.hessianMultiplyAdds).toBeLessThanOrEqual(PILOT_HESSIAN_MULTIPLY_ADDS)
  })
  it('a run with an escape in its pilot goes on to the same answer whatever the pilot size', () => {
    const input = {
      ...good,
      alpha: 1.7,
      lr: 0.05,
      basin: { kind: 'interval', left: 1, right: 1.5 },
      chains: 400,
      maxIterations: 30,
    }
    const base = ok(input)
    expect(base.escaped).toBeGreaterThan(0)
    expect(base.censored).toBeGreaterThan(0)
    for (const pilotNoiseDraws of [3001, 7777, 1e12]) expect(ok(input, { pilotNoiseDraws })).toEqual(base)
  })
  it('after the pilot, a chain that reaches a non-finite state is censored there with a warning, not counted as an exit', () => {
    // α = 0.01: overflowing draws are about as frequent as escapes from (−1e200, 1e200); with a 200-draw pilot that
    // saw escapes and no overflow (seed 1), the run goes on and meets overflows later.
    const out = ok(
      {
        ...good,
        alpha: 0.01,
        lr: 0.5,
        basin: { kind: 'interval', left: 1e200, right: 1e200 },
        chains: 200,
        maxIterations: 1000,
        seed: 1,
      },
      { pilotNoiseDraws: 200 },
    )
    const w = out.warnings.find((x) => x.code === 'non-finite-state')
    expect(w).toBeDefined()
    const n = Number(/^(\d+) chains overflowed after the pilot/.exec(w!.message)?.[1])
    expect(n).toBeGreaterThan(0)
    expect(out.escaped + out.censored).toBe(200)
    expect(out.censored).toBeGreaterThanOrEqual(n)
    expect(out.exitProbabilities!.reduce((a, e) => a + e.count, 0)).toBe(out.escaped)
  })
  it('warns when the deterministic iteration is unstable, and when a preconditioner is given to SGD', () => {
    const out = ok({
      ...good,
      lr: 0.9,
      basin: { kind: 'interval', left: 1, right: 2, curvature: 3 },
      preconditioner: [1],
    })
    expect(out.warnings.some((w) => w.code === 'unstable-iteration' && w.message.includes('diverges'))).toBe(true)
    expect(out.warnings.some((w) => w.code === 'preconditioner-ignored')).toBe(true)
  })
  it('caps the work at 2·10^7 draws by default: 10000 chains get 2000 iterations each', () => {
    const out = ok({ ...good, chains: 10000, basin: { kind: 'interval', left: 0.01, right: 0.01 } })
    expect(out.iterationCap).toBe(2000)
  })
  it('a lowered work cap censors the chains at cap = draws/chains and says so', () => {
    const out = ok({ ...good, chains: 1000 }, { maxNoiseDraws: 200_000 })
    expect(out.iterationCap).toBe(200)
    expect(out.noiseDraws).toBeLessThanOrEqual(200_000)
    expect(out.censored).toBeGreaterThan(0)
    expect(out.warnings.some((w) => w.code === 'work-cap' && w.message.includes('work cap'))).toBe(true)
    // Isotropic d = 3: one mixing draw and three normals per iteration.
    const iso = ok(
      {
        ...good,
        lr: 0.3,
        basin: { kind: 'quadratic', curvatures: [1, 1, 1], height: 0.001 },
        noise: { scale: 1, model: 'isotropic' },
        chains: 100,
      },
      { maxNoiseDraws: 4000 },
    )
    expect(iso.iterationCap).toBe(10)
  })
})
