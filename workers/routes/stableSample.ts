/**
 * `POST /v1/stable/sample` (docs/api.md#stable-law): n SαS(σ) draws by the
 * Chambers–Mallows–Stuck method from the seeded generator (docs/theory.md#cms-sampler); echoes the seed used.
 */
import { createRng } from '../../src/random/index.ts'
import { success, unanswerable } from '../../src/result.ts'
import { MAX_SAMPLES, StableSampleRequest, StableSampleResponse } from '../../src/schemas/index.ts'
import { sample } from '../../src/stable/index.ts'
import { postOnly } from '../http/computeRoute.ts'

/** The route; `maxDraws` below the schema's 100,000 is the lite build's cap (answered 422 above it). */
export const stableSampleRoutes = (maxDraws: number = MAX_SAMPLES) =>
  postOnly(
    '/v1/stable/sample',
    {
      summary: 'Random SαS samples',
      description:
        'n i.i.d. draws of SαS(σ) (Chambers–Mallows–Stuck, /docs/theory#cms-sampler) from the xoshiro128** generator seeded with `seed` (default 1, echoed).',
      tags: ['stable'],
      request: StableSampleRequest,
      response: StableSampleResponse,
    },
    ({ alpha, loc, scale, n, seed }) =>
      n > maxDraws
        ? unanswerable(
            `This deployment draws at most ${maxDraws} samples per request; ask for fewer and repeat with other seeds, or use the full build.`,
            [{ path: 'n', message: `at most ${maxDraws} here` }],
          )
        : success({
            alpha,
            loc,
            scale,
            seed,
            samples: Array.from(sample(alpha, scale, n, createRng(seed)), (s) => loc + s),
            warnings: [],
          }),
  )
