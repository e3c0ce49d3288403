/**
 * Domain checks shared by the SαS functions (docs/theory.md#sas-law): α ∈ (0, 2], σ finite and > 0.
 * The core is total: callers return NaN when these fail.
 */
/** α is a stable index: finite and in (0, 2]. */
export const isAlpha = (alpha: number): boolean => Number.isFinite(alpha) && alpha > 0 && alpha <= 2
/** σ is a scale: finite and > 0. */
export const isScale = (scale: number): boolean => Number.isFinite(scale) && scale > 0
