/**
 * Stand-in for src/stable/tableLookup.ts in the browser bundle only (scripts/buildWidget.ts swaps it
 * in). The precomputed Chebyshev table of the SαS middle region is an accelerator of ~150 KiB that
 * would by itself double the widget's 80 KiB gzip budget; without it, src/stable/standardTail.ts falls
 * back to its table-free evaluator (exactTail.ts), which the table was fitted to and which has the same
 * accuracy (≤ 1e−12 relative, docs/theory.md#sas-numerics), at ~0.1 ms per point instead of ~1 µs. The widget
 * evaluates the density at a few dozen points per α change, so the browser pays well under a frame.
 * Same signature as the original: "not tabled" for every (x, α).
 */
export function tableLookup(_x: number, _alpha: number): { sf: number; pdf: number } | undefined {
  return undefined
}
