/**
 * The full Worker application: the calculator (createApp.ts) plus the routes of the model and page modules,
 * each registered with one line below (`app.route('/', xRoutes)`).
 */
import { createApp } from './createApp.ts'
import { pagesRoutes } from './pages/pagesRoutes.ts'
import { modelsRoutes } from './routes/models.ts'

export type { AppEnv, Bindings } from './env.ts'

export const app = createApp()
app.route('/', pagesRoutes)
app.route('/', modelsRoutes)

export type AppType = typeof app
