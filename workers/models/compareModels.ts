/**
 * The `/v1/compare` answer: probes an SGD and an Adam minimum, then predicts the escape of both optimizers
 * (each with its own model's learning rate) from both minima with the curvature, noise scales and α measured
 * at that minimum (the 2×2 table). Failures and warnings name the model they come from.
 */
import type * as v from 'valibot'
import { probeEscape } from '../../src/probe/index.ts'
import { type Result, success } from '../../src/result.ts'
import type { CompareRequest, CompareResponse, ProbeOutput, WarningOutput } from '../../src/schemas/index.ts'

import { bundledTarget } from './bundledModels.ts'
import type { BundledModel } from './modelRecord.ts'
import { escapeUnavailable, runProbe } from './runProbe.ts'
import { withoutMeasurements } from './withoutMeasurements.ts'

type CompareOptions = Omit<v.InferOutput<typeof CompareRequest>, 'models'>
type CompareOutput = v.InferOutput<typeof CompareResponse>

/** The measures probed at each minimum: the requested ones (default all but escape) plus `escape`. */
const DEFAULT_MEASURES = ['loss', 'noise', 'curvature', 'sharpness', 'slice'] as const

/**
 * Probes each model of `pair` (in request order) and fills the table with both optimizers' predicted escape
 * from it; `lrs` are the learning rates of the SGD and of the Adam model.
 */
export async function compareModels(
  pair: readonly BundledModel[],
  lrs: { sgd: { lr: number }; adam: { lr: number } },
  options: CompareOptions,
): Promise<Result<CompareOutput>> {
  const probes: Record<string, ProbeOutput> = {}
  const table: CompareOutput['table'] = []
  const warnings: WarningOutput[] = []
  const measures = [...new Set([...(options.measures ?? DEFAULT_MEASURES), 'escape' as const])]
  for (const m of pair) {
    const id = m.record.id
    const own = { [m.record.optimizer]: lrs[m.record.optimizer] }
    const r = await runProbe(await bundledTarget(m, own), { ...options, measures })
    if (!r.ok) return { ...r, detail: `${id}: ${r.detail}` }
    const both = probeEscape(r.value.measurements, lrs, options.height)
    probes[id] = withoutMeasurements(r.value)
    if (!both.ok) {
      // after the probe's work: no rows from this minimum, and the reason, never a 422 (docs/api.md#trained-minima)
      warnings.push(escapeUnavailable(both, `${id}: `))
      continue
    }
    for (const optimizer of ['sgd', 'adam'] as const) {
      const e = both.value[optimizer]
      if (e) {
        const { alpha, lr, radonMeasure, meanEscapeIterations, regime } = e
        table.push({ minimum: id, optimizer, alpha, lr, radonMeasure, meanEscapeIterations, regime })
      }
    }
    warnings.push(...both.value.warnings.map((w) => ({ ...w, message: `${id}: ${w.message}` })))
  }
  const unique = [...new Map(warnings.map((w) => [JSON.stringify(w), w])).values()]
  return success({ probes, table, warnings: unique })
}
