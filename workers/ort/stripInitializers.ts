/**
 * Removes named initializers from an ONNX model (protobuf wire format, no decoding library). A user model
 * stores θ* as initializers named like its parameter inputs (docs/model-contract.md); onnxruntime-web
 * treats such inputs as constants (they disappear from `session.inputNames` and cannot be fed), so the
 * Worker strips them before creating the session and feeds θ explicitly. Every other byte is copied
 * unchanged: ModelProto fields except `graph` (7) verbatim; GraphProto fields except the dropped
 * `initializer` (5) entries verbatim; the graph's length prefix re-encoded. Malformed input → null.
 */

function varint(b: Uint8Array, pos: number): [number, number] {
  let result = 0
  let mul = 1
  for (let i = 0; i < 10; i++) {
    if (pos >= b.length) throw new RangeError('truncated varint')
    const byte = b[pos++]
    result += (byte & 0x7f) * mul
    if (byte < 0x80) return [result, pos]
    mul *= 128
  }
  throw new RangeError('varint too long')
}

function encodeVarint(n: number): number[] {
  const out: number[] = []
  while (n >= 0x80) {
    out.push((n % 128) | 0x80)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return out
}

/** [start of field, end of field, field number, wire type, payload start, payload end] for each field in b[start, end). */
function fields(b: Uint8Array, start: number, end: number): [number, number, number, number, number, number][] {
  const out: [number, number, number, number, number, number][] = []
  let pos = start
  while (pos < end) {
    const s = pos
    const [key, p1] = varint(b, pos)
    const f = Math.floor(key / 8)
    const w = key % 8
    let ps = p1
    let pe = p1
    if (w === 0) pe = varint(b, p1)[1]
    else if (w === 1) pe = p1 + 8
    else if (w === 5) pe = p1 + 4
    else if (w === 2) {
      const [len, p2] = varint(b, p1)
      ps = p2
      pe = p2 + len
    } else throw new RangeError(`wire type ${w}`)
    if (pe > end) throw new RangeError('truncated field')
    pos = pe
    out.push([s, pe, f, w, ps, pe])
  }
  return out
}

function tensorName(b: Uint8Array, start: number, end: number): string {
  for (const [, , f, w, ps, pe] of fields(b, start, end))
    if (f === 8 && w === 2) return new TextDecoder().decode(b.subarray(ps, pe))
  return ''
}

export function stripInitializers(bytes: Uint8Array, names: ReadonlySet<string>): Uint8Array | null {
  try {
    const parts: Uint8Array[] = []
    for (const [s, e, f, w, ps, pe] of fields(bytes, 0, bytes.length)) {
      if (f !== 7 || w !== 2) {
        parts.push(bytes.subarray(s, e))
        continue
      }
      const graph: Uint8Array[] = []
      let len = 0
      for (const [gs, ge, gf, gw, gps, gpe] of fields(bytes, ps, pe)) {
        if (gf === 5 && gw === 2 && names.has(tensorName(bytes, gps, gpe))) continue
        graph.push(bytes.subarray(gs, ge))
        len += ge - gs
      }
      parts.push(Uint8Array.from([(7 << 3) | 2, ...encodeVarint(len)]), ...graph)
    }
    const total = parts.reduce((a, p) => a + p.length, 0)
    const out = new Uint8Array(total)
    let o = 0
    for (const p of parts) {
      out.set(p, o)
      o += p.length
    }
    return out
  } catch {
    return null
  }
}
