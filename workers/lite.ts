/**
 * Worker entry of the calculator-only build (`wrangler deploy --env lite`, free plan): every theory
 * endpoint and the pages, no model routes, so no ONNX Runtime in the bundle (≤ 1 MiB raw, checked by
 * scripts/liteSize.ts and its test). The free plan allows 10 ms of CPU per request, so the simulator's work
 * cap is lowered to 50,000 noise draws (about 5 ms in workerd, bench/results/api.md); larger runs are
 * right-censored by the cap, which the answer reports (`iterationCap`, warnings), or need the full build.
 */
import { createApp } from './createApp.ts'
import { pagesRoutes } from './pages/pagesRoutes.ts'

/** Simulator work caps of the lite build. */
export const LITE_SIMULATE_LIMITS = { maxNoiseDraws: 50_000, maxHessianMultiplyAdds: 10_000_000 }

const app = createApp({ simulateLimits: LITE_SIMULATE_LIMITS })
app.route('/', pagesRoutes)

export default app
