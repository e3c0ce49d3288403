/**
 * The trained models bundled into the Worker (trained-model contract, folders `models/<id>/` written by
 * `npm run train`): record.json plus grad.onnx, params.bin and eval.bin imported as Data modules
 * (wrangler.toml `[[rules]]`). forward.onnx is not bundled: the probes run grad.onnx only.
 * The list is empty until the training scripts' checkpoints are committed.
 */
import type { BundledModel } from './modelRecord.ts'

export const BUNDLED_MODELS: BundledModel[] = []
