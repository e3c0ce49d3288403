/**
 * The evaluation data of a probe (docs/model-contract.md "Data"): inputs x (float32, already scaled)
 * and integer labels. Two encodings of the multipart `data` part:
 *  - JSON `{"x": number[][] (n × inputDim), "labels": integer[] (n)}`, when the part's type is JSON or its
 *    file name ends in `.json`;
 *  - binary, the bundled models' `eval.bin` layout: uint8 inputs [n × inputDim] row-major, then uint8
 *    labels [n]; the network input is value × `inputScale` (an option, default 1).
 * Bad data give a Failure naming the problem (400), never a throw.
 */
import type { Result } from '../../src/result.ts'
import { invalid, success } from '../../src/result.ts'

export interface EvalData {
  x: Float32Array
  labels: Uint8Array | Int32Array
  samples: number
}

/** Decodes the bundled `eval.bin` layout. */
export function decodeEvalBin(
  bytes: Uint8Array,
  inputDim: number,
  inputScale: number,
  classes: number,
): Result<EvalData> {
  const n = bytes.length / (inputDim + 1)
  if (!Number.isInteger(n) || n < 1) {
    return invalid(`The binary data has ${bytes.length} bytes, not a multiple of inputDim + 1 = ${inputDim + 1}.`, [
      { path: 'data', message: `expected n·${inputDim} uint8 inputs then n uint8 labels` },
    ])
  }
  const x = new Float32Array(n * inputDim)
  for (let i = 0; i < n * inputDim; i++) x[i] = bytes[i] * inputScale
  const labels = bytes.slice(n * inputDim)
  const bad = labels.findIndex((l) => l >= classes)
  if (bad >= 0)
    return invalid(`Label ${labels[bad]} of sample ${bad} is not below classes = ${classes}.`, [
      { path: `data.labels.${bad}`, message: `must be an integer in [0, ${classes})` },
    ])
  return success({ x, labels, samples: n })
}

/** Decodes the JSON encoding. */
export function decodeEvalJson(text: string, inputDim: number, classes: number): Result<EvalData> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return invalid(`The data part is not valid JSON: ${(e as Error).message.slice(0, 120)}.`, [
      { path: 'data', message: 'malformed JSON' },
    ])
  }
  const v = value as { x?: unknown; labels?: unknown }
  if (!v || !Array.isArray(v.x) || !Array.isArray(v.labels)) {
    return invalid('The JSON data must be {"x": number[][], "labels": integer[]}.', [
      { path: 'data', message: 'expected an object with arrays x and labels' },
    ])
  }
  const n = v.x.length
  if (n < 1 || v.labels.length !== n) {
    return invalid(`x has ${n} rows and labels has ${v.labels.length} entries; they must be equal and at least 1.`, [
      { path: 'data.labels', message: `must have ${n} entries` },
    ])
  }
  const x = new Float32Array(n * inputDim)
  for (let i = 0; i < n; i++) {
    const row = v.x[i] as unknown
    if (
      !Array.isArray(row) ||
      row.length !== inputDim ||
      !row.every((t) => typeof t === 'number' && Number.isFinite(t))
    ) {
      return invalid(`Row ${i} of x must hold ${inputDim} finite numbers (the model's inputDim).`, [
        { path: `data.x.${i}`, message: `must be ${inputDim} finite numbers` },
      ])
    }
    x.set(row as number[], i * inputDim)
  }
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const l = v.labels[i]
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l >= classes) {
      return invalid(`Label ${i} must be an integer in [0, ${classes}).`, [
        { path: `data.labels.${i}`, message: `must be an integer in [0, ${classes})` },
      ])
    }
    labels[i] = l
  }
  return success({ x, labels, samples: n })
}
