/**
 * `POST /v1/tail-index` (docs/api.md#tail-index; docs/theory.md#tail-index): the log-moment estimate of α with its
 * interval, from 1-D samples or a minibatch × coordinate matrix (at most 250,000 numbers).
 */
import { TailIndexRequest, TailIndexResponse } from '../../src/schemas/index.ts'
import { estimateTailIndex } from '../../src/tail/index.ts'
import { postOnly } from '../http/computeRoute.ts'

export const tailIndexRoutes = postOnly(
  '/v1/tail-index',
  {
    summary: 'Tail index α of heavy-tailed samples',
    description:
      'Log-moment estimator of Mohammadi–Mohammadpour–Ogata (/docs/theory#log-moment-estimator) on 1-D samples, or on a minibatch × coordinate matrix ("pooled", standardised per column, /docs/theory#pooled-estimator, /docs/theory#estimator-caveats; or "vector" on row norms), with a t interval for α. `inverseAlpha ≤ 0` (tiny samples) is a 422 that asks for more samples.',
    tags: ['tail'],
    request: TailIndexRequest,
    response: TailIndexResponse,
  },
  estimateTailIndex,
)
