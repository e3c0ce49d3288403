/**
 * Worker entry: the hono application of the levy-escape HTTP API (docs/api.md).
 */
import { app } from './app.ts'

export default app
