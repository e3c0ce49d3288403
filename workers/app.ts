/**
 * The hono application. Routes are thin: validate, call one function from `src`, shape the response.
 */
import { Hono } from 'hono'
import { VERSION } from './version.ts'

export type Bindings = { CORS_ORIGINS?: string }

export const app = new Hono<{ Bindings: Bindings }>()

app.get('/healthz', (c) => c.json({ status: 'ok', version: VERSION }))

export type AppType = typeof app
