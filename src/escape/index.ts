export { escapeTime } from './escapeTime.ts'
export { landscape } from './landscape.ts'
export { leadingOrder } from './leadingOrder.ts'
export { stationaryDistribution } from './stationaryDistribution.ts'
