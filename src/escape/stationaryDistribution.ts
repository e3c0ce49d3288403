/**
 * Stationary distribution π (πQ = 0, Σπ = 1) of a continuous-time Markov chain given its off-diagonal
 * rates q_ij ≥ 0 (the diagonal is ignored), by the Grassmann–Taksar–Heyman state-reduction algorithm
 * (Grassmann, Taksar & Heyman, Oper. Res. 33 (1985) 1107–1116). GTH uses no subtractions, so every
 * π_i is computed to high relative accuracy even when the weights span many orders of magnitude
 * (O(n³) work, componentwise relative error O(n³·2^−52)). The rates may be scaled arbitrarily.
 * Used for the basin-hopping chain of the landscape (docs/theory.md#landscape).
 *
 * Returns undefined if the chain is reducible in a way that makes a reduction pivot 0 (no way out of
 * a group of states) or if a rate is negative or not finite.
 */
export function stationaryDistribution(rates: ArrayLike<number>[]): number[] | undefined {
  const n = rates.length
  if (n === 0) return undefined
  const p = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    if (rates[i].length !== n) return undefined
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      const q = rates[i][j]
      if (!(q >= 0) || !Number.isFinite(q)) return undefined
      p[i * n + j] = q
    }
  }
  for (let k = n - 1; k > 0; k--) {
    let s = 0
    for (let j = 0; j < k; j++) s += p[k * n + j]
    if (!(s > 0)) return undefined
    for (let i = 0; i < k; i++) p[i * n + k] /= s
    for (let i = 0; i < k; i++) {
      const pik = p[i * n + k]
      if (pik === 0) continue
      for (let j = 0; j < k; j++) if (j !== i) p[i * n + j] += pik * p[k * n + j]
    }
  }
  const pi = new Float64Array(n)
  pi[0] = 1
  let total = 1
  for (let k = 1; k < n; k++) {
    let s = 0
    for (let i = 0; i < k; i++) s += pi[i] * p[i * n + k]
    pi[k] = s
    total += s
  }
  return Array.from(pi, (x) => x / total)
}
