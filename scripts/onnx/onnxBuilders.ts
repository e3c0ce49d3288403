/**
 * Small helpers over onnx-proto's protobufjs classes: value infos, float32 and
 * int64 initializers, nodes with int/ints/float attributes, and the model envelope (IR 8, opset 13).
 */
import onnxProto from 'onnx-proto'

export const { onnx } = onnxProto
const FLOAT = onnx.TensorProto.DataType.FLOAT
const INT64 = onnx.TensorProto.DataType.INT64

export type Dim = number | string

export function valueInfo(name: string, dims: readonly Dim[]): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  })
}

export function floatInit(
  name: string,
  dims: readonly number[],
  data: Float32Array,
): InstanceType<typeof onnx.TensorProto> {
  const copy = new Float32Array(data) // own buffer, little-endian on every platform we run on
  return onnx.TensorProto.create({ name, dims: [...dims], dataType: FLOAT, rawData: new Uint8Array(copy.buffer) })
}

export function int64Init(name: string, values: readonly number[]): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({ name, dims: [values.length], dataType: INT64, int64Data: [...values] })
}

/** A 0-d int64 tensor (e.g. a Gather index that drops the axis). */
export function int64Scalar(name: string, value: number): InstanceType<typeof onnx.TensorProto> {
  return onnx.TensorProto.create({ name, dims: [], dataType: INT64, int64Data: [value] })
}

type Attr = number | number[] | { float: number }

export function node(
  op: string,
  inputs: string[],
  outputs: string[],
  attrs: Record<string, Attr> = {},
): InstanceType<typeof onnx.NodeProto> {
  return onnx.NodeProto.create({
    opType: op,
    input: inputs,
    output: outputs,
    name: `${op}_${outputs[0]}`,
    attribute: Object.entries(attrs).map(([name, v]) =>
      Array.isArray(v)
        ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v }
        : typeof v === 'number'
          ? { name, type: onnx.AttributeProto.AttributeType.INT, i: v }
          : { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v.float },
    ),
  })
}

export interface GraphParts {
  name: string
  nodes: InstanceType<typeof onnx.NodeProto>[]
  inputs: InstanceType<typeof onnx.ValueInfoProto>[]
  outputs: InstanceType<typeof onnx.ValueInfoProto>[]
  initializers: InstanceType<typeof onnx.TensorProto>[]
  docString?: string
}

/** Serialises a graph as an ONNX model, IR version 8, default-domain opset 13. */
export function encodeModel(g: GraphParts, producerVersion: string): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: g.name,
    node: g.nodes,
    input: g.inputs,
    output: g.outputs,
    initializer: g.initializers,
    docString: g.docString ?? '',
  })
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'levy-escape',
    producerVersion,
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  })
  return onnx.ModelProto.encode(model).finish()
}
