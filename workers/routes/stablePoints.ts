/**
 * `GET|POST /v1/stable/pdf`, `/v1/stable/cdf`, `/v1/stable/quantile` (docs/api.md#stable-law
 * ): the SαS(σ) density, distribution function and quantile function at up to 1000 points
 * (docs/theory.md#sas-law; accuracy as documented in src/stable). Each maps one scalar core function.
 */
import { Hono } from 'hono'
import { success } from '../../src/result.ts'
import {
  StableCdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
} from '../../src/schemas/stable.ts'
import { cdf, pdf, quantile } from '../../src/stable/index.ts'
import type { AppEnv } from '../env.ts'
import { getAndPost } from '../http/computeRoute.ts'

const law =
  'SαS(σ) with characteristic function exp(−|σu|^α), β = 0 (scipy: `levy_stable(alpha, 0, scale=σ)`; /docs/theory#sas-law).'

export const stablePointsRoutes = new Hono<AppEnv>()
  .route(
    '/',
    getAndPost(
      '/v1/stable/pdf',
      {
        summary: 'SαS density',
        description: `Density f(x) of ${law}`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StablePdfResponse,
      },
      ({ alpha, scale, x }) => success({ alpha, scale, x, pdf: x.map((xi) => pdf(xi, alpha, scale)) }),
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/cdf',
      {
        summary: 'SαS distribution function',
        description: `P(X ≤ x) of ${law}`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StableCdfResponse,
      },
      ({ alpha, scale, x }) => success({ alpha, scale, x, cdf: x.map((xi) => cdf(xi, alpha, scale)) }),
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/quantile',
      {
        summary: 'SαS quantile function',
        description: `The p-quantile of ${law}`,
        tags: ['stable'],
        request: StableQuantileRequest,
        response: StableQuantileResponse,
      },
      ({ alpha, scale, p }) => success({ alpha, scale, p, quantile: p.map((pi) => quantile(pi, alpha, scale)) }),
    ),
  )
