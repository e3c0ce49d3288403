/**
 * Samples for `levy-escape tail-index` from a file: CSV or whitespace-separated text (one row per line; one
 * column gives 1-D samples, several give a minibatch × coordinate matrix; a non-numeric first line is a
 * header), JSON (an array of numbers, an array of rows, or an object with `samples`), or NumPy `.npy`
 * (1-D or 2-D, any real dtype, parsed by npyjs). Errors name the file, the line and what to fix.
 */
import { parse as parseNpy } from 'npyjs'

export type Samples = number[] | number[][]

export type ReadResult = { ok: true; samples: Samples } | { ok: false; message: string }

const fail = (message: string): ReadResult => ({ ok: false, message })

function fromText(text: string, name: string): ReadResult {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  const rows: number[][] = []
  for (const [i, line] of lines.entries()) {
    const cells = line.trim().split(/\s*[,;\t ]\s*/)
    const values = cells.map(Number)
    if (values.some((x) => !Number.isFinite(x))) {
      if (i === 0 && rows.length === 0) continue // header
      return fail(`${name}, data line ${i + 1}: "${line.slice(0, 60)}" is not a row of finite numbers`)
    }
    rows.push(values)
  }
  if (rows.length === 0) return fail(`${name}: no numbers found`)
  const width = rows[0].length
  if (rows.some((r) => r.length !== width)) return fail(`${name}: rows have different numbers of columns`)
  return { ok: true, samples: width === 1 ? rows.map((r) => r[0]) : rows }
}

function fromJson(text: string, name: string): ReadResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return fail(`${name}: not valid JSON (${(e as Error).message.slice(0, 120)})`)
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'samples' in value)
    value = (value as { samples: unknown }).samples
  if (!Array.isArray(value)) return fail(`${name}: expected an array of numbers, an array of rows, or {"samples": …}`)
  return { ok: true, samples: value as Samples }
}

function fromNpy(bytes: Uint8Array, name: string): ReadResult {
  let arr: ReturnType<typeof parseNpy>
  try {
    arr = parseNpy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch (e) {
    return fail(`${name}: not a NumPy .npy file (${(e as Error).message.slice(0, 120)})`)
  }
  if (!/^[iuf]\d$/.test(arr.dtype) || /^[iu]8$/.test(arr.dtype))
    return fail(`${name}: dtype ${arr.dtype} is not a real number type; save it as float64 (arr.astype("f8"))`)
  const flat = Array.from(arr.data as unknown as ArrayLike<number>, Number)
  if (arr.shape.length === 1) return { ok: true, samples: flat }
  if (arr.shape.length !== 2) return fail(`${name}: shape (${arr.shape.join(', ')}); give 1-D samples or a 2-D matrix`)
  const [rows, cols] = arr.shape
  const at = (r: number, c: number) => (arr.fortranOrder ? flat[c * rows + r] : flat[r * cols + c])
  return { ok: true, samples: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(r, c))) }
}

/** Reads the samples of a file given its name and bytes (the format is chosen by the extension). */
export function readSamples(name: string, bytes: Uint8Array): ReadResult {
  const lower = name.toLowerCase()
  if (lower.endsWith('.npy')) return fromNpy(bytes, name)
  const text = new TextDecoder().decode(bytes)
  if (lower.endsWith('.json')) return fromJson(text, name)
  return fromText(text, name)
}
