/**
 * The hostile uploads of scripts/fixtures/hostileModels.ts through the checks that run before any session:
 * the contract (checkUserModel), the static analysis at the probe's largest batch (analyseUserModel) and the
 * budget with the graph's per-run cost (checkBudget). Each must fail with the status and path its manifest
 * names; the untouched fixture must pass with a per-run estimate well under the per-run cap.
 */
import { readFileSync } from 'node:fs'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ProbeOptions } from '../../src/schemas/probe.ts'
import { analyseUserModel } from '../../workers/models/analyseUserModel.ts'
import { MAX_RUN_SECONDS } from '../../workers/models/budget.ts'
import { checkBudget, probeSettings } from '../../workers/models/runProbe.ts'
import { checkUserModel } from '../../workers/models/userModel.ts'

const DIR = 'test/fixtures/userModel/hostile'
const manifest = JSON.parse(readFileSync(`${DIR}/hostile.json`, 'utf8')) as {
  options: { measures: string[] }
  models: { name: string; status: number; path: string }[]
}
const SAMPLES = 300 // data.bin: 300 digits

function verdict(bytes: Uint8Array, options: unknown) {
  const model = checkUserModel(bytes)
  if (!model.ok) return { status: 400, failure: model }
  const plan = analyseUserModel(model.value, SAMPLES)
  if (!plan.ok) return { status: 400, failure: plan }
  const s = probeSettings(v.parse(ProbeOptions, options), Math.min(32, SAMPLES))
  const b = checkBudget(s, SAMPLES, model.value.parameters, undefined, {
    runSeconds: plan.value.runSeconds,
    maxBatch: plan.value.batch,
  })
  if (!b.ok) return { status: 422, failure: b }
  return { status: 200, plan: plan.value }
}

describe('hostile uploads are refused before anything runs', () => {
  it('the manifest lists the seven hostile graphs', () => {
    expect(manifest.models.map((m) => m.name).sort()).toEqual(
      ['computedShape', 'constantOfShape', 'expand', 'manyNodes', 'matmulCube', 'nanInitializer', 'tile'].sort(),
    )
  })
  for (const m of manifest.models) {
    it(`${m.name}: ${m.status} at ${m.path}`, () => {
      const r = verdict(new Uint8Array(readFileSync(`${DIR}/${m.name}.onnx`)), { measures: manifest.options.measures })
      expect(r.status).toBe(m.status)
      if (!('failure' in r) || !r.failure || r.failure.ok) throw new Error('expected a failure')
      expect(r.failure.issues[0].path).toMatch(new RegExp(m.path))
    })
  }
  it('the sizes in the messages: 10⁹ elements, 10⁴ nodes, the NaN position, the per-run estimate', () => {
    const msg = (name: string) => {
      const r = verdict(new Uint8Array(readFileSync(`${DIR}/${name}.onnx`)), { measures: ['loss'] })
      return 'failure' in r && r.failure && !r.failure.ok ? `${r.failure.detail} ${r.failure.issues[0].message}` : ''
    }
    expect(msg('constantOfShape')).toMatch(/1,000,000,000 elements/)
    expect(msg('tile')).toMatch(/1,000,000,000 elements/)
    expect(msg('expand')).toMatch(/100,000,000 elements \(\[10000, 10000\]\)/)
    expect(msg('manyNodes')).toMatch(/10,036 nodes; at most 4,096/)
    expect(msg('nanInitializer')).toMatch(/NaN at flat index 0/)
    expect(msg('computedShape')).toMatch(/Expand.*computed from values not known before running/)
    // 2 · 2048³ multiply-adds at 1e-9 s each: 17.2 s for one run, independent of the batch
    expect(msg('matmulCube')).toMatch(/estimated at 17\.\d+ s .*does not depend on the batch/)
  })
  it('the untouched fixture passes: one run at N = 300 is estimated far under the per-run cap', () => {
    const r = verdict(new Uint8Array(readFileSync('test/fixtures/userModel/model.onnx')), {})
    expect(r.status).toBe(200)
    if (!('plan' in r) || !r.plan) return
    expect(r.plan.batch).toBe(300)
    const run = r.plan.runSeconds.fixed + 300 * r.plan.runSeconds.perSample
    expect(run).toBeGreaterThan(0)
    expect(run).toBeLessThan(MAX_RUN_SECONDS / 10)
  })
})
