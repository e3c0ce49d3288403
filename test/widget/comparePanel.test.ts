import { describe, expect, it } from 'vitest'
import { compareTable, modelPairs } from '../../src/widget/comparePanel.ts'
import { measuredEscapeTable } from '../../src/widget/measuredEscapeTable.ts'

describe('modelPairs', () => {
  it('pairs the SGD- and Adam-trained model of each dataset, in listing order, and drops incomplete datasets', () => {
    const models = [
      { id: 'digits-mlp-adam', dataset: 'digits', optimizer: 'adam' as const },
      { id: 'fashion-mlp-sgd', dataset: 'fashion', optimizer: 'sgd' as const },
      { id: 'digits-mlp-sgd', dataset: 'digits', optimizer: 'sgd' as const },
      { id: 'iris-sgd', dataset: 'iris', optimizer: 'sgd' as const },
      { id: 'fashion-mlp-adam', dataset: 'fashion', optimizer: 'adam' as const },
    ]
    expect(modelPairs(models)).toEqual([
      { dataset: 'digits', sgd: 'digits-mlp-sgd', adam: 'digits-mlp-adam' },
      { dataset: 'fashion', sgd: 'fashion-mlp-sgd', adam: 'fashion-mlp-adam' },
    ])
    expect(modelPairs([])).toEqual([])
  })
})

describe('compareTable', () => {
  it('one row per table entry, numbers formatted, full values kept, markup escaped', () => {
    const html = compareTable([
      { minimum: 'a<b', optimizer: 'sgd', alpha: 1.4214, radonMeasure: 0.17592, meanEscapeIterations: 240921.27 },
      { minimum: 'm', optimizer: 'adam', alpha: 1.01, radonMeasure: 0.4421, meanEscapeIterations: 1.2e7 },
    ])
    expect(html.match(/<tr>/g)?.length).toBe(3) // header + 2
    expect(html).toContain('<th scope="row">a&lt;b</th><td>SGD</td>')
    expect(html).toContain('data-value="240921.27">240\u202f900</td>')
    expect(html).toContain('>1.2 × 10⁷</td>')
    expect(html).toContain('<td>Adam</td>')
  })
})

describe('measuredEscapeTable', () => {
  const row = {
    model: 'm',
    optimizer: 'sgd' as const,
    lr: 0.064,
    runs: 50,
    censored: 0,
    exit: 'subspace' as const,
    measuredMeanIterations: 16,
    measuredInterval: { lower: 12.1, upper: 21.5 },
    predictedLevy: 2.93,
    simulatedLevy: 2.55,
    simulatedGaussian: 25.1,
    simulatedEmpirical: 20.9,
  }
  it('one line per subspace row: the measured mean with its interval, the predictions, ✓ inside the interval', () => {
    const html = measuredEscapeTable('a<b', [
      row,
      { ...row, exit: 'loss' },
      {
        ...row,
        optimizer: 'adam',
        lr: 3e-4,
        censored: 50,
        measuredMeanIterations: undefined,
        measuredInterval: { lower: 4070 },
        simulatedGaussian: undefined,
      },
    ])
    expect(html.match(/<tr>/g)?.length).toBe(3) // header + 2 subspace rows
    expect(html).toContain('Measured escapes from a&lt;b')
    expect(html).toContain('<td class="num">16 <span class="interval">[12.1, 21.5]</span></td>')
    expect(html).toContain('data-value="2.93">2.93</td>')
    expect(html).toContain('data-value="20.9">20.9 ✓</td>')
    expect(html).not.toContain('25.1 ✓')
    expect(html).toContain('<th scope="row">Adam</th><td class="num">0.0003</td><td class="num">&gt; 4070</td>')
    expect(html).toContain('<td class="num">—</td>')
  })
  it('is empty without subspace rows', () => {
    expect(measuredEscapeTable('m', [])).toBe('')
    expect(measuredEscapeTable('m', [{ ...row, exit: 'loss' }])).toBe('')
  })
})
