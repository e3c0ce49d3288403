import { describe, expect, it } from 'vitest'
import { compareTable, modelPairs } from '../../src/widget/comparePanel.ts'

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
