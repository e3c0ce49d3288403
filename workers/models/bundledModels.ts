/**
 * The bundled models of the full Worker and their per-isolate caches: the registry (imported on first use),
 * one ONNX Runtime session per model and θ* with the evaluation set decoded once, assembled into the
 * `ProbeTarget` that runProbe.ts measures.
 */
import type { InferenceSession } from 'onnxruntime-web/wasm'
import { loadOrt, type Ort } from '../ort/loadOrt.ts'
import { SESSION_OPTIONS } from '../ort/sessionOptions.ts'
import { decodeEvalBin, type EvalData } from './evalData.ts'
import { type BundledModel, modelDetail } from './modelRecord.ts'
import type { ProbeTarget } from './runProbe.ts'

let registry: Promise<Map<string, BundledModel>> | undefined
const sessions = new Map<string, Promise<InferenceSession>>()
const decoded = new Map<string, { theta: Float64Array; data: EvalData }>()

/**
 * The bundled models by id. Their files are imported on first use: a dynamic import keeps them out of
 * module start-up and out of Node tooling that loads the app.
 */
export function bundledModels(): Promise<Map<string, BundledModel>> {
  registry ??= import('./bundled.ts').then((m) => new Map(m.BUNDLED_MODELS.map((b) => [b.record.id, b])))
  return registry
}

/** The session of a bundled model: created once per isolate (a failed creation is retried next time). */
function bundledSession(ort: Ort, m: BundledModel): Promise<InferenceSession> {
  let s = sessions.get(m.record.id)
  if (!s) {
    s = ort.InferenceSession.create(new Uint8Array(m.grad), SESSION_OPTIONS)
    s.catch(() => sessions.delete(m.record.id))
    sessions.set(m.record.id, s)
  }
  return s
}

/** θ* (float32 little-endian in params.bin) and the evaluation set of a bundled model, decoded once per isolate. */
function bundledData(m: BundledModel): { theta: Float64Array; data: EvalData } {
  let t = decoded.get(m.record.id)
  if (!t) {
    const r = m.record
    const dv = new DataView(m.params)
    const theta = new Float64Array(r.parameters)
    for (let i = 0; i < theta.length; i++) theta[i] = dv.getFloat32(4 * i, true)
    const data = decodeEvalBin(new Uint8Array(m.eval), r.inputDim, r.inputScale, r.classes)
    if (!data.ok) throw new Error(`bundled model ${r.id}: ${data.detail}`)
    t = { theta, data: data.value }
    decoded.set(r.id, t)
  }
  return t
}

/** What runProbe.ts needs to probe bundled model `m`, predicting the escape of `optimizers`. */
export async function bundledTarget(m: BundledModel, optimizers: ProbeTarget['optimizers']): Promise<ProbeTarget> {
  const ort = await loadOrt()
  const session = await bundledSession(ort, m)
  const r = m.record
  const { theta, data } = bundledData(m)
  return {
    ort,
    session,
    layout: r.layout,
    parameters: r.parameters,
    inputDim: r.inputDim,
    classes: r.classes,
    theta,
    data,
    batchSize: r.batchSize,
    optimizers,
    record: modelDetail(r),
  }
}
