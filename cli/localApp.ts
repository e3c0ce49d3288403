/**
 * The API computed in this process: the calculator app (workers/createApp.ts, without the edge cache) plus
 * `POST /v1/probe` with onnxruntime-web's Node build, so local answers, validation and messages are the
 * Worker's. The bundled models are not in the CLI: probing them needs `--url`.
 */
import type { Ort } from '../workers/ort/loadOrt.ts'

let app: Promise<{ fetch: (request: Request) => Response | Promise<Response> }> | undefined

export function localApp() {
  app ??= (async () => {
    const [{ createApp }, { userProbeRoutes }, { provideOrt }] = await Promise.all([
      import('../workers/createApp.ts'),
      import('../workers/routes/userProbe.ts'),
      import('../workers/ort/loadOrt.ts'),
    ])
    provideOrt(
      import('onnxruntime-web').then((ort) => {
        ort.env.wasm.numThreads = 1
        ort.env.logLevel = 'error'
        return ort as unknown as Ort
      }),
    )
    const a = createApp({ edgeCache: false })
    a.route('/', userProbeRoutes)
    return a
  })()
  return app
}
