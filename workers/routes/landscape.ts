/**
 * `GET|POST /v1/landscape` (docs/api.md#landscape; docs/theory.md#landscape): basin-to-basin
 * jump rates of each optimizer on a 1-D landscape of 2..64 basins, mean residence times and stationary weights.
 */
import { landscape } from '../../src/escape/index.ts'
import { LandscapeRequest, LandscapeResponse } from '../../src/schemas/index.ts'
import { getAndPost } from '../http/computeRoute.ts'

export const landscapeRoutes = getAndPost(
  '/v1/landscape',
  {
    summary: 'Where each optimizer spends its time on a 1-D landscape',
    description:
      'Rates per iteration q_ij = η^α ν_L(W_ij) of the jumps that carry the minimum of basin i into basin j (/docs/theory#landscape), the mean residence iterations 1/Σ_j q_ij and the stationary weights of the basin-hopping chain, for SGD and/or Adam.',
    tags: ['escape'],
    request: LandscapeRequest,
    response: LandscapeResponse,
  },
  landscape,
)
