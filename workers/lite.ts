/**
 * Worker entry of the calculator-only build (`wrangler deploy --env lite`, free plan): every theory
 * endpoint, no model routes, so no ONNX Runtime in the bundle (≤ 1 MiB raw, checked by a test).
 */
import { createApp } from './createApp.ts'

export default createApp()
