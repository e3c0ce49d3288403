/**
 * Checks an uploaded ONNX file against the userModel contract (docs/model-contract.md) before any
 * session is created, and extracts what the probe needs: the parameter layout (graph inputs other than
 * x and y, in graph order) and θ* (the initializers named like those inputs). Every violation becomes
 * one issue with a dotted path (`model.inputs.x`, `model.outputs.grad_W1`, `model.nodes.3`, …) so the
 * 400 answer names what is wrong: a missing input or output, a wrong element type or shape, a parameter
 * without its trained value, or an operator outside the supported set. Optional exact curvature: inputs
 * `v_<name>` (same shape as parameter `<name>`) with outputs `hvp_<name>` (the batch-mean Hessian times
 * v), for every parameter or for none; `exactHvp` says whether the model has them.
 */

import { type OnnxModelInfo, type OnnxValueInfo, readOnnxModel, SUPPORTED_OPS } from '../../src/onnx/index.ts'

import type { LayoutEntry } from '../../src/probe/index.ts'
import type { FieldIssue, Result } from '../../src/result.ts'
import { invalid, success } from '../../src/result.ts'

/** Largest parameter count a user model may have (memory of the noise rows and Lanczos basis). */
export const MAX_USER_PARAMETERS = 1_000_000

export interface UserModel {
  layout: LayoutEntry[]
  parameters: number
  inputDim: number
  classes: number
  theta: Float64Array
  ops: string[]
  /** The parsed graph, for the static analysis (workers/models/analyseUserModel.ts). */
  info: OnnxModelInfo
  /** The graph has the optional `v_<name>` inputs and `hvp_<name>` outputs for every parameter. */
  exactHvp: boolean
}

const FLOAT = 1

const shapeText = (s: OnnxValueInfo['shape']) =>
  s ? `[${s.map((d) => (d === null ? '?' : String(d))).join(', ')}]` : 'unknown'

