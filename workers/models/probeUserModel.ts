/**
 * The probe of a user's uploaded model (`POST /v1/probe`): decodes the data part, loads the graph without
 * its parameter initializers (θ* is fed explicitly; onnxruntime-web would otherwise freeze them as
 * constants), assembles the `ProbeTarget` (the user's optimizer and learning rate, minibatches of at most 32)
 * and runs it, releasing the session afterwards. Before loading anything, the graph is analysed at the probe's
 * batches (workers/models/analyseUserModel.ts) and its CPU budgeted from its shapes. A graph ONNX Runtime cannot load or run is an `invalid`
 * failure naming the `model` part and docs/model-contract.md.
 */
import type { InferenceSession } from 'onnxruntime-web/wasm'
import { invalid, type Result, success } from '../../src/result.ts'
import type { ProbeOutput } from '../../src/schemas/index.ts'
import { loadOrt } from '../ort/loadOrt.ts'
import { SESSION_OPTIONS } from '../ort/sessionOptions.ts'
import { stripInitializers } from '../ort/stripInitializers.ts'
import { trimOrtMessage } from '../ort/trimOrtMessage.ts'
import { analyseUserModel } from './analyseUserModel.ts'
import { decodeEvalBin, decodeEvalJson } from './evalData.ts'
import type { UserUpload } from './readUserProbe.ts'
import { checkBudget, type ProbeTarget, probeSettings, runProbe } from './runProbe.ts'
import { withoutMeasurements } from './withoutMeasurements.ts'

const errorText = (e: unknown): string => trimOrtMessage(String((e as Error).message ?? e))

/** Probes the uploaded model on its data with the upload's options. */
export async function probeUserModel({ model, bytes, dataPart, options }: UserUpload): Promise<Result<ProbeOutput>> {
  const data =
    dataPart.json !== undefined
      ? decodeEvalJson(dataPart.json, model.inputDim, model.classes)
      : decodeEvalBin(dataPart.bytes as Uint8Array, model.inputDim, options.inputScale, model.classes)
  if (!data.ok) return data
  // every tensor's shape, the live memory and the CPU of one run, known before anything runs
  const plan = analyseUserModel(model, data.value.samples)
  if (!plan.ok) return plan
  const batchSize = Math.min(32, data.value.samples)
  const graph = { runSeconds: plan.value.runSeconds, maxBatch: plan.value.batch }
  const budget = checkBudget(probeSettings(options, batchSize), data.value.samples, model.parameters, undefined, graph)
  if (!budget.ok) return budget
  const ort = await loadOrt()
  const graphOnly = stripInitializers(bytes, new Set(model.layout.map((e) => e.name)))
  if (!graphOnly)
    return invalid('The model part is not a well-formed ONNX protobuf.', [
      { path: 'model', message: 'malformed protobuf' },
    ])
  let session: InferenceSession
  try {
    session = await ort.InferenceSession.create(graphOnly, SESSION_OPTIONS)
  } catch (e) {
    return invalid(`ONNX Runtime could not load the model: ${errorText(e)}`, [
      { path: 'model', message: 'not loadable by onnxruntime-web' },
    ])
  }
  const record = {
    id: 'user',
    architecture: { kind: 'onnx', ops: model.ops, layout: model.layout },
    inputDim: model.inputDim,
    classes: model.classes,
    parameters: model.parameters,
    optimizer: options.optimizer,
    lr: options.lr,
    evalSamples: data.value.samples,
  }
  const target: ProbeTarget = {
    ort,
    session,
    layout: model.layout,
    parameters: model.parameters,
    inputDim: model.inputDim,
    classes: model.classes,
    theta: model.theta,
    data: data.value,
    batchSize,
    optimizers: { [options.optimizer]: { lr: options.lr } },
    record,
    runSeconds: plan.value.runSeconds,
  }
  try {
    const r = await runProbe(target, options)
    return r.ok ? success(withoutMeasurements(r.value)) : r
  } catch (e) {
    return invalid(
      `The model failed when run on the data: ${errorText(e)}. Check that it follows docs/model-contract.md.`,
      [{ path: 'model', message: 'failed at run time' }],
    )
  } finally {
    await session.release().catch(() => undefined)
  }
}
