/**
 * The calculator application: HTTP conventions (CORS, body limit, problems, 404/405, error guard) and every
 * theory endpoint (docs/api.md). Both entries use it: `app.ts` (full Worker, adds the model and page routes)
 * and `lite.ts` (free-plan build with no ONNX Runtime). Routes are thin: validate, call one core function,
 * shape the answer.
 */
import { Hono } from 'hono'
import type { SimulateLimits } from '../src/simulate/index.ts'
import type { AppEnv } from './env.ts'
import { bodyLimit } from './http/bodyLimit.ts'
import { cors } from './http/cors.ts'
import { type CacheLike, edgeCache } from './http/edgeCache.ts'
import { notFound, onError } from './http/fallbacks.ts'
import { describeRoutes } from './routes/describe.ts'
import { escapeTimeRoutes } from './routes/escapeTime.ts'
import { healthRoutes } from './routes/health.ts'
import { landscapeRoutes } from './routes/landscape.ts'
import { llmsTxtRoutes } from './routes/llmsTxt.ts'
import { simulateRoutes } from './routes/simulate.ts'
import { stablePointsRoutes } from './routes/stablePoints.ts'
import { stableSampleRoutes } from './routes/stableSample.ts'
import { tailIndexRoutes } from './routes/tailIndex.ts'

export interface AppOptions {
  /** Work caps of /v1/simulate (defaults: src/simulate); the lite build lowers them to fit 10 ms of CPU. */
  simulateLimits?: SimulateLimits
  /** Body limit of the JSON endpoints (default 2 MiB); the lite build lowers it, which bounds parsing work. */
  bodyLimitBytes?: number
  /** Most draws per /v1/stable/sample request (default: the schema's 100,000). */
  maxSampleDraws?: number
  /** Largest full Hessian of /v1/escape-time (default: the schema's 256). */
  maxHessianDimension?: number
  /** Serve deterministic answers from the Workers Cache API (http/edgeCache.ts; default true), or from the
   * cache that the function returns (benchmarks). */
  edgeCache?: boolean | (() => CacheLike | undefined)
}

export function createApp(options: AppOptions = {}) {
  const app = new Hono<AppEnv>()
  app.use('*', cors)
  app.use('*', bodyLimit(options.bodyLimitBytes))
  const cache = options.edgeCache ?? true
  if (cache !== false) app.use('/v1/*', cache === true ? edgeCache() : edgeCache(cache))
  app.notFound(notFound(app))
  app.onError(onError)
  app.route('/', describeRoutes(app))
  app.route('/', llmsTxtRoutes(app))
  return app
    .route('/', healthRoutes)
    .route('/', stablePointsRoutes)
    .route('/', stableSampleRoutes(options.maxSampleDraws))
    .route('/', tailIndexRoutes)
    .route('/', escapeTimeRoutes(options.maxHessianDimension))
    .route('/', landscapeRoutes)
    .route('/', simulateRoutes(options.simulateLimits))
}

/** The type of the calculator routes, for hono's typed client (`hc<CalculatorType>`). */
export type CalculatorType = ReturnType<typeof createApp>