export function checkUserModel(bytes: Uint8Array): Result<UserModel> {
  const info = readOnnxModel(bytes)
  if (typeof info === 'string')
    return invalid(`The model part is not a readable ONNX model: ${info}.`, [{ path: 'model', message: info }])
  const issues: FieldIssue[] = []
  const input = (name: string) => info.inputs.find((i) => i.name === name)
  const output = (name: string) => info.outputs.find((o) => o.name === name)

  const x = input('x')
  const y = input('y')
  let inputDim = 0
  let classes = 0
  if (!x) issues.push({ path: 'model.inputs.x', message: 'missing input "x" (float32 [N, inputDim])' })
  else if (x.elemType !== FLOAT || !x.shape || x.shape.length !== 2 || typeof x.shape[1] !== 'number') {
    issues.push({
      path: 'model.inputs.x',
      message: `input "x" must be float32 [N, inputDim] with a fixed inputDim; got type ${x.elemType}, shape ${shapeText(x.shape)}`,
    })
  } else inputDim = x.shape[1]
  if (!y) issues.push({ path: 'model.inputs.y', message: 'missing input "y" (float32 one-hot labels [N, classes])' })
  else if (
    y.elemType !== FLOAT ||
    !y.shape ||
    y.shape.length !== 2 ||
    typeof y.shape[1] !== 'number' ||
    y.shape[1] < 2
  ) {
    issues.push({
      path: 'model.inputs.y',
      message: `input "y" must be float32 [N, classes] with a fixed classes ≥ 2; got type ${y.elemType}, shape ${shapeText(y.shape)}`,
    })
  } else classes = y.shape[1]

  const names = new Set(info.inputs.map((i) => i.name))
  // v_<p> next to a parameter input <p> is a Hessian-vector-product direction, not a parameter
  const isDirection = (name: string) => name.startsWith('v_') && names.has(name.slice(2))
  const params = info.inputs.filter((i) => i.name !== 'x' && i.name !== 'y' && !isDirection(i.name))
  const directions = info.inputs.filter((i) => isDirection(i.name))
  if (params.length === 0)
    issues.push({
      path: 'model.inputs',
      message:
        'no parameter inputs: every trainable tensor must be a graph input (with its trained value as an initializer of the same name)',
    })
  const layout: LayoutEntry[] = []
  const values: Float32Array[] = []
  let offset = 0
  for (const p of params) {
    const init = info.initializers.find((t) => t.name === p.name)
    const path = `model.inputs.${p.name}`
    if (!init) {
      issues.push({
        path,
        message: `parameter input "${p.name}" has no initializer of the same name holding its trained value`,
      })
      continue
    }
    if (p.elemType !== FLOAT || init.dataType !== FLOAT || !init.values) {
      issues.push({
        path,
        message: `parameter "${p.name}" must be float32 with its data inside the file (not external)`,
      })
      continue
    }
    if (
      p.shape &&
      (p.shape.length !== init.dims.length || p.shape.some((d, k) => typeof d === 'number' && d !== init.dims[k]))
    ) {
      issues.push({
        path,
        message: `parameter "${p.name}" is declared ${shapeText(p.shape)} but its initializer is [${init.dims.join(', ')}]`,
      })
      continue
    }
    const bad = init.values.findIndex((x) => !Number.isFinite(x))
    if (bad >= 0) {
      issues.push({
        path: `model.initializers.${p.name}`,
        message: `the trained value of "${p.name}" holds ${Number.isNaN(init.values[bad]) ? 'NaN' : 'an infinity'} at flat index ${bad}; every parameter must be finite`,
      })
      continue
    }
    layout.push({ name: p.name, shape: init.dims.slice(), offset })
    values.push(init.values)
    offset += init.values.length
    const g = output(`grad_${p.name}`)
    if (!g)
      issues.push({
        path: `model.outputs.grad_${p.name}`,
        message: `missing output "grad_${p.name}" (per-sample gradient [N, ${init.dims.join(', ')}])`,
      })
    else if (
      g.shape &&
      (g.shape.length !== init.dims.length + 1 ||
        g.shape.slice(1).some((d, k) => typeof d === 'number' && d !== init.dims[k]))
    ) {
      issues.push({
        path: `model.outputs.grad_${p.name}`,
        message: `output "grad_${p.name}" must be [N, ${init.dims.join(', ')}]; got ${shapeText(g.shape)}`,
      })
    }
  }
  if (directions.length > 0) {
    for (const e of layout) {
      const vIn = input(`v_${e.name}`)
      const hOut = output(`hvp_${e.name}`)
      const want = `[${e.shape.join(', ')}]`
      if (!vIn)
        issues.push({
          path: `model.inputs.v_${e.name}`,
          message: `missing input "v_${e.name}" (direction ${want}); Hessian-vector-product inputs come for every parameter or for none`,
        })
      else if (
        vIn.elemType !== FLOAT ||
        (vIn.shape &&
          (vIn.shape.length !== e.shape.length || vIn.shape.some((d, k) => typeof d === 'number' && d !== e.shape[k])))
      ) {
        issues.push({
          path: `model.inputs.v_${e.name}`,
          message: `input "v_${e.name}" must be float32 ${want} like "${e.name}"; got type ${vIn.elemType}, shape ${shapeText(vIn.shape)}`,
        })
      }
      if (!hOut)
        issues.push({
          path: `model.outputs.hvp_${e.name}`,
          message: `missing output "hvp_${e.name}" (batch-mean Hessian-vector product ${want}) to go with input "v_${e.name}"`,
        })
      else if (
        hOut.shape &&
        (hOut.shape.length !== e.shape.length || hOut.shape.some((d, k) => typeof d === 'number' && d !== e.shape[k]))
      ) {
        issues.push({
          path: `model.outputs.hvp_${e.name}`,
          message: `output "hvp_${e.name}" must be ${want}; got ${shapeText(hOut.shape)}`,
        })
      }
    }
  }
  const loss = output('loss')
  if (!loss)
    issues.push({ path: 'model.outputs.loss', message: 'missing output "loss" (per-sample cross-entropy [N])' })
  else if (loss.shape && loss.shape.length !== 1)
    issues.push({ path: 'model.outputs.loss', message: `output "loss" must be [N]; got ${shapeText(loss.shape)}` })
  const probs = output('probs')
  if (!probs) issues.push({ path: 'model.outputs.probs', message: 'missing output "probs" ([N, classes])' })
  else if (
    probs.shape &&
    (probs.shape.length !== 2 || (classes > 0 && typeof probs.shape[1] === 'number' && probs.shape[1] !== classes))
  ) {
    issues.push({
      path: 'model.outputs.probs',
      message: `output "probs" must be [N, ${classes || 'classes'}]; got ${shapeText(probs.shape)}`,
    })
  }
  info.ops.forEach((op, k) => {
    if ((op.domain !== '' && op.domain !== 'ai.onnx') || !SUPPORTED_OPS.has(op.opType)) {
      issues.push({
        path: `model.nodes.${k}`,
        message: `unsupported op ${op.domain ? `${op.domain}.` : ''}${op.opType}`,
      })
    }
  })
  if (!info.opsets.some((o) => (o.domain === '' || o.domain === 'ai.onnx') && o.version >= 7)) {
    issues.push({
      path: 'model.opset_import',
      message: 'the model must import the default ONNX domain at opset ≥ 7 (13 recommended)',
    })
  }
  if (offset > MAX_USER_PARAMETERS)
    issues.push({ path: 'model.inputs', message: `${offset} parameters; at most ${MAX_USER_PARAMETERS} are accepted` })
  if (issues.length > 0)
    return invalid(
      `The model breaks the model contract (docs/model-contract.md): ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
      issues,
    )
  const theta = new Float64Array(offset)
  layout.forEach((e, k) => theta.set(values[k], e.offset))
  return success({
    layout,
    parameters: offset,
    inputDim,
    classes,
    theta,
    ops: [...new Set(info.ops.map((o) => o.opType))].sort(),
    info,
    exactHvp: directions.length > 0,
  })
}
