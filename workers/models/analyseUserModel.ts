/**
 * The static analysis of an uploaded model for the batches the probe will run
 * (docs/model-contract.md#static-analysis): the graph is analysed (src/onnx/analyseGraph.ts) with
 * x = [N, inputDim], y = [N, classes] and the parameters at their shapes, for N the largest batch the
 * probe uses (min(evaluation samples, the oracle's memory-bound batch)) — refused with a 400 naming the
 * node when a tensor, the live memory or the node count is over its cap — and once more for N = 1. The two
 * cost estimates give the CPU of one run as fixed + perSample·n (a graph may do work that does not
 * scale with the batch, such as an expanded parameter).
 */
import { analyseGraph, GRAPH_LIMITS, type GraphLimits, type GraphWork, graphSeconds } from '../../src/onnx/index.ts'

import type { Result } from '../../src/result.ts'
import { success } from '../../src/result.ts'
import { maxOracleBatch } from '../ort/onnxOracle.ts'
import type { UserModel } from './userModel.ts'

export interface RunSeconds {
  /** Seconds of one run that do not depend on the batch. */
  fixed: number
  /** Seconds per sample of the batch. */
  perSample: number
}

export interface UserGraphPlan {
  /** The largest batch of one run. */
  batch: number
  runSeconds: RunSeconds
  /** The work of one run at `batch`. */
  work: GraphWork
}

const FLOAT = 1

export function analyseUserModel(
  model: UserModel,
  samples: number,
  limits: GraphLimits = GRAPH_LIMITS,
): Result<UserGraphPlan> {
  const batch = Math.max(1, Math.min(samples, maxOracleBatch(model.parameters)))
  const inputs = (n: number) => {
    const shapes: Record<string, { shape: number[]; type: number }> = {
      x: { shape: [n, model.inputDim], type: FLOAT },
      y: { shape: [n, model.classes], type: FLOAT },
    }
    for (const e of model.layout) shapes[e.name] = { shape: e.shape.slice(), type: FLOAT }
    // the optional Hessian-vector-product directions have their parameter's shape
    if (model.exactHvp) for (const e of model.layout) shapes[`v_${e.name}`] = { shape: e.shape.slice(), type: FLOAT }
    return shapes
  }
  const big = analyseGraph(model.info, inputs(batch), limits)
  if (!big.ok) return big
  const one = batch === 1 ? big : analyseGraph(model.info, inputs(1), limits)
  if (!one.ok) return one
  const cN = graphSeconds(big.value)
  const c1 = graphSeconds(one.value)
  const perSample = batch > 1 ? Math.max(0, (cN - c1) / (batch - 1)) : 0
  return success({ batch, runSeconds: { fixed: Math.max(0, c1 - perSample), perSample }, work: big.value })
}
