/**
 * The escape experiment's curvature (Lanczos on float64 central differences of the float64 gradient,
 * docs/escape-experiment.md#setup) against the truth: the float64 dense Hessian of each digits minimum's
 * evaluation-subset objective, eigendecomposed by numpy (test/fixtures/denseHessian.json, written by
 * scripts/fixtures/denseHessian.py). The experiment's quadratic model is only as good as these eigenvalues.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { curvatureCheck } from '../../../scripts/escape/modelTask.ts'
import { readCheckpoint } from '../../../scripts/onnx/readCheckpoint.ts'

describe('escape experiment curvature against the dense float64 Hessian', () => {
  for (const id of ['digits-mlp-sgd', 'digits-mlp-adam']) {
    it(`${id}: the top four eigenvalues agree to 1e-4 relative`, async () => {
      const check = await curvatureCheck(readCheckpoint(join('models', id)), 40, 7)
      expect(check).toBeDefined()
      expect(check?.samples).toBe(359)
      for (let i = 0; i < 4; i++) {
        const rel =
          Math.abs((check?.lanczos[i] ?? Number.NaN) - (check?.dense[i] ?? Number.NaN)) / (check?.dense[i] ?? 1)
        expect(rel).toBeLessThan(1e-4)
      }
      expect(check?.lanczos[0]).toBeGreaterThan(4.5)
    })
  }
})
