/** The endpoints under fuzz, with their schemas and, where the schema alone rarely gives a valid body, a tuned generator. */
import fc from 'fast-check'
import type { GenericSchema } from 'valibot'
import { EscapeTimeRequest, EscapeTimeResponse } from '../../src/schemas/escapeTime.ts'
import { LandscapeRequest, LandscapeResponse } from '../../src/schemas/landscape.ts'
import { SimulateRequest, SimulateResponse } from '../../src/schemas/simulate.ts'
import {
  StableCdfResponse,
  StableLogPdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSampleRequest,
  StableSampleResponse,
  StableSfResponse,
} from '../../src/schemas/stable.ts'
import { TailIndexRequest, TailIndexResponse } from '../../src/schemas/tailIndex.ts'

export interface FuzzEndpoint {
  path: string
  get: boolean
  request: GenericSchema
  response: GenericSchema
  /** A generator of mostly valid bodies (defaults to one built from the request schema). */
  valid?: fc.Arbitrary<unknown>
  /** Smallest share of 200 answers expected among the generated bodies. */
  minOk: number
}

const alpha = fc.oneof(fc.double({ min: 0.1, max: 2, noNaN: true }), fc.constantFrom(0.5, 1, 1.5, 2, 1e-3))
const points = fc.record(
  {
    alpha,
    scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    x: fc.array(
      fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true })),
      { minLength: 1, maxLength: 6 },
    ),
  },
  { requiredKeys: ['alpha', 'x'] },
)
const probabilities = fc.record(
  {
    alpha,
    scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    p: fc.array(fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), {
      minLength: 1,
      maxLength: 6,
    }),
  },
  { requiredKeys: ['alpha', 'p'] },
)

const pos = (min: number, max: number) => fc.double({ min, max, minExcluded: true, noNaN: true })
const escapeAlpha = fc.oneof(
  pos(1, 2).filter((a) => a < 2),
  fc.constantFrom(1.5, 1.8, 1.0000001, 1.9999999),
)
const lr = fc.oneof(
  pos(0, 1).filter((x) => x < 1),
  fc.constantFrom(0.01, 0.1, 1e-6),
)

const escapeBody = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.record(
    {
      basin: fc.oneof(
        fc.record({ kind: fc.constant('interval'), left: pos(0.001, 100), right: pos(0.001, 100) }),
        fc.record({
          kind: fc.constant('quadratic'),
          curvatures: fc.array(pos(1e-3, 1e3), { minLength: d, maxLength: d }),
          height: pos(1e-3, 10),
        }),
        fc.record({
          kind: fc.constant('quadratic'),
          hessian: fc
            .array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: d * d, maxLength: d * d })
            .map((r) =>
              Array.from({ length: d }, (_, i) =>
                Array.from({ length: d }, (_, j) =>
                  i === j ? 1 + Math.abs(r[i * d + j]) * d : r[Math.min(i, j) * d + Math.max(i, j)],
                ),
              ),
            ),
          height: pos(1e-3, 10),
        }),
      ),
      noise: fc.record(
        {
          scale: fc.oneof(pos(1e-3, 1e3), fc.array(pos(1e-3, 1e3), { minLength: d, maxLength: d })),
          model: fc.constantFrom('axis', 'isotropic'),
        },
        { requiredKeys: ['scale'] },
      ),
      normalization: fc.constantFrom('stable', 'unit'),
      optimizers: fc.record(
        {
          sgd: fc.record({ alpha: escapeAlpha, lr }),
          adam: fc.record(
            {
              alpha: escapeAlpha,
              lr,
              preconditioner: fc.oneof(fc.constant('auto'), fc.array(pos(0.01, 10), { minLength: d, maxLength: d })),
            },
            { requiredKeys: ['alpha', 'lr'] },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['basin', 'noise', 'optimizers'] },
  ),
)

