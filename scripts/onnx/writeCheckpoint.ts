/**
 * Writes a trained-model folder (trained-model contract): forward.onnx, grad.onnx (exportMlp.ts, with
 * the input standardisation of `meta.inputStandardisation` baked in),
 * params.bin (θ as float32 little-endian in layout order), eval.bin (uint8 inputs [n × inputDim]
 * row-major, then uint8 labels [n]) and record.json. Returns the record.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportMlp } from './exportMlp.ts'
import { layoutSize } from './mlpLayout.ts'
import type { CheckpointMeta, ModelRecord } from './modelRecord.ts'

export const FILES = { forward: 'forward.onnx', grad: 'grad.onnx', params: 'params.bin', eval: 'eval.bin' } as const

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/** Little-endian float32 bytes of θ (explicit DataView so the file does not depend on host order). */
export function float32LeBytes(theta: Float32Array): Uint8Array {
  const out = new Uint8Array(theta.length * 4)
  const dv = new DataView(out.buffer)
  theta.forEach((v, i) => dv.setFloat32(4 * i, v, true))
  return out
}

export function evalBytes(x: Uint8Array, y: Uint8Array): Uint8Array {
  const out = new Uint8Array(x.length + y.length)
  out.set(x, 0)
  out.set(y, x.length)
  return out
}

export function writeCheckpoint(
  dir: string,
  meta: CheckpointMeta,
  theta: Float32Array,
  evalSet: { x: Uint8Array; y: Uint8Array; n: number },
): ModelRecord {
  const {
    layers,
    packageVersion: pv,
    id,
    dataset,
    optimizer,
    lr,
    batchSize,
    epochs,
    seed,
    trainAccuracy,
    testAccuracy,
    trainLoss,
    testLoss,
    inputScale,
    inputStandardisation,
    dataChecksum,
    history,
    ...rest
  } = meta
  const version = pv ?? packageVersion()
  const ex = exportMlp(layers, theta, version, inputStandardisation)
  const inputDim = layers[0]
  const classes = layers[layers.length - 1]
  if (evalSet.x.length !== evalSet.n * inputDim || evalSet.y.length !== evalSet.n) {
    throw new Error(`writeCheckpoint: eval set must be ${evalSet.n} × ${inputDim} inputs and ${evalSet.n} labels`)
  }
  // contract fields first, in the contract's order; additions (trainSamples, noise, …) after them
  const record: ModelRecord = {
    id,
    dataset,
    optimizer,
    architecture: { kind: 'mlp', layers: [...layers], activation: 'relu' },
    inputDim,
    classes,
    parameters: layoutSize(ex.layout),
    layout: ex.layout,
    lr,
    batchSize,
    epochs,
    seed,
    trainAccuracy,
    testAccuracy,
    trainLoss,
    testLoss,
    evalSamples: evalSet.n,
    inputScale,
    ...(inputStandardisation ? { inputStandardisation } : {}),
    dataChecksum,
    history,
    packageVersion: version,
    files: { ...FILES },
    ...rest,
  }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, FILES.forward), ex.forward)
  writeFileSync(join(dir, FILES.grad), ex.grad)
  writeFileSync(join(dir, FILES.params), float32LeBytes(theta))
  writeFileSync(join(dir, FILES.eval), evalBytes(evalSet.x, evalSet.y))
  writeFileSync(join(dir, 'record.json'), `${JSON.stringify(record, null, 2)}\n`)
  return record
}
