/**
 * Kolmogorov–Smirnov distance between a sample and SαS(α, σ) (docs/theory.md#goodness-of-fit):
 *   D = max_i max( i/n − F(x_(i)), F(x_(i)) − (i−1)/n ).
 * F comes from the table of S(z; α) = P(X > z) of SαS(1) at z_k = sinh(k·0.066) and α = 0.50, 0.55, …, 2.00
 * (src/tail/tables/tailDiagnosticsTable.ts, from src/stable `cdf`): cubic Lagrange interpolation in α
 * (4 rows around α), then cubic Lagrange in u = asinh(z) (4 nodes around u), and the power-law tail
 * S(z) = S(z_max)·(z_max/z)^α beyond the last node (z_max ≈ 1.9e4). Error below 1e−4 in F (4e−5 at α = 0.63
 * near z = 0, 2e−6 for α ≥ 1; tested against
 * `cdf` in test/tail/ksDistanceToStable.test.ts), at the cost of a few multiplications per value.
 * Total: NaN for an empty sample, α ∉ [0.5, 2] or σ ≤ 0.
 */
import { TAIL_ALPHA_MIN, TAIL_ALPHA_STEP, TAIL_H, TAIL_NODES, UPPER_TAIL } from './tables/tailDiagnosticsTable.ts'

/** Weights of cubic Lagrange interpolation at t ∈ [0, 1] between nodes −1, 0, 1, 2. */
function lagrange4(t: number): [number, number, number, number] {
  return [
    (-t * (t - 1) * (t - 2)) / 6,
    ((t + 1) * (t - 1) * (t - 2)) / 2,
    (-(t + 1) * t * (t - 2)) / 2,
    ((t + 1) * t * (t - 1)) / 6,
  ]
}

/** The column S(z_k; α), k = 0 … TAIL_NODES − 1, interpolated in α. */
export function upperTailNodes(alpha: number): Float64Array {
  const rows = UPPER_TAIL.length
  const h = (alpha - TAIL_ALPHA_MIN) / TAIL_ALPHA_STEP
  const i = Math.max(1, Math.min(rows - 3, Math.floor(h)))
  const w = lagrange4(h - i)
  const out = new Float64Array(TAIL_NODES)
  for (let k = 0; k < TAIL_NODES; k++)
    out[k] =
      w[0] * UPPER_TAIL[i - 1][k] + w[1] * UPPER_TAIL[i][k] + w[2] * UPPER_TAIL[i + 1][k] + w[3] * UPPER_TAIL[i + 2][k]
  return out
}

/** S(z) = P(X > z), z ≥ 0, of SαS(1) from the α-interpolated nodes. */
export function upperTailAt(nodes: Float64Array, z: number, alpha: number): number {
  const u = Math.asinh(z) / TAIL_H
  const last = TAIL_NODES - 1
  if (u >= last) return nodes[last] * (Math.sinh(last * TAIL_H) / z) ** alpha
  const i = Math.max(1, Math.min(last - 2, Math.floor(u)))
  const w = lagrange4(u - i)
  const s = w[0] * nodes[i - 1] + w[1] * nodes[i] + w[2] * nodes[i + 1] + w[3] * nodes[i + 2]
  return Math.min(0.5, Math.max(0, s))
}

/** KS distance of ascending `sorted` to SαS(α, σ). */
export function ksDistanceToStable(sorted: ArrayLike<number>, alpha: number, scale: number): number {
  const n = sorted.length
  if (!(n > 0) || !(alpha >= 0.5 && alpha <= 2) || !(scale > 0) || !Number.isFinite(scale)) return NaN
  const nodes = upperTailNodes(alpha)
  let d = 0
  for (let i = 0; i < n; i++) {
    const v = sorted[i] / scale
    const f = v <= 0 ? upperTailAt(nodes, -v, alpha) : 1 - upperTailAt(nodes, v, alpha)
    d = Math.max(d, (i + 1) / n - f, f - i / n)
  }
  return d
}
