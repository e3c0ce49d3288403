/**
 * The requests used to measure the API (CPU per endpoint inside workerd, and `npm run load`): each endpoint
 * at its default size, plus the no-op route `/healthz` as the baseline.
 */
import { createRng } from '../../src/random/index.ts'
import { sample } from '../../src/stable/index.ts'

export interface ApiCase {
  name: string
  method: 'GET' | 'POST'
  path: string
  body?: unknown
  /** Run against the lite build's app (lowered simulator cap) instead of the full one. */
  lite?: boolean
}

const grid = (n: number, lo: number, hi: number) =>
  Array.from({ length: n }, (_, i) => +(lo + ((hi - lo) * i) / (n - 1)).toFixed(6))

/** 10^4 SαS(1) samples at α = 1.5 (seed 7), the tail-index load case. */
export const tailSamples = (): number[] => Array.from(sample(1.5, 1, 10_000, createRng(7)), (x) => +x.toPrecision(8))

export const escapeBody = {
  basin: { kind: 'interval', left: 1, right: 2 },
  noise: { scale: 1 },
  optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
}

export const escapeQuery =
  'basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01&optimizers.adam.alpha=1.7&optimizers.adam.lr=0.001'

export function apiCases(): ApiCase[] {
  return [
    { name: 'no-op (/healthz)', method: 'GET', path: '/healthz' },
    {
      name: 'stable/pdf GET, 100 points',
      method: 'GET',
      path: `/v1/stable/pdf?alpha=1.5&x=${grid(100, -10, 10).join(',')}`,
    },
    {
      name: 'stable/cdf POST, 100 points',
      method: 'POST',
      path: '/v1/stable/cdf',
      body: { alpha: 1.5, x: grid(100, -10, 10) },
    },
    {
      name: 'stable/quantile POST, 100 points',
      method: 'POST',
      path: '/v1/stable/quantile',
      body: { alpha: 1.5, p: grid(100, 0.005, 0.995) },
    },
    {
      name: 'stable/sample POST, n = 10^4',
      method: 'POST',
      path: '/v1/stable/sample',
      body: { alpha: 1.5, n: 10_000 },
    },
    { name: 'tail-index POST, 10^4 samples', method: 'POST', path: '/v1/tail-index', body: { samples: tailSamples() } },
    { name: 'escape-time GET, interval, SGD + Adam', method: 'GET', path: `/v1/escape-time?${escapeQuery}` },
    { name: 'escape-time POST, interval, SGD + Adam', method: 'POST', path: '/v1/escape-time', body: escapeBody },
    {
      name: 'escape-time POST, quadratic d = 10, axis',
      method: 'POST',
      path: '/v1/escape-time',
      body: {
        basin: { kind: 'quadratic', curvatures: grid(10, 0.5, 5), height: 1 },
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
      },
    },
    {
      name: 'escape-time POST, quadratic d = 10, isotropic',
      method: 'POST',
      path: '/v1/escape-time',
      body: {
        basin: { kind: 'quadratic', curvatures: grid(10, 0.5, 5), height: 1 },
        noise: { scale: 1, model: 'isotropic' },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 } },
      },
    },
    {
      name: 'landscape POST, 4 basins',
      method: 'POST',
      path: '/v1/landscape',
      body: {
        walls: [-1, 1, 3],
        minima: [-2, 0, 2, 4],
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
      },
    },
    {
      name: 'simulate POST, default size (1000 chains)',
      method: 'POST',
      path: '/v1/simulate',
      body: {
        optimizer: 'sgd',
        alpha: 1.5,
        lr: 0.1,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 1 },
      },
    },
    {
      name: 'simulate POST, default size, lite build (50,000-draw cap)',
      method: 'POST',
      path: '/v1/simulate',
      body: {
        optimizer: 'sgd',
        alpha: 1.5,
        lr: 0.1,
        basin: { kind: 'interval', left: 1, right: 1 },
        noise: { scale: 1 },
      },
      lite: true,
    },
  ]
}

