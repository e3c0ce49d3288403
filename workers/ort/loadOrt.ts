/**
 * Lazy access to onnxruntime-web: a dynamic import of the adapter, made only by the model routes.
 * One module instance (and one ORT runtime) per isolate. Outside workerd (the CLI under Node), `provideOrt`
 * installs onnxruntime-web's own Node loader instead of the workerd adapter.
 */
import type { ort as OrtNamespace } from './ortWorkerd.ts'

export type Ort = typeof OrtNamespace

let pending: Promise<Ort> | undefined

export function loadOrt(): Promise<Ort> {
  pending ??= import('./ortWorkerd.ts').then((m) => m.initOrt())
  return pending
}

/** Uses `ort` for every later `loadOrt()` (Node: `import('onnxruntime-web')`, single-threaded). */
export function provideOrt(ort: Promise<Ort>): void {
  pending = ort
}
