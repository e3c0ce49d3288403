/**
 * The network inputs of a training split as the committed model expects them (docs/model-contract.md): each raw
 * pixel times the record's `inputScale`, then, when the record carries an input standardisation
 * (`inputStandardisation: { mean, std }`, applied by its graphs before the first layer), (x − mean)/std.
 * Float64, row-major samples × inputDim.
 */
import type { Split } from '../data/dataset.ts'
import type { ModelRecord } from '../onnx/modelRecord.ts'

export function networkInputs(record: ModelRecord, split: Split): Float64Array {
  const d = record.inputDim
  const s = (record as ModelRecord & { inputStandardisation?: { mean: number; std: number } }).inputStandardisation
  const mean = s ? s.mean : 0
  const std = s ? s.std : 1
  const out = new Float64Array(split.n * d)
  for (let i = 0; i < out.length; i++) out[i] = (split.x[i] * record.inputScale - mean) / std
  return out
}
