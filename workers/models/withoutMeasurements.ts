/** A probe answer without the raw measurements runProbe.ts keeps for the escape prediction. */
export function withoutMeasurements<T extends { measurements?: unknown }>(p: T): Omit<T, 'measurements'> {
  const { measurements: _, ...rest } = p
  return rest
}
