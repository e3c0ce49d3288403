/**
 * Estimated CPU seconds of one run of an ONNX graph from its static work (src/onnx/analyseGraph.ts;
 * docs/model-contract.md#static-analysis): seconds ≈ nodes·perNode + macs·perMac + gemmCalls·perGemmCall +
 * elements·perElement. The constants are fitted by scripts/bench/graphCost.bench.ts with onnxruntime-web's
 * single-threaded wasm (bench/results/graphCost.md), rounded up so that the estimate errs high.
 */
import type { GraphWork } from './analyseGraph.ts'

/** Seconds per node, per multiply-add, per GEMM call and per element read or written. */
export interface GraphSecondsConstants {
  perNode: number
  perMac: number
  perGemmCall: number
  perElement: number
}

/**
 * Cost constants of `graphSeconds` in seconds per node, multiply-add, GEMM call and element, fitted on onnxruntime-web's
 * single-threaded wasm and rounded up (docs/model-contract.md#static-analysis).
 */
export const GRAPH_SECONDS: GraphSecondsConstants = {
  perNode: 1e-5,
  perMac: 1e-9,
  perGemmCall: 1e-6,
  perElement: 2.5e-8,
}

/**
 * Estimated CPU seconds of one run of a graph: nodes·perNode + macs·perMac + gemmCalls·perGemmCall +
 * elements·perElement (docs/model-contract.md#static-analysis). An upper estimate by construction of the constants.
 */
export function graphSeconds(
  w: Pick<GraphWork, 'nodes' | 'macs' | 'gemmCalls' | 'elements'>,
  c = GRAPH_SECONDS,
): number {
  return w.nodes * c.perNode + w.macs * c.perMac + w.gemmCalls * c.perGemmCall + w.elements * c.perElement
}
