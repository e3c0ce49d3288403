/** Sample files for `levy-escape tail-index`: CSV/text, JSON and NumPy .npy (fixtures written by numpy). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSamples } from '../../cli/readSamples.ts'

const DIR = join(import.meta.dirname, '../fixtures/cli')
const npy = (name: string) => readSamples(name, readFileSync(join(DIR, name)))
const text = (name: string, body: string) => readSamples(name, new TextEncoder().encode(body))

describe('readSamples', () => {
  it('reads .npy written by numpy: C and Fortran order matrices, float32 and int vectors', () => {
    const matrix = [
      [1.5, -2],
      [0.25, 3],
      [-4, 5.5],
    ]
    expect(npy('matrixF8C.npy')).toEqual({ ok: true, samples: matrix })
    expect(npy('matrixF8Fortran.npy')).toEqual({ ok: true, samples: matrix })
    expect(npy('vectorF4.npy')).toEqual({ ok: true, samples: [0.5, -1.25, 8, -0.125] })
    expect(npy('vectorI4.npy')).toEqual({ ok: true, samples: [3, -7, 11] })
  })

  it('refuses complex .npy and bytes that are not .npy, naming the file', () => {
    const c = npy('vectorC16.npy')
    expect(c.ok).toBe(false)
    expect(!c.ok && c.message).toMatch(/vectorC16\.npy: dtype c16 is not a real number type/)
    const junk = text('junk.npy', 'not numpy')
    expect(!junk.ok && junk.message).toMatch(/junk\.npy: not a NumPy \.npy file/)
  })

  it('reads CSV with a header, whitespace-separated text, one column as 1-D samples', () => {
    expect(text('a.csv', 'g1,g2\n1,2\n3,-4.5\n')).toEqual({
      ok: true,
      samples: [
        [1, 2],
        [3, -4.5],
      ],
    })
    expect(text('a.txt', '# comment\n0.5\n-2\n1e3\n')).toEqual({ ok: true, samples: [0.5, -2, 1000] })
    expect(text('a.tsv', '1\t2\n3\t4')).toEqual({
      ok: true,
      samples: [
        [1, 2],
        [3, 4],
      ],
    })
  })

  it('names the line of a bad row and ragged rows', () => {
    const bad = text('a.csv', '1,2\n3,x\n')
    expect(!bad.ok && bad.message).toMatch(/a\.csv, data line 2: "3,x" is not a row of finite numbers/)
    const ragged = text('b.csv', '1,2\n3\n')
    expect(!ragged.ok && ragged.message).toMatch(/different numbers of columns/)
    expect(text('c.csv', '').ok).toBe(false)
  })

  it('reads JSON arrays, rows and {"samples": …}', () => {
    expect(text('a.json', '[1, 2, 3]')).toEqual({ ok: true, samples: [1, 2, 3] })
    expect(text('a.json', '{"samples": [[1, 2], [3, 4]]}')).toEqual({
      ok: true,
      samples: [
        [1, 2],
        [3, 4],
      ],
    })
    expect(text('a.json', '{"x": 1}').ok).toBe(false)
    expect(text('a.json', '[1,').ok).toBe(false)
  })
})
