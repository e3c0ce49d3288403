import { describe, expect, it } from 'vitest'
import { readFileSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { loadDigits, DIGITS_DIR, parseDigitsCsv } from '../../../scripts/data/index.ts'
import { makeDigitsSplit } from '../../../scripts/data/makeDigitsSplit.ts'

// Oracle values computed independently with Python (gzip + csv):
//   rows = [l.split(',') for l in gzip.open('data/digits/digits.csv.gz','rt') if l.strip()]
//   Counter(r[-1] for r in rows); sum of all pixels; sum of the first row's pixels.
const CLASS_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
const TOTAL_PIXEL_SUM = 561718
const FIRST_ROW_SUM = 294

describe('loadDigits', () => {
  const d = loadDigits()

  it('has 1,797 images of 64 pixels in 0..16 with labels 0..9', () => {
    expect(d.train.n + d.test.n).toBe(1797)
    expect(d.inputDim).toBe(64)
    expect(d.classes).toBe(10)
    expect(d.inputScale).toBe(1 / 16)
    for (const s of [d.train, d.test]) {
      expect(s.x.length).toBe(s.n * 64)
      expect(s.y.length).toBe(s.n)
      expect(Math.max(...s.x)).toBe(16)
      expect(Math.max(...s.y)).toBe(9)
      expect(Math.min(...s.y)).toBe(0)
    }
  })

  it('matches the class counts and pixel sums computed by Python', () => {
    const counts = new Array(10).fill(0)
    let sum = 0
    for (const s of [d.train, d.test]) {
      s.y.forEach((l) => counts[l]++)
      s.x.forEach((v) => (sum += v))
    }
    expect(counts).toEqual(CLASS_COUNTS)
    expect(sum).toBe(TOTAL_PIXEL_SUM)
    const all = parseDigitsCsv(gunzipSync(readFileSync(join(DIGITS_DIR, 'digits.csv.gz'))).toString('utf8'))
    expect(all.x.subarray(0, 64).reduce((a, b) => a + b, 0)).toBe(FIRST_ROW_SUM)
    expect(all.y[0]).toBe(0)
  })

  it('has a stratified fixed split that the split script reproduces', () => {
    expect(d.test.n).toBe(359)
    const testCounts = new Array(10).fill(0)
    d.test.y.forEach((l) => testCounts[l]++)
    testCounts.forEach((c, k) => expect(c).toBe(Math.round(0.2 * CLASS_COUNTS[k])))
    const all = parseDigitsCsv(gunzipSync(readFileSync(join(DIGITS_DIR, 'digits.csv.gz'))).toString('utf8'))
    const file = JSON.parse(readFileSync(join(DIGITS_DIR, 'split.json'), 'utf8'))
    expect(makeDigitsSplit(all.y)).toEqual(file.test)
  })

  it('reports the sha256 of the vendored file and rejects a modified copy', () => {
    expect(d.checksum).toBe('46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a')
    const dir = mkdtempSync(join(tmpdir(), 'digits-'))
    copyFileSync(join(DIGITS_DIR, 'split.json'), join(dir, 'split.json'))
    const gz = readFileSync(join(DIGITS_DIR, 'digits.csv.gz'))
    const bad = Buffer.from(gz)
    bad[bad.length - 10] ^= 1
    writeFileSync(join(dir, 'digits.csv.gz'), bad)
    expect(() => loadDigits(dir)).toThrow(/sha256/)
  })
})
