/**
 * A minimal reader of the ONNX protobuf (onnx.proto3, wire format of protocol buffers) for what the
 * model contract and the static analysis of an uploaded graph need before any session is created
 * (docs/model-contract.md#what-is-refused): the graph's inputs and outputs (name, element type, shape),
 * its nodes (operator, domain, input and output names, attributes) and its initializers (name, dims,
 * type; the values of float and integer tensors stored inside the file).
 *
 * Field numbers: ModelProto{ir_version 1, graph 7, opset_import 8}, GraphProto{node 1, initializer 5,
 * input 11, output 12}, NodeProto{input 1, output 2, op_type 4, attribute 5, domain 7},
 * AttributeProto{name 1, f 2, i 3, s 4, t 5, g 6, floats 7, ints 8, graphs 11, type 20},
 * TensorProto{dims 1, data_type 2, float_data 4, int32_data 5, int64_data 7, name 8, raw_data 9,
 * double_data 10, data_location 14}, ValueInfoProto{name 1, type 2}, TypeProto{tensor_type 1},
 * TypeProto.Tensor{elem_type 1, shape 2}, TensorShapeProto{dim 1}, Dimension{dim_value 1, dim_param 2},
 * OperatorSetIdProto{domain 1, version 2}. Unknown fields are skipped. Malformed bytes give a string
 * error, never a throw. int64 values are read exactly as two's complement and returned as numbers
 * (exact up to 2^53; larger magnitudes are clamped to ±2^63 as doubles).
 */

export interface OnnxValueInfo {
  name: string
  /** ONNX TensorProto.DataType (1 = FLOAT). */
  elemType: number
  /** Dimensions: a number for dim_value, a string for dim_param, null when unknown. */
  shape: (number | string | null)[] | null
}

/** A constant tensor stored in the graph, with its values when they are FLOAT or small integers. */
export interface OnnxInitializer {
  name: string
  dims: number[]
  dataType: number
  /** FLOAT data (from raw_data little-endian or float_data); null for other types or external data. */
  values: Float32Array | null
  /** Integer data (INT64, INT32, INT8/16, UINT8/16, BOOL) as numbers; null for other types, external data or a size mismatch. */
  ints: number[] | null
}

/** One attribute of a node; only the fields that were present are set. */
export interface OnnxAttribute {
  name: string
  f?: number
  i?: number
  s?: string
  t?: OnnxInitializer
  floats?: number[]
  ints?: number[]
  /** The attribute holds a subgraph (If/Loop/Scan bodies). */
  graph?: true
}

/** One operator of the graph: type, domain, input and output names, attributes. */
export interface OnnxNode {
  opType: string
  /** "" = ai.onnx. */
  domain: string
  /** Input names in order; "" marks an omitted optional input. */
  inputs: string[]
  outputs: string[]
  attributes: OnnxAttribute[]
}

/** What the Worker reads from an ONNX file: IR version, opsets, inputs, outputs, initializers and nodes. */
export interface OnnxModelInfo {
  irVersion: number
  opsets: { domain: string; version: number }[]
  inputs: OnnxValueInfo[]
  outputs: OnnxValueInfo[]
  initializers: OnnxInitializer[]
  /** Operator types with their domain ("" = ai.onnx), in node order. */
  ops: { opType: string; domain: string }[]
  nodes: OnnxNode[]
}

const TWO_64 = 2n ** 64n
const TWO_63 = 2n ** 63n
const UTF8 = new TextDecoder()

class Reader {
  pos: number
  constructor(
    readonly b: Uint8Array,
    start = 0,
    readonly end = b.length,
  ) {
    this.pos = start
  }
  done(): boolean {
    return this.pos >= this.end
  }
  varint(): number {
    let result = 0
    let mul = 1
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new RangeError('truncated varint')
      const byte = this.b[this.pos++]
      result += (byte & 0x7f) * mul
      if (byte < 0x80) return result
      mul *= 128
    }
    throw new RangeError('varint too long')
  }
  /** A varint read as a signed 64-bit integer (int64 fields: negative values take ten bytes). */
  int64(): number {
    // non-negative values below 2^49 (every real dimension) take at most 7 bytes: read them as numbers
    const start = this.pos
    let fast = 0
    let mul = 1
    for (let i = 0; i < 7 && this.pos < this.end; i++) {
      const byte = this.b[this.pos++]
      fast += (byte & 0x7f) * mul
      if (byte < 0x80) return fast
      mul *= 128
    }
    this.pos = start
    let result = 0n
    let shift = 0n
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new RangeError('truncated varint')
      const byte = this.b[this.pos++]
      result += BigInt(byte & 0x7f) << shift
      if (byte < 0x80) {
        result %= TWO_64
        return Number(result >= TWO_63 ? result - TWO_64 : result)
      }
      shift += 7n
    }
    throw new RangeError('varint too long')
  }
  /** Returns [field, wireType]. */
  key(): [number, number] {
    const k = this.varint()
    return [Math.floor(k / 8), k % 8]
  }
  bytes(): [number, number] {
    const len = this.varint()
    const start = this.pos
    if (start + len > this.end) throw new RangeError('truncated length-delimited field')
    this.pos += len
    return [start, start + len]
  }
  skip(wire: number): void {
    if (wire === 0) this.varint()
    else if (wire === 1) this.pos += 8
    else if (wire === 2) this.bytes()
    else if (wire === 5) this.pos += 4
    else throw new RangeError(`unsupported wire type ${wire}`)
    if (this.pos > this.end) throw new RangeError('truncated field')
  }
  sub([s, e]: [number, number]): Reader {
    return new Reader(this.b, s, e)
  }
  string([s, e]: [number, number]): string {
    return UTF8.decode(this.b.subarray(s, e))
  }
  float32(): number {
    if (this.pos + 4 > this.end) throw new RangeError('truncated float')
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 4).getFloat32(0, true)
    this.pos += 4
    return v
  }
}

