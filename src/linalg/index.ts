export { isPositiveDefinite } from './isPositiveDefinite.ts'
export { symmetricEigenvalues } from './symmetricEigenvalues.ts'
