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
        'θ ← θ − η G_d ∇F(θ) + η G ζ from θ = θ*, with G_d = I, G = Σ for SGD and G_d = Q⁻¹, G = Q⁻¹Σ for Adam; a chain escapes at the first iteration it leaves Ω. Reports the censored exponential MLE of the mean escape iterations, exit frequencies and the ratio to the leading-order theory. Work is counted in noise draws (and Hessian multiply-adds for a full Hessian), capped at 2·10⁷ draws and 4·10⁸ multiply-adds per request (50,000 draws on the free-plan lite build; the answer reports the cap it applied as iterationCap). No request does more than the work of its pilot to end in a 422: the pilot is the first 10⁶ draws (2·10⁷ multiply-adds) of the run itself; a request whose pilot the theory gives under a 5 % chance of an escape is refused before any work, and a run with no escape by the end of its pilot stops there. Such a 422 carries `work` (the counts done and the limits) and names the fields to change and by how much (docs/api.md#simulation-work-rule).',
      tags: ['simulate'],
      request: SimulateRequest,
      response: SimulateResponse,
    },
    (input) => simulate(input, limits),
  )