function readValueInfo(r: Reader): OnnxValueInfo {
  const out: OnnxValueInfo = { name: '', elemType: 0, shape: null }
  while (!r.done()) {
    const [f, w] = r.key()
    if (f === 1 && w === 2) out.name = r.string(r.bytes())
    else if (f === 2 && w === 2) {
      const t = r.sub(r.bytes())
      while (!t.done()) {
        const [tf, tw] = t.key()
        if (tf === 1 && tw === 2) {
          const tt = t.sub(t.bytes())
          while (!tt.done()) {
            const [ef, ew] = tt.key()
            if (ef === 1 && ew === 0) out.elemType = tt.varint()
            else if (ef === 2 && ew === 2) {
              out.shape = []
              const sh = tt.sub(tt.bytes())
              while (!sh.done()) {
                const [sf, sw] = sh.key()
                if (sf === 1 && sw === 2) {
                  const dim = sh.sub(sh.bytes())
                  let value: number | string | null = null
                  while (!dim.done()) {
                    const [df, dw] = dim.key()
                    if (df === 1 && dw === 0) value = dim.int64()
                    else if (df === 2 && dw === 2) value = dim.string(dim.bytes())
                    else dim.skip(dw)
                  }
                  out.shape.push(value)
                } else sh.skip(sw)
              }
            } else tt.skip(ew)
          }
        } else t.skip(tw)
      }
    } else r.skip(w)
  }
  return out
}

/** Repeated varint field, packed (wire 2) or not (wire 0). */
function readInts(r: Reader, w: number, into: number[]): void {
  if (w === 0) into.push(r.int64())
  else {
    const p = r.sub(r.bytes())
    while (!p.done()) into.push(p.int64())
  }
}

/** Repeated float field, packed (wire 2) or not (wire 5). */
function readFloats(r: Reader, w: number, into: number[]): void {
  if (w === 5) into.push(r.float32())
  else {
    const p = r.sub(r.bytes())
    while (!p.done()) into.push(p.float32())
  }
}

/** Bytes per element of the integer types whose raw_data is read: INT8 3, INT16 5, INT32 6, INT64 7, BOOL 9, UINT8 2, UINT16 4. */
const RAW_INT: Record<number, [number, boolean]> = {
  2: [1, false],
  3: [1, true],
  4: [2, false],
  5: [2, true],
  6: [4, true],
  7: [8, true],
  9: [1, false],
}

function readTensor(r: Reader): OnnxInitializer {
  const dims: number[] = []
  let name = ''
  let dataType = 0
  let raw: [number, number] | null = null
  const floats: number[] = []
  const ints: number[] = []
  let external = false
  while (!r.done()) {
    const [f, w] = r.key()
    if (f === 1 && (w === 0 || w === 2)) readInts(r, w, dims)
    else if (f === 2 && w === 0) dataType = r.varint()
    else if (f === 4 && (w === 2 || w === 5)) readFloats(r, w, floats)
    else if ((f === 5 || f === 7) && (w === 0 || w === 2)) readInts(r, w, ints)
    else if (f === 8 && w === 2) name = r.string(r.bytes())
    else if (f === 9 && w === 2) raw = r.bytes()
    else if (f === 14 && w === 0) external = r.varint() === 1
    else r.skip(w)
  }
  let values: Float32Array | null = null
  let intValues: number[] | null = null
  const count = dims.reduce((a, b) => a * b, 1)
  if (!external && count >= 0 && Number.isSafeInteger(count)) {
    if (dataType === 1) {
      if (raw) {
        const [s, e] = raw
        if (e - s === 4 * count) {
          values = new Float32Array(count)
          const dv = new DataView(r.b.buffer, r.b.byteOffset + s, e - s)
          for (let i = 0; i < count; i++) values[i] = dv.getFloat32(4 * i, true)
        }
      } else if (floats.length === count) values = Float32Array.from(floats)
    } else if (RAW_INT[dataType]) {
      const [size, signed] = RAW_INT[dataType]
      if (raw) {
        const [s, e] = raw
        if (e - s === size * count) {
          const dv = new DataView(r.b.buffer, r.b.byteOffset + s, e - s)
          intValues = new Array(count)
          for (let i = 0; i < count; i++) {
            const o = size * i
            intValues[i] =
              size === 8
                ? Number(dv.getBigInt64(o, true))
                : size === 4
                  ? dv.getInt32(o, true)
                  : size === 2
                    ? signed
                      ? dv.getInt16(o, true)
                      : dv.getUint16(o, true)
                    : signed
                      ? dv.getInt8(o)
                      : dv.getUint8(o)
          }
        }
      } else if (ints.length === count) intValues = ints
    }
  }
  return { name, dims, dataType, values, ints: intValues }
}

