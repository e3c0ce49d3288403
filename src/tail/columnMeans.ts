/**
 * Column means of a rectangular array of rows (all rows as long as the first): mean_r x[r][c].
 * Used to centre noise before the tail-index estimators (docs/theory.md#estimator-caveats: the data must be centred).
 * Plain summation; relative error ≤ R·2^−53 for R rows.
 */
export function columnMeans(rows: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const dim = rows.length > 0 ? rows[0].length : 0
  const mean = new Float64Array(dim)
  for (const row of rows) for (let c = 0; c < dim; c++) mean[c] += row[c]
  for (let c = 0; c < dim; c++) mean[c] /= rows.length
  return mean
}
