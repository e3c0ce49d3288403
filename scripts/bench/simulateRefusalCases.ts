/**
 * Expensive /v1/simulate requests that must each end in a 422 having done at most the pilot's work
 * (docs/api.md#simulation-work-rule): α = 2 and α ≤ 1 with no theory value, α near 1, a tiny learning rate, the
 * largest chains × maxIterations, high dimension with isotropic noise or a full Hessian. Shared by the workerd test
 * (test/workers/simulateBudget.test.ts) and the refusal bench (scripts/bench/simulateRefusal.bench.ts).
 */

const ones = (d: number) => new Array<number>(d).fill(1)
const tridiagonal = (d: number) =>
  Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? 0.5 : 0)),
  )

/** One expensive request: its name, its body, and how it must end: before any work (the theory) or at the pilot. */
export type RefusalCase = [name: string, body: Record<string, unknown>, ends: 'before' | 'pilot']

/** The matrix of expensive requests, each a 422 within its pilot. */
export const SIMULATE_REFUSALS: RefusalCase[] = [
  [
    'α = 2 (no theory), 10⁴ chains × 10⁸ iterations',
    {
      optimizer: 'sgd',
      alpha: 2,
      lr: 0.001,
      basin: { kind: 'interval', left: 1, right: 1 },
      noise: { scale: 1 },
      chains: 10000,
      maxIterations: 1e8,
    },
    'pilot',
  ],
  [
    'α = 1 (no theory), a wide basin',
    {
      optimizer: 'sgd',
      alpha: 1,
      lr: 1e-6,
      basin: { kind: 'interval', left: 1e6, right: 1e6 },
      noise: { scale: 1 },
      chains: 5000,
      maxIterations: 1e6,
    },
    'pilot',
  ],
  [
    'α = 1.0001 (near 1), tiny learning rate',
    {
      optimizer: 'sgd',
      alpha: 1.0001,
      lr: 1e-9,
      basin: { kind: 'interval', left: 1e3, right: 1e3 },
      noise: { scale: 1 },
      chains: 10000,
      maxIterations: 1e8,
    },
    'before',
  ],
  [
    'α = 1.5, η = 10⁻¹² (Adam)',
    {
      optimizer: 'adam',
      alpha: 1.5,
      lr: 1e-12,
      basin: { kind: 'quadratic', curvatures: [4, 1], height: 0.5 },
      noise: { scale: [1, 0.5] },
      chains: 10000,
      maxIterations: 1e8,
    },
    'before',
  ],
  [
    'α = 0.5 (no theory), 10⁴ chains × 10⁸ iterations',
    {
      optimizer: 'sgd',
      alpha: 0.5,
      lr: 1e-9,
      basin: { kind: 'interval', left: 1e6, right: 1e6 },
      noise: { scale: 1e-6 },
      chains: 10000,
      maxIterations: 1e8,
    },
    'pilot',
  ],
  [
    'α = 0.5, isotropic d = 2 (a mixing draw per iteration)',
    {
      optimizer: 'sgd',
      alpha: 0.5,
      lr: 1e-9,
      basin: { kind: 'quadratic', curvatures: [1, 1], height: 1e100 },
      noise: { scale: 1e-9, model: 'isotropic' },
      chains: 10000,
      maxIterations: 1e8,
    },
    'pilot',
  ],
  [
    'd = 256, isotropic Gaussian noise (α = 2)',
    {
      optimizer: 'adam',
      alpha: 2,
      lr: 1e-6,
      basin: { kind: 'quadratic', curvatures: ones(256), height: 1e6 },
      noise: { scale: 0.01, model: 'isotropic' },
      chains: 10,
      maxIterations: 1e8,
    },
    'pilot',
  ],
  [
    'full Hessian d = 128 (α = 2)',
    {
      optimizer: 'sgd',
      alpha: 2,
      lr: 1e-4,
      basin: { kind: 'quadratic', hessian: tridiagonal(128), height: 1e6 },
      noise: { scale: 0.01 },
      chains: 100,
      maxIterations: 1e8,
    },
    'pilot',
  ],
]
