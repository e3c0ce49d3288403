/**
 * The full Worker application: the calculator (createApp.ts) plus the routes of the model and page modules,
 * each registered with one line below (`app.route('/', xRoutes)`).
 */
import { createApp } from './createApp.ts'
import modelExamples from './docs/generated/modelExamples.json'
import { addRecordedExamples, type RecordedExamples } from './docs/recordedExamples.ts'
import { pagesRoutes } from './pages/pagesRoutes.ts'
import { compareRoutes } from './routes/compare.ts'
import { mcpRoutes } from './routes/mcp.ts'
import { modelsRoutes } from './routes/models.ts'
import { userProbeRoutes } from './routes/userProbe.ts'

export type { AppEnv, Bindings } from './env.ts'

// the OpenAPI examples of the routes below (the calculator's are bundled with every build)
addRecordedExamples(modelExamples as RecordedExamples)

export const app = createApp()
app.route('/', pagesRoutes)
app.route('/', modelsRoutes)
app.route('/', compareRoutes)
app.route('/', userProbeRoutes)
app.route('/', mcpRoutes(app))

export type AppType = typeof app
