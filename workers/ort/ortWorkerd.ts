/**
 * The ONLY module of the Worker that imports onnxruntime-web. It is reached through
 * a dynamic `import()` from the model routes only (`loadOrt`), so calculator requests and the `lite`
 * build never load the 14 MB wasm.
 *
 * workerd forbids compiling Wasm from bytes, and ORT's emscripten loader calls
 * `WebAssembly.instantiate(new Uint8Array(wasmBinary), imports)` when `env.wasm.wasmBinary` is set. The
 * shim sets `wasmBinary` to a sentinel and routes that one call to the precompiled module that wrangler
 * made of the `.wasm` import (a `WebAssembly.Module`). Single-threaded, no proxy worker. If an ORT
 * upgrade changes the loader, the first session creation fails and test/workers/models.test.ts fails.
 */

import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm'
import * as ort from 'onnxruntime-web/wasm'

const SENTINEL = new TextEncoder().encode('ort-workerd-precompiled')

const isSentinel = (b: unknown): boolean =>
  b instanceof Uint8Array && b.length === SENTINEL.length && b.every((v, i) => v === SENTINEL[i])

let patched = false

/** Installs the shim once per isolate (idempotent). */
export function initOrt(): typeof ort {
  if (patched) return ort
  patched = true
  const original = WebAssembly.instantiate.bind(WebAssembly) as (m: unknown, i?: unknown) => Promise<unknown>
  ;(WebAssembly as unknown as { instantiate: unknown }).instantiate = async (source: unknown, imports?: unknown) => {
    if (!isSentinel(source)) return original(source, imports)
    return { instance: await original(ortWasm, imports), module: ortWasm }
  }
  ort.env.wasm.wasmBinary = SENTINEL
  ort.env.wasm.numThreads = 1
  ort.env.wasm.proxy = false
  ort.env.logLevel = 'error'
  return ort
}

/** Whether the shim has been installed in this isolate. */
export const ortInitialised = (): boolean => patched

export { ort }