function readAttribute(r: Reader): OnnxAttribute {
  const a: OnnxAttribute = { name: '' }
  while (!r.done()) {
    const [f, w] = r.key()
    if (f === 1 && w === 2) a.name = r.string(r.bytes())
    else if (f === 2 && w === 5) a.f = r.float32()
    else if (f === 3 && w === 0) a.i = r.int64()
    else if (f === 4 && w === 2) a.s = r.string(r.bytes())
    else if (f === 5 && w === 2) a.t = readTensor(r.sub(r.bytes()))
    else if ((f === 6 || f === 11) && w === 2) {
      r.bytes()
      a.graph = true
    } else if (f === 7 && (w === 2 || w === 5)) {
      a.floats ??= []
      readFloats(r, w, a.floats)
    } else if (f === 8 && (w === 0 || w === 2)) {
      a.ints ??= []
      readInts(r, w, a.ints)
    } else r.skip(w)
  }
  return a
}

function readNode(r: Reader): OnnxNode {
  const n: OnnxNode = { opType: '', domain: '', inputs: [], outputs: [], attributes: [] }
  while (!r.done()) {
    const [f, w] = r.key()
    if (f === 1 && w === 2) n.inputs.push(r.string(r.bytes()))
    else if (f === 2 && w === 2) n.outputs.push(r.string(r.bytes()))
    else if (f === 4 && w === 2) n.opType = r.string(r.bytes())
    else if (f === 5 && w === 2) n.attributes.push(readAttribute(r.sub(r.bytes())))
    else if (f === 7 && w === 2) n.domain = r.string(r.bytes())
    else r.skip(w)
  }
  return n
}

/** Parses the ONNX model bytes; a string describes why they are not a readable ONNX model. */
export function readOnnxModel(bytes: Uint8Array): OnnxModelInfo | string {
  try {
    const m = new Reader(bytes)
    const info: OnnxModelInfo = {
      irVersion: 0,
      opsets: [],
      inputs: [],
      outputs: [],
      initializers: [],
      ops: [],
      nodes: [],
    }
    let sawGraph = false
    while (!m.done()) {
      const [f, w] = m.key()
      if (f === 1 && w === 0) info.irVersion = m.varint()
      else if (f === 8 && w === 2) {
        const o = m.sub(m.bytes())
        const op = { domain: '', version: 0 }
        while (!o.done()) {
          const [of, ow] = o.key()
          if (of === 1 && ow === 2) op.domain = o.string(o.bytes())
          else if (of === 2 && ow === 0) op.version = o.varint()
          else o.skip(ow)
        }
        info.opsets.push(op)
      } else if (f === 7 && w === 2) {
        sawGraph = true
        const g = m.sub(m.bytes())
        while (!g.done()) {
          const [gf, gw] = g.key()
          if (gf === 1 && gw === 2) {
            const n = readNode(g.sub(g.bytes()))
            info.nodes.push(n)
            info.ops.push({ opType: n.opType, domain: n.domain })
          } else if (gf === 5 && gw === 2) info.initializers.push(readTensor(g.sub(g.bytes())))
          else if (gf === 11 && gw === 2) info.inputs.push(readValueInfo(g.sub(g.bytes())))
          else if (gf === 12 && gw === 2) info.outputs.push(readValueInfo(g.sub(g.bytes())))
          else g.skip(gw)
        }
      } else m.skip(w)
    }
    if (!sawGraph) return 'the file has no ONNX graph (is it an .onnx ModelProto?)'
    return info
  } catch (e) {
    return `the file is not a valid ONNX protobuf (${e instanceof Error ? e.message : String(e)})`
  }
}
