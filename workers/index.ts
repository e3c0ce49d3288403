/**
 * Worker entry: the hono application of the levy-escape HTTP API (spec/api.md).
 */
import { app } from './app.ts'

export default app
