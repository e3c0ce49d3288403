/**
 * Builds the calculator-only Worker (`wrangler deploy --dry-run --env lite`, minified by wrangler.toml's
 * `minify = true`, so exactly what a deploy uploads) and checks its size:
 * at most 1 MiB raw (the free plan's budget) and no ONNX Runtime inside. `npm run build:lite`
 * runs it; test/api/liteBundle.test.ts calls `buildLite` and asserts the same limits.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const LITE_LIMIT_BYTES = 1024 * 1024

export interface LiteBundle {
  bytes: number
  gzipBytes: number
  hasOnnxRuntime: boolean
  hasZod: boolean
}

export function buildLite(): LiteBundle {
  const out = mkdtempSync(join(tmpdir(), 'levy-lite-'))
  try {
    execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--env', 'lite', '--outdir', out], {
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    })
    const files = readdirSync(out).filter((f) => f.endsWith('.js') || f.endsWith('.wasm') || f.endsWith('.mjs'))
    let bytes = 0
    let gzipBytes = 0
    let text = ''
    for (const f of files) {
      const buf = readFileSync(join(out, f))
      bytes += buf.length
      gzipBytes += gzipSync(buf, { level: 9 }).length
      if (f.endsWith('.js') || f.endsWith('.mjs')) text += buf.toString('utf8')
    }
    return {
      bytes,
      gzipBytes,
      hasOnnxRuntime:
        /ort-wasm|InferenceSession|onnxruntime-web\//.test(text) || files.some((f) => f.endsWith('.wasm')),
      hasZod: /ZodType|\$ZodType/.test(text),
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const b = buildLite()
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  console.log(
    `\nlite bundle: ${kib(b.bytes)} raw, ${kib(b.gzipBytes)} gzip; ONNX Runtime inside: ${b.hasOnnxRuntime}; zod inside: ${b.hasZod}`,
  )
  if (b.bytes > LITE_LIMIT_BYTES || b.hasOnnxRuntime) {
    console.error(`FAIL: the lite bundle must be <= ${kib(LITE_LIMIT_BYTES)} raw with no ONNX Runtime`)
    process.exit(1)
  }
}
