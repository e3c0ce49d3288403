/**
 * `POST /v1/simulate` (docs/api.md#simulation; docs/theory.md#validation-1d, docs/theory.md#validation-2d): Monte-Carlo of the discrete
 * SGD/Adam dynamics under SαS noise, with the work per request capped (about 2·10⁷ noise draws; chains still
 * inside are right-censored), compared with the leading-order escape time. No request does more than its pilot's
 * work (the first 10⁶ noise draws) to end in a 422 (docs/api.md#simulation-work-rule).
 */

import { SimulateRequest, SimulateResponse } from '../../src/schemas/index.ts'
import { type SimulateLimits, simulate } from '../../src/simulate/index.ts'
import { postOnly } from '../http/computeRoute.ts'

/** The route with the default work caps, or smaller ones (the free-plan lite build passes its own). */
export const simulateRoutes = (limits: SimulateLimits = {}) =>
  postOnly(
    '/v1/simulate',
    {
      summary: 'Simulate the discrete SGD/Adam dynamics and compare with the theory',
      description:
        'θ ← θ − η G_d ∇F(θ) + η G ζ from θ = θ*, with G_d = I, G = Σ for SGD and G_d = Q⁻¹, G = Q⁻¹Σ for Adam; a chain escapes at the first iteration it leaves Ω. Reports the censored exponential MLE of the mean escape, exit frequencies and the ratio to the theory. A 422 comes before any work or within the pilot (docs/api.md#simulation-work-rule).',
      tags: ['simulate'],
      request: SimulateRequest,
      response: SimulateResponse,
    },
    (input) => simulate(input, limits),
  )
