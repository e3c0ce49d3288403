/** The endpoints under fuzz, with their schemas and, where the schema alone rarely gives a valid body, a tuned generator. */
import fc from 'fast-check'
import type { GenericSchema } from 'valibot'
import {
  StableCdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSampleRequest,
  StableSampleResponse,
} from '../../src/schemas/stable.ts'

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
  { alpha, scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), x: fc.array(fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 6 }) },
  { requiredKeys: ['alpha', 'x'] },
)
const probabilities = fc.record(
  { alpha, scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), p: fc.array(fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 6 }) },
  { requiredKeys: ['alpha', 'p'] },
)

export const ENDPOINTS: FuzzEndpoint[] = [
  { path: '/v1/stable/pdf', get: true, request: StablePointsRequest, response: StablePdfResponse, valid: points, minOk: 0.3 },
  { path: '/v1/stable/cdf', get: true, request: StablePointsRequest, response: StableCdfResponse, valid: points, minOk: 0.3 },
  { path: '/v1/stable/quantile', get: true, request: StableQuantileRequest, response: StableQuantileResponse, valid: probabilities, minOk: 0.15 },
  {
    path: '/v1/stable/sample',
    get: false,
    request: StableSampleRequest,
    response: StableSampleResponse,
    valid: fc.record({ alpha: fc.double({ min: 0.05, max: 2, noNaN: true }), n: fc.integer({ min: 1, max: 200 }), scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), seed: fc.nat() }, { requiredKeys: ['alpha', 'n'] }),
    minOk: 0.3,
  },
]
