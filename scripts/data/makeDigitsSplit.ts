/**
 * Writes data/digits/split.json once: a stratified split holding out round(20 %) of each class
 * for test, chosen by a seeded Fisher–Yates shuffle (src/random). Run: `npx tsx scripts/data/makeDigitsSplit.ts`.
 * Re-running gives the same file (checked by test/scripts/data/loadDigits.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRng } from '../../src/random/index.ts'
import { DIGITS_DIR, parseDigitsCsv, type DigitsSplitFile } from './loadDigits.ts'

export const SPLIT_SEED = 2020
export const TEST_FRACTION = 0.2

export function makeDigitsSplit(labels: Uint8Array, seed = SPLIT_SEED, testFraction = TEST_FRACTION): number[] {
  const rng = createRng(seed)
  const test: number[] = []
  for (let c = 0; c < 10; c++) {
    const idx: number[] = []
    labels.forEach((l, i) => {
      if (l === c) idx.push(i)
    })
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1))
      ;[idx[i], idx[j]] = [idx[j], idx[i]]
    }
    test.push(...idx.slice(0, Math.round(testFraction * idx.length)))
  }
  return test.sort((a, b) => a - b)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const all = parseDigitsCsv(gunzipSync(readFileSync(join(DIGITS_DIR, 'digits.csv.gz'))).toString('utf8'))
  const file: DigitsSplitFile = {
    description: 'Rows of digits.csv.gz held out for test: round(20%) of each class, seeded Fisher-Yates (scripts/data/makeDigitsSplit.ts).',
    seed: SPLIT_SEED,
    testFraction: TEST_FRACTION,
    test: makeDigitsSplit(all.y),
  }
  writeFileSync(join(DIGITS_DIR, 'split.json'), JSON.stringify(file) + '\n')
  console.log(`wrote ${join(DIGITS_DIR, 'split.json')}: ${file.test.length} test rows of ${all.n}`)
}
