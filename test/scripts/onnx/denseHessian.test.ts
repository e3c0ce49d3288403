/**
 * The committed digits models' grad.onnx against their float64 dense Hessians
 * (test/fixtures/denseHessian.json, made by scripts/fixtures/denseHessian.py from the same
 * params.bin and eval.bin): one product H v with v_j = sin(j + 1), and the top of the spectrum by
 * Lanczos on the exact products through the Worker's onnxOracle, to 1e-4 relative.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ort, session } from '../../../scripts/onnx/ortNode.ts'
import { readCheckpoint } from '../../../scripts/onnx/readCheckpoint.ts'
import { exactHessianVectorProduct } from '../../../src/probe/hessianVectorProduct.ts'
import { lanczos } from '../../../src/probe/lanczos.ts'
import { createRng } from '../../../src/random/index.ts'
import { onnxOracle } from '../../../workers/ort/onnxOracle.ts'

interface DenseEntry {
  paramsSha256: string
  parameters: number
  top: number[]
  lambdaMin: number
  product: number[]
}
const fixture = JSON.parse(readFileSync('test/fixtures/denseHessian.json', 'utf8')) as {
  models: Record<string, DenseEntry>
}

async function oracleOf(id: string) {
  const ck = readCheckpoint(`models/${id}`)
  const r = ck.record
  const s = await session(ck.grad)
  return {
    ck,
    oracle: onnxOracle({
      session: s as never,
      Tensor: ort.Tensor as never,
      layout: r.layout,
      parameters: r.parameters,
      inputDim: r.inputDim,
      classes: r.classes,
      x: Float32Array.from(ck.evalX, (u) => u * r.inputScale),
      labels: ck.evalY,
    }),
  }
}

describe('exact curvature of the committed digits models vs the float64 dense Hessian', () => {
  for (const [id, dense] of Object.entries(fixture.models)) {
    it(`${id}: the fixture is of the committed weights`, () => {
      const sha = createHash('sha256')
        .update(readFileSync(`models/${id}/params.bin`))
        .digest('hex')
      expect(sha, 'regenerate with python3 scripts/fixtures/denseHessian.py').toBe(dense.paramsSha256)
    })

    it(`${id}: H v equals the dense product to 1e-5 relative`, async () => {
      const { oracle } = await oracleOf(id)
      const theta = Float64Array.from(readCheckpoint(`models/${id}`).theta)
      const v = Float64Array.from({ length: theta.length }, (_, j) => Math.sin(j + 1))
      const hv = await exactHessianVectorProduct(oracle, theta, v)
      const scale = Math.max(...dense.product.map(Math.abs))
      const err = Math.max(...Array.from(hv, (t, i) => Math.abs(t - dense.product[i])))
      expect(err / scale).toBeLessThan(1e-5)
    })

    it(`${id}: Lanczos on the exact products finds the top 5 eigenvalues to 1e-4 relative`, async () => {
      const { ck, oracle } = await oracleOf(id)
      const theta = Float64Array.from(ck.theta)
      const lz = await lanczos((v) => exactHessianVectorProduct(oracle, theta, v), theta.length, {
        iterations: 60,
        topK: 5,
        rng: createRng(7),
      })
      for (let i = 0; i < 5; i++) expect(Math.abs(lz.eigenvalues[i] - dense.top[i]) / dense.top[i]).toBeLessThan(1e-4)
    })
  }
})
