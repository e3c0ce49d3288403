/**
 * Converts a tfjs layers model (model.json + weight shards, as written by `model.save('file://…')` or
 * `tfjs.converters`) into a user model that follows docs/model-contract.md, for `POST /v1/probe`.
 *
 * Supported: a Sequential stack of Dense layers (ReLU hidden layers; softmax — or linear logits — at
 * the output; with or without bias), optionally with InputLayer, Flatten and Dropout (identity at
 * inference). Anything else is refused with the layer's name and what is unsupported. The output is
 * the per-sample gradient graph of scripts/onnx/exportMlp.ts (`gradGraph`: inputs x, y, W1, b1, …;
 * outputs loss, probs, grad_<name>) with every parameter input also stored as an initializer of the
 * same name holding the trained value θ* (ONNX: an initializer named like a graph input is that input's
 * default). The script ends with a check: the written file is decoded again, run by onnxruntime-web and
 * compared with `model.predict` on random inputs.
 *
 * Usage: npx tsx scripts/convertTfjs.ts --model path/to/model.json --out model.onnx
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { gradGraph } from './onnx/exportMlp.ts'
import { layoutSize, mlpLayout } from './onnx/mlpLayout.ts'
import { floatInit, onnx } from './onnx/onnxBuilders.ts'

export interface ConvertedMlp {
  layers: number[]
  /** θ* in the contract's layout order (W1 [in,out], b1, W2, …). */
  theta: Float32Array
}

interface DenseConfig {
  units: number
  activation?: string
  useBias?: boolean
}

/** Extracts the MLP from a tfjs layers model; throws naming the first unsupported layer. */
export function layersModelToMlp(model: tf.LayersModel): ConvertedMlp {
  const dense = model.layers.filter((l) => {
    const kind = l.getClassName()
    if (kind === 'Dense') return true
    if (kind === 'InputLayer' || kind === 'Dropout' || kind === 'Flatten') return false
    throw new Error(
      `layer "${l.name}" is a ${kind}: only Dense (plus InputLayer, Flatten, Dropout) layers can be converted`,
    )
  })
  if (dense.length === 0) throw new Error('the model has no Dense layer')
  const inputShape = model.inputs[0].shape
  if (inputShape.length !== 2 || typeof inputShape[1] !== 'number') {
    throw new Error(`the model input must be flat [batch, features]; got [${inputShape.join(', ')}]`)
  }
  const layers = [inputShape[1] as number]
  const parts: Float32Array[] = []
  dense.forEach((l, k) => {
    const cfg = l.getConfig() as unknown as DenseConfig
    const last = k === dense.length - 1
    const act = cfg.activation ?? 'linear'
    if (!last && act !== 'relu')
      throw new Error(`hidden layer "${l.name}" has activation ${act}: only relu is supported`)
    if (last && act !== 'softmax' && act !== 'linear')
      throw new Error(`output layer "${l.name}" has activation ${act}: use softmax (or linear logits)`)
    const w = l.getWeights()
    const kernel = w[0]
    if (kernel.shape.length !== 2 || kernel.shape[0] !== layers[layers.length - 1]) {
      throw new Error(
        `layer "${l.name}" kernel has shape [${kernel.shape.join(', ')}], expected [${layers[layers.length - 1]}, units]`,
      )
    }
    const units = kernel.shape[1] as number
    parts.push(Float32Array.from(kernel.dataSync()))
    parts.push(cfg.useBias === false || w.length < 2 ? new Float32Array(units) : Float32Array.from(w[1].dataSync()))
    layers.push(units)
  })
  if (layers[layers.length - 1] < 2) throw new Error('the output layer must have at least 2 classes')
  const theta = new Float32Array(layoutSize(mlpLayout(layers)))
  let o = 0
  for (const p of parts) {
    theta.set(p, o)
    o += p.length
  }
  return { layers, theta }
}

/** The user-contract ONNX bytes: gradGraph(layers) plus θ* initializers named like the parameter inputs. */
export function userModelOnnx(layers: readonly number[], theta: Float32Array, producerVersion = '0'): Uint8Array {
  const layout = mlpLayout(layers)
  if (theta.length !== layoutSize(layout))
    throw new Error(`θ has ${theta.length} values; the layout needs ${layoutSize(layout)}`)
  const model = onnx.ModelProto.decode(gradGraph(layers, producerVersion))
  const graph = model.graph as InstanceType<typeof onnx.GraphProto>
  for (const e of layout) {
    graph.initializer.push(
      floatInit(e.name, e.shape, theta.subarray(e.offset, e.offset + e.shape.reduce((a, b) => a * b, 1))),
    )
  }
  graph.docString = `User model (docs/model-contract.md): MLP ${layers.join('-')} converted from tfjs; parameter inputs default to θ*.`
  return onnx.ModelProto.encode(model).finish()
}

