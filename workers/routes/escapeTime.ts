/**
 * `GET|POST /v1/escape-time` (spec/api.md "Escape time"; spec/theory.md §3, §4): mean escape times of the
 * SGD and Adam Lévy-driven SDEs from an interval or quadratic basin, exit probabilities and the three
 * mechanism factors of the SGD-vs-Adam comparison.
 */
import { escapeTime } from '../../src/escape/index.ts'
import { EscapeTimeRequest, EscapeTimeResponse } from '../../src/schemas/escapeTime.ts'
import { getAndPost } from '../http/computeRoute.ts'

export const escapeTimeRoutes = getAndPost(
  '/v1/escape-time',
  {
    summary: 'Escape time of SGD and Adam from a basin',
    description:
      'Leading-order mean escape time 1/(m(W)·Θ(ε⁻¹)) of the SDEs of SGD and Adam under SαS gradient noise (Zhou et al. 2020; spec/theory.md §3.2, §4), in SDE time and in iterations, with exit probabilities (§3.3) and, when both optimizers are given, the geometry / tail-index / learning-rate factors whose product is the iteration ratio (§3.5). d ≤ 256.',
    tags: ['escape'],
    request: EscapeTimeRequest,
    response: EscapeTimeResponse,
  },
  escapeTime,
)
