// Loader for test/fixtures/tailEstimator.json (made by scripts/fixtures/tailEstimator.py: a numpy/scipy
// implementation of docs/theory.md#log-moment-estimator, docs/theory.md#pooled-estimator, docs/theory.md#estimator-caveats and the block-size rule of docs/theory.md#block-layout, on data it drew with scipy).
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import type { LogMomentEstimate } from '../../src/tail/logMomentFromBlocks.ts'

export interface OracleExpected {
  inverseAlpha: number
  rawAlpha: number
  standardError: number
  blockSize: number
  blocks: number
  used: number
  intervalLower: number
  intervalUpper: number
  inverseLower: number
  inverseUpper: number
  excludedColumns?: number
}

export interface OracleCase {
  kind: 'scalar' | 'vector' | 'pooled'
  alpha: number
  blockSizeIn: number | null
  confidence: number
  center?: boolean
  standardize?: boolean
  samples: number[] | number[][]
  expected: OracleExpected
}

interface Fixture {
  header: Record<string, unknown>
  datasets: Record<string, number[] | number[][]>
  cases: (Omit<OracleCase, 'samples'> & { data: string })[]
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/tailEstimator.json', import.meta.url), 'utf8')) as Fixture

export const oracleHeader = fixture.header

export function oracleCases(kind: OracleCase['kind']): OracleCase[] {
  return fixture.cases.filter((c) => c.kind === kind).map((c) => ({ ...c, samples: fixture.datasets[c.data] }))
}

/** Compares an estimate with the oracle: every number to 1e-10 absolute, the layout exactly. */
export function expectMatchesOracle(e: LogMomentEstimate, want: OracleExpected): void {
  expect(e.blockSize).toBe(want.blockSize)
  expect(e.blocks).toBe(want.blocks)
  expect(e.used).toBe(want.used)
  const pairs: [number, number][] = [
    [e.inverseAlpha, want.inverseAlpha],
    [e.rawAlpha, want.rawAlpha],
    [e.standardError, want.standardError],
    [e.interval.lower, want.intervalLower],
    [e.interval.upper, want.intervalUpper],
    [e.inverseInterval.lower, want.inverseLower],
    [e.inverseInterval.upper, want.inverseUpper],
  ]
  for (const [got, exp] of pairs) expect(Math.abs(got - exp)).toBeLessThan(1e-10)
}
