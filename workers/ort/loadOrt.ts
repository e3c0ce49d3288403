/**
 * Lazy access to onnxruntime-web: a dynamic import of the adapter, made only by the model routes.
 * One module instance (and one ORT runtime) per isolate.
 */
import type { ort as OrtNamespace } from './ortWorkerd.ts'

export type Ort = typeof OrtNamespace

let pending: Promise<Ort> | undefined

export function loadOrt(): Promise<Ort> {
  pending ??= import('./ortWorkerd.ts').then((m) => m.initOrt())
  return pending
}
