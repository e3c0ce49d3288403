/** Reads a trained-model folder back: the record, θ from params.bin, the eval subset and the graphs. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelRecord } from './modelRecord.ts'

export interface Checkpoint {
  record: ModelRecord
  theta: Float32Array
  evalX: Uint8Array
  evalY: Uint8Array
  forward: Uint8Array
  grad: Uint8Array
}

export function readCheckpoint(dir: string): Checkpoint {
  const record = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as ModelRecord
  const pb = readFileSync(join(dir, record.files.params))
  if (pb.length !== 4 * record.parameters)
    throw new Error(`${dir}: params.bin has ${pb.length} bytes, expected ${4 * record.parameters}`)
  const dv = new DataView(pb.buffer, pb.byteOffset, pb.byteLength)
  const theta = new Float32Array(record.parameters)
  for (let i = 0; i < theta.length; i++) theta[i] = dv.getFloat32(4 * i, true)
  const eb = new Uint8Array(readFileSync(join(dir, record.files.eval)))
  const nx = record.evalSamples * record.inputDim
  if (eb.length !== nx + record.evalSamples)
    throw new Error(`${dir}: eval.bin has ${eb.length} bytes, expected ${nx + record.evalSamples}`)
  return {
    record,
    theta,
    evalX: eb.subarray(0, nx),
    evalY: eb.subarray(nx),
    forward: new Uint8Array(readFileSync(join(dir, record.files.forward))),
    grad: new Uint8Array(readFileSync(join(dir, record.files.grad))),
  }
}
