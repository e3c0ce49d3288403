/**
 * A minimal reader of the ONNX protobuf (onnx.proto3, wire format of protocol buffers) for what the
 * model contract needs to check before a session is created: the graph's inputs and outputs (name,
 * element type, shape), its node operator types and its float initializers (name, dims, values).
 * Field numbers: ModelProto{ir_version 1, graph 7, opset_import 8}, GraphProto{node 1, initializer 5,
 * input 11, output 12}, NodeProto{op_type 4, domain 7}, TensorProto{dims 1, data_type 2, float_data 4,
 * name 8, raw_data 9, data_location 14}, ValueInfoProto{name 1, type 2}, TypeProto{tensor_type 1},
 * TypeProto.Tensor{elem_type 1, shape 2}, TensorShapeProto{dim 1}, Dimension{dim_value 1, dim_param 2},
 * OperatorSetIdProto{domain 1, version 2}. Unknown fields are skipped. Malformed bytes give a string
 * error, never a throw.
 */

export interface OnnxValueInfo {
  name: string
  /** ONNX TensorProto.DataType (1 = FLOAT). */
  elemType: number
  /** Dimensions: a number for dim_value, a string for dim_param, null when unknown. */
  shape: (number | string | null)[] | null
}

export interface OnnxInitializer {
  name: string
  dims: number[]
  dataType: number
  /** FLOAT data (from raw_data little-endian or float_data); null for other types or external data. */
  values: Float32Array | null
}

export interface OnnxModelInfo {
  irVersion: number
  opsets: { domain: string; version: number }[]
  inputs: OnnxValueInfo[]
  outputs: OnnxValueInfo[]
  initializers: OnnxInitializer[]
  /** Operator types with their domain ("" = ai.onnx). */
  ops: { opType: string; domain: string }[]
}

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
    return new TextDecoder().decode(this.b.subarray(s, e))
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
                    if (df === 1 && dw === 0) value = dim.varint()
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

function readTensor(r: Reader): OnnxInitializer {
  const dims: number[] = []
  let name = ''
  let dataType = 0
  let raw: [number, number] | null = null
  const floats: number[] = []
  let external = false
  while (!r.done()) {
    const [f, w] = r.key()
    if (f === 1 && w === 0) dims.push(r.varint())
    else if (f === 1 && w === 2) {
      const p = r.sub(r.bytes())
      while (!p.done()) dims.push(p.varint())
    } else if (f === 2 && w === 0) dataType = r.varint()
    else if (f === 4 && w === 2) {
      const [s, e] = r.bytes()
      const dv = new DataView(r.b.buffer, r.b.byteOffset + s, e - s)
      for (let o = 0; o + 4 <= e - s; o += 4) floats.push(dv.getFloat32(o, true))
    } else if (f === 4 && w === 5) {
      const dv = new DataView(r.b.buffer, r.b.byteOffset + r.pos, 4)
      floats.push(dv.getFloat32(0, true))
      r.pos += 4
    } else if (f === 8 && w === 2) name = r.string(r.bytes())
    else if (f === 9 && w === 2) raw = r.bytes()
    else if (f === 14 && w === 0) external = r.varint() === 1
    else r.skip(w)
  }
  let values: Float32Array | null = null
  const count = dims.reduce((a, b) => a * b, 1)
  if (dataType === 1 && !external) {
    if (raw) {
      const [s, e] = raw
      if (e - s === 4 * count) {
        values = new Float32Array(count)
        const dv = new DataView(r.b.buffer, r.b.byteOffset + s, e - s)
        for (let i = 0; i < count; i++) values[i] = dv.getFloat32(4 * i, true)
      }
    } else if (floats.length === count) values = Float32Array.from(floats)
  }
  return { name, dims, dataType, values }
}

/** Parses the ONNX model bytes; a string describes why they are not a readable ONNX model. */
export function readOnnxModel(bytes: Uint8Array): OnnxModelInfo | string {
  try {
    const m = new Reader(bytes)
    const info: OnnxModelInfo = { irVersion: 0, opsets: [], inputs: [], outputs: [], initializers: [], ops: [] }
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
            const n = g.sub(g.bytes())
            const op = { opType: '', domain: '' }
            while (!n.done()) {
              const [nf, nw] = n.key()
              if (nf === 4 && nw === 2) op.opType = n.string(n.bytes())
              else if (nf === 7 && nw === 2) op.domain = n.string(n.bytes())
              else n.skip(nw)
            }
            info.ops.push(op)
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
