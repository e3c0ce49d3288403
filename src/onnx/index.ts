export { analyseGraph, GRAPH_LIMITS, type GraphLimits, type GraphWork } from './analyseGraph.ts'
export { GRAPH_SECONDS, graphSeconds } from './graphSeconds.ts'
export { SUPPORTED_OPS } from './inferNode.ts'
export { type OnnxModelInfo, type OnnxValueInfo, readOnnxModel } from './readOnnxModel.ts'
