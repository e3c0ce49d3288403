/**
 * Reader of the IDX format of (Fashion-)MNIST (http://yann.lecun.com/exdb/mnist/): a big-endian
 * header — magic 0x00 0x00 0x08 (unsigned byte) then the number of dimensions — followed by one
 * 32-bit big-endian size per dimension and the uint8 payload.
 */
export interface IdxArray {
  dims: number[]
  data: Uint8Array
}

export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08) {
    throw new Error('IDX: not an unsigned-byte IDX file (bad magic)')
  }
  const nd = bytes[3]
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 4 + 4 * nd) throw new Error('IDX: truncated header')
  const dims: number[] = []
  for (let i = 0; i < nd; i++) dims.push(view.getUint32(4 + 4 * i, false))
  const size = dims.reduce((a, b) => a * b, 1)
  const start = 4 + 4 * nd
  if (bytes.length !== start + size) throw new Error(`IDX: payload has ${bytes.length - start} bytes, header says ${size}`)
  return { dims, data: bytes.subarray(start) }
}
