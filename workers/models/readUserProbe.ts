/**
 * The parts of a multipart `POST /v1/probe`: `model` (an .onnx file, checked against docs/model-contract.md
 * by userModel.ts), `data` (JSON `{"x", "labels"}` as text or a .json/JSON-typed file, otherwise eval.bin
 * bytes) and the optional JSON `options` (the `UserProbeOptions` schema). Missing parts and invalid options
 * are returned as field issues; a model that breaks the contract or an empty data part as an `invalid` failure.
 */
import { parseInput } from '../../src/parse/index.ts'
import { type FieldIssue, invalid, type Result, success } from '../../src/result.ts'
import { UserProbeOptions, type UserProbeOptionsParsed } from '../../src/schemas/index.ts'
import { checkUserModel, type UserModel } from './userModel.ts'

/** A well-formed upload: the checked model, its file, the undecoded data part and the parsed options. */
export interface UserUpload {
  model: UserModel
  bytes: Uint8Array
  dataPart: { json?: string; bytes?: Uint8Array }
  options: UserProbeOptionsParsed
}

/** Reads the upload from the parsed form: the upload, or the field issues of the request (a 400 answer). */
export async function readUserProbe(form: FormData): Promise<Result<UserUpload | { issues: FieldIssue[] }>> {
  const modelPart = form.get('model')
  const dataPart = form.get('data')
  const optionsPart = form.get('options')
  const issues: FieldIssue[] = []
  if (!(modelPart instanceof Blob)) issues.push({ path: 'model', message: 'missing part "model" (an .onnx file)' })
  if (dataPart === null)
    issues.push({ path: 'data', message: 'missing part "data" (JSON {"x", "labels"} or eval.bin bytes)' })
  if (issues.length > 0) return success({ issues })
  let optionsValue: unknown = {}
  if (optionsPart !== null) {
    const text = typeof optionsPart === 'string' ? optionsPart : await (optionsPart as Blob).text()
    try {
      optionsValue = text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      return success({ issues: [{ path: 'options', message: 'the options part must be a JSON object' }] })
    }
  }
  const opts = parseInput(UserProbeOptions, optionsValue, 'options')
  if (!opts.ok) return success({ issues: opts.issues })
  const bytes = new Uint8Array(await (modelPart as Blob).arrayBuffer())
  const model = checkUserModel(bytes)
  if (!model.ok) return model
  let data: { json?: string; bytes?: Uint8Array }
  if (typeof dataPart === 'string') data = { json: dataPart }
  else {
    const blob = dataPart as File
    const isJson = /json/i.test(blob.type) || /\.json$/i.test(blob.name ?? '')
    data = isJson ? { json: await blob.text() } : { bytes: new Uint8Array(await blob.arrayBuffer()) }
  }
  if (data.bytes && data.bytes.length === 0)
    return invalid('The data part is empty.', [{ path: 'data', message: 'empty' }])
  return success({ model: model.value, bytes, dataPart: data, options: opts.value })
}
