import { describe, expect, it } from 'vitest'
import { layoutSize, mlpLayout } from '../../src/probe/mlpLayout.ts'
import { mlpOracle } from '../../src/probe/mlpOracle.ts'
import { randomTheta, syntheticData } from './helpers.ts'

describe('mlpOracle', () => {
  const layers = [5, 7, 4, 3]
  const data = syntheticData(20, 5, 3, 1)
  const oracle = mlpOracle(layers, data)!
  const theta = randomTheta(oracle.parameters, 0.5, 2)

  it('has the contract layout', () => {
    expect(mlpLayout([5, 7, 3])).toEqual([
      { name: 'W1', shape: [5, 7], offset: 0 },
      { name: 'b1', shape: [7], offset: 35 },
      { name: 'W2', shape: [7, 3], offset: 42 },
      { name: 'b2', shape: [3], offset: 63 },
    ])
    expect(layoutSize(mlpLayout(layers))).toBe(5 * 7 + 7 + 7 * 4 + 4 + 4 * 3 + 3)
    expect(oracle.parameters).toBe(89)
  })

  it('gradients match central finite differences of the loss (float64)', async () => {
    const idx = [0, 3, 7, 11]
    const r = await oracle.evaluate(theta, idx, { perSample: true })
    const h = 1e-6
    let maxErr = 0
    for (let p = 0; p < oracle.parameters; p++) {
      const tp = theta.slice()
      tp[p] += h
      const tm = theta.slice()
      tm[p] -= h
      const fp = (await oracle.evaluate(tp, idx, { gradient: false })).losses
      const fm = (await oracle.evaluate(tm, idx, { gradient: false })).losses
      const meanFd = (fp.reduce((a, b) => a + b) - fm.reduce((a, b) => a + b)) / (2 * h * idx.length)
      maxErr = Math.max(maxErr, Math.abs(meanFd - r.gradient![p]))
      // per-sample gradient of sample 2
      const fd2 = (fp[2] - fm[2]) / (2 * h)
      maxErr = Math.max(maxErr, Math.abs(fd2 - r.sampleGradients![2 * oracle.parameters + p]))
    }
    expect(maxErr).toBeLessThan(1e-7)
  })

  it('losses are the softmax cross-entropy (hand check on logistic regression)', async () => {
    const lr = mlpOracle([2, 3], { x: [1, -2], labels: [1] })!
    const th = Float64Array.from([0.1, 0.2, 0.3, -0.4, 0.5, 0.6, 0.01, 0.02, 0.03])
    const z = [0.1 * 1 + -0.4 * -2 + 0.01, 0.2 * 1 + 0.5 * -2 + 0.02, 0.3 * 1 + 0.6 * -2 + 0.03]
    const lse = Math.log(z.reduce((a, v) => a + Math.exp(v), 0))
    const r = await lr.evaluate(th, [0])
    expect(r.losses[0]).toBeCloseTo(lse - z[1], 14)
    expect(r.correct).toBe(z[1] === Math.max(...z) ? 1 : 0)
  })

  it('rejects shapes that do not fit', () => {
    expect(mlpOracle([2], { x: [1, 2], labels: [0] })).toBeUndefined()
    expect(mlpOracle([2, 3], { x: [1, 2, 3], labels: [0] })).toBeUndefined()
    expect(mlpOracle([2, 3], { x: [1, 2], labels: [3] })).toBeUndefined()
  })
})
