/**
 * `npm run docs:examples`: sends every example request of workers/docs/exampleRequests.ts to a running
 * Worker (`wrangler dev` on 127.0.0.1, port EXAMPLES_PORT or 8805) and writes the answers into
 * workers/docs/generated/examples.json (calculator operations) and modelExamples.json (model routes), from which
 * the OpenAPI document and `/docs` take their examples (workers/docs/recordedExamples.ts).
 * Then it checks what it wrote: every recorded answer is a 200 and re-reads as the same JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXAMPLE_REQUESTS, exampleHeaders, exampleKey, exampleUrl } from '../../workers/docs/exampleRequests.ts'
import { isModelPath } from '../../workers/docs/recordedExamples.ts'
import { startDev } from '../devServer.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
export const EXAMPLES_FILE = join(root, 'workers/docs/generated/examples.json')
export const MODEL_EXAMPLES_FILE = join(root, 'workers/docs/generated/modelExamples.json')

const port = Number(process.env.EXAMPLES_PORT ?? 8805)
const dev = await startDev(port)
const out: Record<string, { status: number; response: unknown }> = {}
try {
  for (const e of EXAMPLE_REQUESTS) {
    const res = await fetch(`${dev.baseUrl}${exampleUrl(e)}`, {
      method: e.method.toUpperCase(),
      ...(e.body === undefined ? {} : { headers: exampleHeaders(e), body: JSON.stringify(e.body) }),
    })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`${exampleKey(e)} answered ${res.status}: ${text}`)
    out[exampleKey(e)] = { status: res.status, response: JSON.parse(text) }
    console.log(`${exampleKey(e)}: ${text.length} bytes`)
  }
} finally {
  await dev.stop()
}
// two files: the calculator's answers (every build) and the model routes' (full build only)
const byPath = (model: boolean) =>
  Object.fromEntries(
    EXAMPLE_REQUESTS.filter((e) => isModelPath(e.path) === model).map((e) => [exampleKey(e), out[exampleKey(e)]]),
  )
for (const [file, part] of [
  [EXAMPLES_FILE, byPath(false)],
  [MODEL_EXAMPLES_FILE, byPath(true)],
] as const) {
  writeFileSync(file, `${JSON.stringify(part, null, 1)}\n`)
  const back = JSON.parse(readFileSync(file, 'utf8'))
  if (JSON.stringify(back) !== JSON.stringify(part)) throw new Error(`${file} does not read back`)
  console.log(`wrote ${file} (${Object.keys(part).length} operations)`)
}