/** Loads a tfjs layers model from model.json and its weight shards on disk (no network, no tfjs-node). */
export async function loadLayersModelFromFile(modelJson: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(modelJson, 'utf8')) as {
    modelTopology: object
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[]
  }
  const specs: tf.io.WeightsManifestEntry[] = []
  const buffers: Uint8Array[] = []
  for (const group of json.weightsManifest) {
    specs.push(...group.weights)
    for (const p of group.paths) buffers.push(readFileSync(join(dirname(modelJson), p)))
  }
  const total = buffers.reduce((a, b) => a + b.length, 0)
  const data = new Uint8Array(total)
  let o = 0
  for (const b of buffers) {
    data.set(b, o)
    o += b.length
  }
  return tf.loadLayersModel(tf.io.fromMemory(json.modelTopology, specs, data.buffer))
}

/** Saves a tfjs layers model as model.json + weights.bin in `dir` (the format `loadLayersModelFromFile` reads). */
export async function saveLayersModelToDir(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer))
      writeFileSync(
        join(dir, 'model.json'),
        JSON.stringify({
          format: 'layers-model',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
        }),
      )
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }
    }),
  )
}

/** Converts, writes, and checks the file against model.predict; returns the largest |Δprob|. */
export async function convertTfjs(
  model: tf.LayersModel,
  out: string,
): Promise<{ layers: number[]; maxProbError: number; bytes: number }> {
  const { layers, theta } = layersModelToMlp(model)
  const bytes = userModelOnnx(layers, theta)
  writeFileSync(out, bytes)
  const ort = await import('onnxruntime-web')
  ort.env.wasm.numThreads = 1
  ort.env.logLevel = 'error'
  const session = await ort.InferenceSession.create(readFileSync(out))
  const n = 16
  const D = layers[0]
  const C = layers[layers.length - 1]
  const x = Float32Array.from({ length: n * D }, (_, i) => Math.abs(Math.sin(i * 12.9898)) * 1.0)
  const y = new Float32Array(n * C)
  for (let i = 0; i < n; i++) y[i * C + (i % C)] = 1
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
    x: new ort.Tensor('float32', x, [n, D]),
    y: new ort.Tensor('float32', y, [n, C]),
  }
  // the Hessian-vector-product directions must be fed even though only probs are fetched
  for (const e of mlpLayout(layers))
    feeds[`v_${e.name}`] = new ort.Tensor('float32', new Float32Array(layoutSize([e])), e.shape)
  const res = await session.run(feeds, ['probs'])
  const probs = res.probs.data as Float32Array
  const pred = model.predict(tf.tensor2d(x, [n, D])) as tf.Tensor
  let ref = await pred.data()
  const lastAct = (model.layers[model.layers.length - 1].getConfig() as unknown as DenseConfig).activation
  if (lastAct === 'linear') ref = (tf.softmax(pred) as tf.Tensor).dataSync()
  let maxProbError = 0
  for (let i = 0; i < probs.length; i++) maxProbError = Math.max(maxProbError, Math.abs(probs[i] - ref[i]))
  if (!(maxProbError < 1e-5)) throw new Error(`check failed: ONNX probs differ from model.predict by ${maxProbError}`)
  return { layers, maxProbError, bytes: bytes.length }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const get = (k: string) => {
    const i = args.indexOf(k)
    return i >= 0 ? args[i + 1] : undefined
  }
  const modelPath = get('--model')
  const out = get('--out')
  if (!modelPath || !out) {
    console.error('usage: npx tsx scripts/convertTfjs.ts --model path/to/model.json --out model.onnx')
    process.exit(2)
  }
  await tf.setBackend('cpu')
  const model = await loadLayersModelFromFile(modelPath)
  console.log(`loaded ${modelPath}: ${model.layers.map((l) => l.getClassName()).join(' → ')}`)
  const r = await convertTfjs(model, out)
  console.log(
    `wrote ${out} (${r.bytes} bytes), MLP ${r.layers.join('-')}; check: max |Δprob| vs model.predict = ${r.maxProbError.toExponential(2)}`,
  )
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
