/**
 * The CPU budget check of the probe routes (workers/models/runProbe.ts checkBudget): the a-priori estimate
 * of estimateProbeCost against PROBE_BUDGET_SECONDS and the noise-memory cap, with the 422 texts.
 */

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ProbeOptions } from '../../src/schemas/probe.ts'
import { MAX_NOISE_FLOATS, PROBE_BUDGET_SECONDS, SECONDS_PER_PARAMETER_SAMPLE } from '../../workers/models/budget.ts'
import { checkBudget, probeSettings } from '../../workers/models/runProbe.ts'

const defaults = v.parse(ProbeOptions, {})

describe('checkBudget', () => {
  it('a default probe of the digits model (2410 parameters, 359 samples, batch 32) fits: N·(1+40+20+14+21) + 64·32 evaluations', () => {
    const r = checkBudget(probeSettings(defaults, 32), 359, 2410)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value).toBeCloseTo((359 * 96 + 64 * 32) * 2410 * SECONDS_PER_PARAMETER_SAMPLE, 12)
  })

  it('over the CPU budget: 422 with the estimate and what to lower', () => {
    const s = probeSettings({ ...defaults, iterations: 200, traceSamples: 200 }, 32)
    const r = checkBudget(s, 5000, 25450)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.kind).toBe('unanswerable')
    const evals = 5000 * (1 + 400 + 400 + 14 + 21) + 64 * 32
    expect(r.detail).toContain(
      `estimated at ${(evals * 25450 * SECONDS_PER_PARAMETER_SAMPLE).toFixed(1)} s of CPU (${evals} per-sample gradient evaluations × 25450 parameters)`,
    )
    expect(r.detail).toContain(`budget of ${PROBE_BUDGET_SECONDS} s`)
    expect(r.detail).toMatch(/lower iterations, traceSamples/)
  })

  it('noise rows over the memory cap: 422 naming batches and its largest allowed value', () => {
    const P = 200_000
    const r = checkBudget(probeSettings({ ...defaults, measures: ['noise'], batches: 64 }, 8), 100, P, 1e9)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues[0]).toEqual({
        path: 'batches',
        message: `at most ${Math.floor(MAX_NOISE_FLOATS / P)} for ${P} parameters`,
      })
    }
    expect(checkBudget(probeSettings({ ...defaults, measures: ['curvature'], batches: 64 }, 8), 100, P, 1e9).ok).toBe(
      true,
    )
  })
})