const landscapeBody = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .tuple(
      fc.array(pos(0.05, 5), { minLength: n - 1, maxLength: n - 1 }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .chain(([gaps, start, fractions]) => {
      const walls: number[] = []
      for (const g of gaps) walls.push((walls.length ? walls[walls.length - 1] : start) + g)
      const minima = fractions.map((f, i) => {
        const lo = i === 0 ? walls[0] - 3 : walls[i - 1]
        const hi = i === n - 1 ? walls[n - 2] + 3 : walls[i]
        return lo + f * (hi - lo)
      })
      return fc.record(
        {
          walls: fc.constant(walls),
          minima: fc.constant(minima),
          noise: fc.record({ scale: pos(1e-2, 1e2) }),
          normalization: fc.constantFrom('stable', 'unit'),
          optimizers: fc.record(
            { sgd: fc.record({ alpha: escapeAlpha, lr }), adam: fc.record({ alpha: escapeAlpha, lr }) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ['walls', 'minima', 'noise', 'optimizers'] },
      )
    }),
)

const heavy = fc
  .tuple(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), fc.boolean())
  .map(([u, a, s]) => (s ? 1 : -1) * u ** (-1 / a))
const tailBody = fc.oneof(
  fc.record(
    {
      samples: fc.array(heavy, { minLength: 4, maxLength: 400 }),
      center: fc.boolean(),
      confidence: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
      blockSize: fc.integer({ min: 2, max: 30 }),
    },
    { requiredKeys: ['samples'] },
  ),
  fc.integer({ min: 1, max: 6 }).chain((cols) =>
    fc.record(
      {
        samples: fc.array(fc.array(heavy, { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 60 }),
        method: fc.constantFrom('pooled', 'vector'),
        standardize: fc.boolean(),
        center: fc.boolean(),
      },
      { requiredKeys: ['samples'] },
    ),
  ),
)

/** Simulation bodies with small work (chains × maxIterations ≤ 10^5), so 2,000 of them run in seconds. */
const simulateBody = fc.integer({ min: 1, max: 3 }).chain((d) =>
  fc.record(
    {
      optimizer: fc.constantFrom('sgd', 'adam'),
      alpha: fc.oneof(pos(0, 2), fc.constantFrom(2, 1, 1.5, 0.5)),
      lr: fc.oneof(pos(0.001, 0.9), fc.constantFrom(0.1, 0.5)),
      basin: fc.oneof(
        fc.record(
          { kind: fc.constant('interval'), left: pos(0.01, 10), right: pos(0.01, 10), curvature: pos(0.01, 20) },
          { requiredKeys: ['kind', 'left', 'right'] },
        ),
        fc.record({
          kind: fc.constant('quadratic'),
          curvatures: fc.array(pos(0.01, 20), { minLength: d, maxLength: d }),
          height: pos(0.001, 5),
        }),
      ),
      noise: fc.record(
        {
          scale: fc.oneof(pos(0.01, 10), fc.array(pos(0.01, 10), { minLength: d, maxLength: d })),
          model: fc.constantFrom('axis', 'isotropic'),
        },
        { requiredKeys: ['scale'] },
      ),
      preconditioner: fc.oneof(fc.constant('auto'), fc.array(pos(0.1, 10), { minLength: d, maxLength: d })),
      chains: fc.integer({ min: 1, max: 50 }),
      maxIterations: fc.integer({ min: 1, max: 2000 }),
      seed: fc.nat(),
    },
    { requiredKeys: ['optimizer', 'alpha', 'lr', 'basin', 'noise', 'chains', 'maxIterations'] },
  ),
)

export const ENDPOINTS: FuzzEndpoint[] = [
  {
    path: '/v1/simulate',
    get: false,
    request: SimulateRequest,
    response: SimulateResponse,
    valid: simulateBody,
    minOk: 0.15,
  },
  {
    path: '/v1/escape-time',
    get: true,
    request: EscapeTimeRequest,
    response: EscapeTimeResponse,
    valid: escapeBody,
    minOk: 0.25,
  },
  {
    path: '/v1/landscape',
    get: true,
    request: LandscapeRequest,
    response: LandscapeResponse,
    valid: landscapeBody,
    minOk: 0.25,
  },
  {
    path: '/v1/tail-index',
    get: false,
    request: TailIndexRequest,
    response: TailIndexResponse,
    valid: tailBody,
    minOk: 0.25,
  },
  {
    path: '/v1/stable/pdf',
    get: true,
    request: StablePointsRequest,
    response: StablePdfResponse,
    valid: points,
    minOk: 0.3,
  },
  {
    path: '/v1/stable/cdf',
    get: true,
    request: StablePointsRequest,
    response: StableCdfResponse,
    valid: points,
    minOk: 0.3,
  },
  {
    path: '/v1/stable/sf',
    get: true,
    request: StablePointsRequest,
    response: StableSfResponse,
    valid: points,
    minOk: 0.3,
  },
  {
    path: '/v1/stable/logpdf',
    get: true,
    request: StablePointsRequest,
    response: StableLogPdfResponse,
    valid: points,
    minOk: 0.3,
  },
  {
    path: '/v1/stable/quantile',
    get: true,
    request: StableQuantileRequest,
    response: StableQuantileResponse,
    valid: probabilities,
    minOk: 0.15,
  },
  {
    path: '/v1/stable/sample',
    get: false,
    request: StableSampleRequest,
    response: StableSampleResponse,
    valid: fc.record(
      {
        alpha: fc.double({ min: 0.05, max: 2, noNaN: true }),
        n: fc.integer({ min: 1, max: 200 }),
        scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        seed: fc.nat(),
      },
      { requiredKeys: ['alpha', 'n'] },
    ),
    minOk: 0.3,
  },
]
