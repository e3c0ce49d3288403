/**
 * Options of every ONNX Runtime session the Worker creates (docs/model-contract.md#while-it-runs). The CPU arena
 * (which keeps freed blocks for the session's lifetime and grows in large chunks) and the memory pattern (which
 * pre-plans one block per run from the first run's shapes) are off, so each tensor is freed back to the wasm heap
 * when its last reader has run and the heap peak stays that of the live tensors, the figure the static analysis
 * bounds (src/onnx/analyseGraph.ts). Sequential execution, single thread.
 */
import type { InferenceSession } from 'onnxruntime-web/wasm'

export const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  enableCpuMemArena: false,
  enableMemPattern: false,
  executionMode: 'sequential',
}
