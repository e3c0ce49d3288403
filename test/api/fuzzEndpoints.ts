/** The endpoints under fuzz, with their schemas and, where the schema alone rarely gives a valid body, a tuned generator. */
import fc from 'fast-check'
import type { GenericSchema } from 'valibot'
import { StableSampleRequest, StableSampleResponse } from '../../src/schemas/stable.ts'

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

export const ENDPOINTS: FuzzEndpoint[] = [
  {
    path: '/v1/stable/sample',
    get: false,
    request: StableSampleRequest,
    response: StableSampleResponse,
    valid: fc.record({ alpha: fc.double({ min: 0.05, max: 2, noNaN: true }), n: fc.integer({ min: 1, max: 200 }), scale: fc.double({ min: 1e-3, max: 1e3, noNaN: true }), seed: fc.nat() }, { requiredKeys: ['alpha', 'n'] }),
    minOk: 0.3,
  },
]
