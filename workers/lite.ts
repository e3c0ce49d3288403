/**
 * Worker entry of the calculator-only build (`wrangler deploy --env lite`, free plan): every theory
 * endpoint and the pages, no model routes, so no ONNX Runtime in the bundle (≤ 1 MiB raw, checked by
 * scripts/liteSize.ts and its test). The free plan allows 10 ms of CPU per request, so the simulator's work
 * cap is lowered to 50,000 noise draws (about 5 ms in workerd, bench/results/api.md); larger runs are
 * right-censored by the cap, which the answer reports (`iterationCap`, warnings), or need the full build.
 * For the same reason JSON bodies are limited to 256 KiB (about 3·10^4 tail samples), a full Hessian to
 * d = 128 and /v1/stable/sample to 20,000 draws (422 above, with what to do instead).
 */
import { createApp } from './createApp.ts'
import { pagesRoutes } from './pages/pagesRoutes.ts'

/** Simulator work caps of the lite build. */
export const LITE_SIMULATE_LIMITS = { maxNoiseDraws: 50_000, maxHessianMultiplyAdds: 10_000_000 }
/** Body limit of the lite build: bounds JSON parsing and the largest matrices and sample sets (about 10 ms). */
export const LITE_BODY_LIMIT = 256 * 1024
/** Most draws per /v1/stable/sample request in the lite build (the response is serialised JSON). */
export const LITE_MAX_SAMPLE_DRAWS = 20_000
/** Largest full Hessian of /v1/escape-time in the lite build (diagonal `curvatures` keep d ≤ 256). */
export const LITE_MAX_HESSIAN_DIMENSION = 128

/** The options of the lite app (also used by the CPU bench). */
export const LITE_OPTIONS = {
  simulateLimits: LITE_SIMULATE_LIMITS,
  bodyLimitBytes: LITE_BODY_LIMIT,
  maxSampleDraws: LITE_MAX_SAMPLE_DRAWS,
  maxHessianDimension: LITE_MAX_HESSIAN_DIMENSION,
}

const app = createApp(LITE_OPTIONS)
app.route('/', pagesRoutes)

export default app
