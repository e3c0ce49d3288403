/**
 * `npm run train -- --dataset digits|fashion --optimizer sgd|adam [--seed N] [--epochs E]
 *  [--backend wasm|cpu] [--out out/models] [--no-progress]`
 * Trains one model, writes the verified checkpoint folder to `<out>/<dataset>-mlp-<optimizer>/`
 * (out/ is git-ignored) and prints the summary. `npm run train:all` trains and exports all four.
 */

import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { ModelRecord } from '../onnx/modelRecord.ts'
import { runTraining } from './runTraining.ts'
import { DEFAULT_SEED } from './trainConfigs.ts'

export function summaryLine(r: ModelRecord): string {
  const last = r.history.filter((h) => h.alpha !== null).at(-1)
  const a = last
    ? `α ${last.alpha!.toFixed(3)} [${last.alphaLower?.toFixed(3)}, ${last.alphaUpper?.toFixed(3)}]`
    : 'α –'
  return `${r.id}: train acc ${r.trainAccuracy.toFixed(4)}, test acc ${r.testAccuracy.toFixed(4)}, test loss ${r.testLoss.toFixed(4)}, ${a}, grad check ${r.verification?.gradMaxRelErr?.toExponential(2)}`
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      optimizer: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      epochs: { type: 'string' },
      backend: { type: 'string', default: 'wasm' },
      out: { type: 'string', default: 'out/models' },
      'no-progress': { type: 'boolean', default: false },
    },
  })
  const dataset = values.dataset
  const optimizer = values.optimizer
  if ((dataset !== 'digits' && dataset !== 'fashion') || (optimizer !== 'sgd' && optimizer !== 'adam')) {
    console.error(
      'usage: npm run train -- --dataset digits|fashion --optimizer sgd|adam [--seed N] [--epochs E] [--backend wasm|cpu] [--out DIR]',
    )
    process.exit(2)
  }
  const backend = values.backend === 'cpu' ? 'cpu' : 'wasm'
  const seed = Number(values.seed)
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer')
  const overrides = values.epochs ? { epochs: Number(values.epochs) } : {}
  const { record, dir } = await runTraining({
    dataset,
    optimizer,
    seed,
    outDir: values.out!,
    backend,
    progress: !values['no-progress'],
    overrides,
  })
  console.log(summaryLine(record))
  console.log(`wrote and verified ${dir}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
