/**
 * The network inputs of a training split as the committed model expects them (docs/model-contract.md): each raw
 * pixel times the record's `inputScale`, then, when the record carries per-feature standardisation
 * (`inputMean`, `inputStd`), (x − mean)/std. Float64, row-major samples × inputDim.
 */
import type { Split } from '../data/dataset.ts'
import type { ModelRecord } from '../onnx/modelRecord.ts'

export function networkInputs(record: ModelRecord, split: Split): Float64Array {
  const d = record.inputDim
  const r = record as ModelRecord & { inputMean?: number[]; inputStd?: number[] }
  const out = new Float64Array(split.n * d)
  for (let i = 0; i < out.length; i++) {
    const j = i % d
    let x = split.x[i] * record.inputScale
    if (r.inputMean && r.inputStd) x = (x - r.inputMean[j]) / r.inputStd[j]
    out[i] = x
  }
  return out
}
