/**
 * UCI optical recognition of handwritten digits, 8×8 (1,797 images, pixels 0..16, labels 0..9), as
 * shipped in scikit-learn (`sklearn/datasets/data/digits.csv.gz`) and vendored unchanged in
 * `data/digits/` (provenance, licence and checksums in `data/digits/README.md`).
 *
 * The fixed train/test split is `data/digits/split.json` (made once by `scripts/data/makeDigitsSplit.ts`:
 * 20 % of each class for test, stratified, seeded). The loader verifies the sha256 of both files and
 * throws (scripts may throw; the core never does) when they differ.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { Dataset, Split } from './dataset.ts'
import { sha256 } from './sha256.ts'

export const DIGITS_DIR = fileURLToPath(new URL('../../data/digits/', import.meta.url))
/** sha256 of data/digits/digits.csv.gz (identical to the file in Debian python3-sklearn 1.2.1+dfsg-1). */
export const DIGITS_CSV_SHA256 = '46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a'
export const DIGITS_COUNT = 1797
export const DIGITS_INPUT_DIM = 64

/** Parses the csv (65 integers per line: 64 pixels then the label) into uint8 pixels and labels. */
export function parseDigitsCsv(text: string): { x: Uint8Array; y: Uint8Array; n: number } {
  const lines = text.split('\n').filter((l) => l.trim().length > 0)
  const n = lines.length
  const x = new Uint8Array(n * DIGITS_INPUT_DIM)
  const y = new Uint8Array(n)
  lines.forEach((line, i) => {
    const v = line.split(',').map((s) => Number(s))
    if (v.length !== DIGITS_INPUT_DIM + 1 || v.some((t) => !Number.isInteger(t) || t < 0 || t > 16)) {
      throw new Error(`digits.csv line ${i + 1}: expected 65 integers in 0..16`)
    }
    for (let j = 0; j < DIGITS_INPUT_DIM; j++) x[i * DIGITS_INPUT_DIM + j] = v[j]
    if (v[DIGITS_INPUT_DIM] > 9) throw new Error(`digits.csv line ${i + 1}: label ${v[DIGITS_INPUT_DIM]} > 9`)
    y[i] = v[DIGITS_INPUT_DIM]
  })
  return { x, y, n }
}

function take(all: { x: Uint8Array; y: Uint8Array }, idx: number[]): Split {
  const x = new Uint8Array(idx.length * DIGITS_INPUT_DIM)
  const y = new Uint8Array(idx.length)
  idx.forEach((k, i) => {
    x.set(all.x.subarray(k * DIGITS_INPUT_DIM, (k + 1) * DIGITS_INPUT_DIM), i * DIGITS_INPUT_DIM)
    y[i] = all.y[k]
  })
  return { n: idx.length, x, y }
}

export interface DigitsSplitFile {
  description: string
  seed: number
  testFraction: number
  /** Indices (rows of digits.csv) in the test set, ascending. */
  test: number[]
}

/** Loads and verifies the vendored digits, returns the fixed split (train rows in file order). */
export function loadDigits(dir: string = DIGITS_DIR): Dataset {
  const gz = readFileSync(join(dir, 'digits.csv.gz'))
  const checksum = sha256(gz)
  if (checksum !== DIGITS_CSV_SHA256) {
    throw new Error(`data/digits/digits.csv.gz: sha256 ${checksum} differs from ${DIGITS_CSV_SHA256}`)
  }
  const all = parseDigitsCsv(gunzipSync(gz).toString('utf8'))
  if (all.n !== DIGITS_COUNT) throw new Error(`digits: expected ${DIGITS_COUNT} rows, got ${all.n}`)
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as DigitsSplitFile
  const isTest = new Uint8Array(all.n)
  for (const k of split.test) {
    if (!Number.isInteger(k) || k < 0 || k >= all.n || isTest[k]) throw new Error(`digits split: bad test index ${k}`)
    isTest[k] = 1
  }
  const trainIdx: number[] = []
  for (let k = 0; k < all.n; k++) if (!isTest[k]) trainIdx.push(k)
  return {
    name: 'digits',
    inputDim: DIGITS_INPUT_DIM,
    classes: 10,
    inputScale: 1 / 16,
    checksum,
    train: take(all, trainIdx),
    test: take(all, split.test),
  }
}
