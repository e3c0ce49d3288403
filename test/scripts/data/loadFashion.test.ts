import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { loadFashion } from '../../../scripts/data/index.ts'

// Oracle values computed independently with numpy from the Debian files:
//   np.frombuffer(gzip.open(f).read()[16:], np.uint8).reshape(-1, 784); labels: [8:]
//   bincount(train labels[:20000]); first 10 labels; pixel sums (int64).
const TRAIN20K_COUNTS = [1935, 2025, 1982, 2011, 1967, 2010, 2068, 2003, 1971, 2028]
const TRAIN_FIRST_LABELS = [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]
const TEST_FIRST_LABELS = [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]
const TRAIN20K_PIXEL_SUM = 1142624448
const TEST_PIXEL_SUM = 573469082

describe('loadFashion', () => {
  it('reads 60k/10k 28×28 images with labels 0..9 and verifies the checksums', () => {
    const f = loadFashion()
    expect(f.train.n).toBe(60000)
    expect(f.test.n).toBe(10000)
    expect(f.inputDim).toBe(784)
    expect(f.train.x.length).toBe(60000 * 784)
    expect(f.test.x.length).toBe(10000 * 784)
    const testCounts = new Array(10).fill(0)
    f.test.y.forEach((l) => testCounts[l]++)
    expect(testCounts).toEqual(new Array(10).fill(1000))
    expect(Array.from(f.train.y.subarray(0, 10))).toEqual(TRAIN_FIRST_LABELS)
    expect(Array.from(f.test.y.subarray(0, 10))).toEqual(TEST_FIRST_LABELS)
    let s = 0
    f.test.x.forEach((v) => (s += v))
    expect(s).toBe(TEST_PIXEL_SUM)
    expect(f.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps the first n training images with trainLimit', () => {
    const f = loadFashion({ trainLimit: 20000, testLimit: 10 })
    expect(f.train.n).toBe(20000)
    expect(f.test.n).toBe(10)
    const c = new Array(10).fill(0)
    f.train.y.forEach((l) => c[l]++)
    expect(c).toEqual(TRAIN20K_COUNTS)
    let s = 0
    f.train.x.forEach((v) => (s += v))
    expect(s).toBe(TRAIN20K_PIXEL_SUM)
  })

  it('says how to install the package when the files are absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'fm-'))
    expect(() => loadFashion({ dir: join(empty, 'nope') })).toThrow(/apt-get install dataset-fashion-mnist/)
    expect(() => loadFashion({ dir: empty })).toThrow(/apt-get install dataset-fashion-mnist/)
  })
})
