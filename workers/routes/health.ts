/** `GET /healthz` (docs/api.md#health): `{"status": "ok", "version": "<package version>"}`. */
import { Hono } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import * as v from 'valibot'
import type { AppEnv } from '../env.ts'
import { noQuery } from '../http/noQuery.ts'
import { VERSION } from '../version.ts'

export const HealthResponse = v.object({ status: v.literal('ok'), version: v.string() })

export const healthRoutes = new Hono<AppEnv>().get(
  '/healthz',
  describeRoute({
    summary: 'Liveness and version',
    tags: ['service'],
    responses: {
      200: { description: 'The service is up.', content: { 'application/json': { schema: resolver(HealthResponse) } } },
    },
  }),
  noQuery,
  (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok' as const, version: VERSION })
  },
)
