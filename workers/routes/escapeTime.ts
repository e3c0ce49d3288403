/**
 * `GET|POST /v1/escape-time` (docs/api.md#escape-time; docs/theory.md#escape, docs/theory.md#calculator): mean escape times of the
 * SGD and Adam Lévy-driven SDEs from an interval or quadratic basin, exit probabilities and the three
 * mechanism factors of the SGD-vs-Adam comparison.
 */
import { escapeTime } from '../../src/escape/index.ts'
import { unanswerable } from '../../src/result.ts'
import { EscapeTimeRequest, EscapeTimeResponse, MAX_DIMENSION } from '../../src/schemas/index.ts'

import { getAndPost } from '../http/computeRoute.ts'

/** The route; `maxHessianDimension` below 256 is the lite build's cap on full Hessians (422 above it). */
export const escapeTimeRoutes = (maxHessianDimension: number = MAX_DIMENSION) =>
  getAndPost(
    '/v1/escape-time',
    {
      summary: 'Escape time of SGD and Adam from a basin',
      description:
        'Leading-order mean escape time 1/(m(W)·Θ(ε⁻¹)) of the SDEs of SGD and Adam under SαS gradient noise (Zhou et al. 2020; /docs/theory#theorem-1, /docs/theory#calculator), in SDE time and in iterations, with exit probabilities (/docs/theory#exit-location) and, when both optimizers are given, the geometry / tail-index / learning-rate factors whose product is the iteration ratio (/docs/theory#sgd-vs-adam). d ≤ 256.',
      tags: ['escape'],
      request: EscapeTimeRequest,
      response: EscapeTimeResponse,
    },
    (input) => {
      const rows = (input.basin as { hessian?: unknown[] }).hessian
      if (rows && rows.length > maxHessianDimension)
        return unanswerable(
          `This deployment takes a full Hessian up to d = ${maxHessianDimension} (its eigen-decomposition must fit the CPU budget); send \`curvatures\` (the eigenvalues) instead, or use the full build.`,
          [{ path: 'basin.hessian', message: `at most ${maxHessianDimension} rows here` }],
        )
      return escapeTime(input)
    },
  )