/** 500 × 500 SαS(1) draws at α = 1.5 with 4 significant digits, so that the body (1.9 MB) fits the 2 MiB limit. */
function capTailRows(): number[][] {
  const all = Array.from(sample(1.5, 1, 250_000, createRng(8)), (x) => +x.toPrecision(4))
  return Array.from({ length: 500 }, (_, i) => all.slice(500 * i, 500 * i + 500))
}

/** The largest requests the caps allow (worst cases for the CPU budget). */
export function capCases(): ApiCase[] {
  const d = 256
  const hessian = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (i === j ? 2 + i / d : Math.abs(i - j) === 1 ? 0.5 : 0)),
  )
  const n = 64
  const walls = grid(n - 1, -31, 31)
  const minima = [-32, ...walls.slice(1).map((w) => w - 0.5), 32]
  return [
    { name: 'no-op (/healthz)', method: 'GET', path: '/healthz' },
    {
      name: 'stable/quantile POST, 1000 points',
      method: 'POST',
      path: '/v1/stable/quantile',
      body: { alpha: 1.2, p: grid(1000, 0.0005, 0.9995) },
    },
    {
      name: 'stable/sample POST, n = 10^5',
      method: 'POST',
      path: '/v1/stable/sample',
      body: { alpha: 1.5, n: 100_000 },
    },
    {
      name: 'tail-index POST, 2.5·10^5 samples (500 × 500)',
      method: 'POST',
      path: '/v1/tail-index',
      body: { samples: capTailRows() },
    },
    {
      name: 'escape-time POST, full Hessian d = 256, isotropic, SGD + Adam',
      method: 'POST',
      path: '/v1/escape-time',
      body: {
        basin: { kind: 'quadratic', hessian, height: 1 },
        noise: { scale: 1, model: 'isotropic' },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
      },
    },
    {
      name: 'escape-time POST, full Hessian d = 128, lite build (its cap)',
      method: 'POST',
      path: '/v1/escape-time',
      body: {
        basin: { kind: 'quadratic', hessian: hessian.slice(0, 128).map((r) => r.slice(0, 128)), height: 1 },
        noise: { scale: 1, model: 'isotropic' },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
      },
      lite: true,
    },
    {
      name: 'tail-index POST, 3·10^4 samples, lite build',
      method: 'POST',
      path: '/v1/tail-index',
      body: { samples: capTailRows().flat().slice(0, 30_000) },
      lite: true,
    },
    {
      name: 'stable/sample POST, n = 20,000, lite build',
      method: 'POST',
      path: '/v1/stable/sample',
      body: { alpha: 1.5, n: 20_000 },
      lite: true,
    },
    {
      name: 'landscape POST, 64 basins',
      method: 'POST',
      path: '/v1/landscape',
      body: {
        walls,
        minima,
        noise: { scale: 1 },
        optimizers: { sgd: { alpha: 1.5, lr: 0.01 }, adam: { alpha: 1.7, lr: 0.001 } },
      },
    },
    {
      name: 'simulate POST, work cap (10^4 chains, nothing escapes: 2·10^7 draws)',
      method: 'POST',
      path: '/v1/simulate',
      body: {
        optimizer: 'sgd',
        alpha: 1.9,
        lr: 1e-4,
        basin: { kind: 'interval', left: 100, right: 100 },
        noise: { scale: 1 },
        chains: 10_000,
        maxIterations: 100_000_000,
      },
    },
    {
      name: 'simulate POST, same, lite build (5·10^4 draws)',
      method: 'POST',
      path: '/v1/simulate',
      body: {
        optimizer: 'sgd',
        alpha: 1.9,
        lr: 1e-4,
        basin: { kind: 'interval', left: 100, right: 100 },
        noise: { scale: 1 },
        chains: 10_000,
        maxIterations: 100_000_000,
      },
      lite: true,
    },
  ]
}
