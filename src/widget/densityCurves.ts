/**
 * The SαS(1) densities of the two optimizers' noise and the Gaussian (α = 2, i.e. N(0, 2)) on
 * x ∈ [−xMax, xMax], evaluated on x ≥ 0 and mirrored (the law is symmetric, docs/theory.md#sas-law).
 */
export type PdfFn = (x: number, alpha: number) => number

/** Densities on a common grid, one curve per α. */
export interface DensityCurves {
  x: number[]
  curves: { alpha: number; y: number[] }[]
}

/**
 * The SαS(1) densities at each α in `alphas` and the Gaussian (α = 2, N(0, 2)) on 2·half + 1 points of
 * [−xMax, xMax], evaluated for x ≥ 0 and mirrored (docs/theory.md#sas-law).
 */
export function densityCurves(alphas: number[], pdf: PdfFn, xMax = 10, half = 40): DensityCurves {
  const pos = Array.from({ length: half + 1 }, (_, i) => (xMax * i) / half)
  const x = [
    ...pos
      .slice(1)
      .reverse()
      .map((t) => -t),
    ...pos,
  ]
  const curves = alphas.map((alpha) => {
    const yp = pos.map((t) => pdf(t, alpha))
    return { alpha, y: [...yp.slice(1).reverse(), ...yp] }
  })
  return { x, curves }
}
