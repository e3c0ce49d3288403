/**
 * `GET|POST /v1/stable/pdf`, `/logpdf`, `/cdf`, `/sf`, `/quantile` (docs/theory.md#sas-law): the SαS(σ) law
 * shifted by `loc` at up to 1000 points, scipy's names and parameters (docs/theory.md#scipy-mapping:
 * `levy_stable(alpha, 0, loc, scale)`; `ppf` is `quantile`). Each maps one scalar core function of
 * src/stable (accuracy documented there). `sf` is computed directly, so it keeps its relative accuracy where
 * `cdf` rounds to 1; `logpdf` stays finite where `pdf` underflows to 0; both cases are pointed out by an
 * "info" warning on the other endpoint.
 */
import { Hono } from 'hono'
import { success } from '../../src/result.ts'
import {
  StableCdfResponse,
  StableLogPdfResponse,
  StablePdfResponse,
  StablePointsRequest,
  StableQuantileRequest,
  StableQuantileResponse,
  StableSfResponse,
  type WarningOutput,
  warning,
} from '../../src/schemas/index.ts'

import { cdf, logpdf, pdf, quantile, sf } from '../../src/stable/index.ts'
import type { AppEnv } from '../env.ts'
import { getAndPost } from '../http/computeRoute.ts'

const law =
  'SαS(σ) shifted by μ = `loc`: characteristic function exp(iμu − |σu|^α), β = 0 (scipy: `levy_stable(alpha, 0, loc=μ, scale=σ)`; /docs/theory#scipy-mapping).'

/** The first point where a value is degenerate, as an "info" warning (or none). */
function firstWhere(x: number[], bad: (i: number) => boolean, make: (xi: number, count: number) => WarningOutput) {
  let first = -1
  let count = 0
  for (let i = 0; i < x.length; i++) {
    if (!bad(i)) continue
    if (first < 0) first = i
    count++
  }
  return first < 0 ? [] : [make(x[first], count)]
}

const points = (x: number[]) => (count: number) => (count === 1 ? '1 point' : `${count} of ${x.length} points`)

export const stablePointsRoutes = new Hono<AppEnv>()
  .route(
    '/',
    getAndPost(
      '/v1/stable/pdf',
      {
        summary: 'SαS density',
        description: `Density f(x) of ${law} scipy: \`pdf\`.`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StablePdfResponse,
      },
      ({ alpha, loc, scale, x }) => {
        const values = x.map((xi) => pdf(xi - loc, alpha, scale))
        const warnings = firstWhere(
          x,
          (i) => values[i] < 1e-300,
          (xi, n) =>
            warning(
              'pdf-underflow',
              `The density underflows below 1e-300 at ${points(x)(n)} (first x = ${xi}); /v1/stable/logpdf gives its logarithm there.`,
            ),
        )
        return success({ alpha, loc, scale, x, pdf: values, warnings })
      },
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/logpdf',
      {
        summary: 'SαS log-density',
        description: `log f(x) of ${law} Finite far in the tails, where the density itself underflows to 0. scipy: \`logpdf\`.`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StableLogPdfResponse,
      },
      ({ alpha, loc, scale, x }) =>
        success({ alpha, loc, scale, x, logpdf: x.map((xi) => logpdf(xi - loc, alpha, scale)), warnings: [] }),
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/cdf',
      {
        summary: 'SαS distribution function',
        description: `P(X ≤ x) of ${law} scipy: \`cdf\`.`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StableCdfResponse,
      },
      ({ alpha, loc, scale, x }) => {
        const values = x.map((xi) => cdf(xi - loc, alpha, scale))
        const warnings = firstWhere(
          x,
          (i) => values[i] === 1 && sf(x[i] - loc, alpha, scale) > 0,
          (xi, n) =>
            warning(
              'cdf-saturated',
              `The distribution function rounds to 1 at ${points(x)(n)} (first x = ${xi}); /v1/stable/sf gives the upper tail P(X > x) there with full relative accuracy.`,
            ),
        )
        return success({ alpha, loc, scale, x, cdf: values, warnings })
      },
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/sf',
      {
        summary: 'SαS upper tail (survival function)',
        description: `P(X > x) of ${law} Computed directly (never as 1 − cdf), so it keeps its relative accuracy far in the tail. scipy: \`sf\`.`,
        tags: ['stable'],
        request: StablePointsRequest,
        response: StableSfResponse,
      },
      ({ alpha, loc, scale, x }) =>
        success({ alpha, loc, scale, x, sf: x.map((xi) => sf(xi - loc, alpha, scale)), warnings: [] }),
    ),
  )
  .route(
    '/',
    getAndPost(
      '/v1/stable/quantile',
      {
        summary: 'SαS quantile function',
        description: `The p-quantile of ${law} scipy: \`ppf\`.`,
        tags: ['stable'],
        request: StableQuantileRequest,
        response: StableQuantileResponse,
      },
      ({ alpha, loc, scale, p }) =>
        success({ alpha, loc, scale, p, quantile: p.map((pi) => loc + quantile(pi, alpha, scale)), warnings: [] }),
    ),
  )
