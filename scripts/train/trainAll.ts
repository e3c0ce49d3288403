/**
 * `npm run train:all [-- --seed N] [--export] [--no-progress]`: trains the four models (digits and
 * Fashion-MNIST, each with SGD and with Adam from the same θ₀ and data order) into out/models/,
 * verifies each checkpoint, and with --export copies the folders to models/ (the committed
 * checkpoints, each checked < 2 MB) and redraws the plots of docs/experiments.md (plotExperiments.ts).
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { plotExperiments } from './plotExperiments.ts'
import { loadDataset, runTraining } from './runTraining.ts'
import { summaryLine } from './train.ts'
import { DEFAULT_SEED, TRAIN_CONFIGS } from './trainConfigs.ts'

export const MAX_MODEL_BYTES = 2 * 1024 * 1024

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string', default: 'out/models' },
      export: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
    },
  })
  const seed = Number(values.seed)
  const lines: string[] = []
  const dirs: string[] = []
  for (const dataset of ['digits', 'fashion'] as const) {
    const data = loadDataset(dataset, TRAIN_CONFIGS[dataset].trainLimit)
    for (const optimizer of ['sgd', 'adam'] as const) {
      const { record, dir } = await runTraining({
        dataset,
        optimizer,
        seed,
        outDir: values.out!,
        progress: !values['no-progress'],
        data,
      })
      lines.push(summaryLine(record))
      console.log(lines[lines.length - 1])
      const bytes = folderBytes(dir)
      if (bytes >= MAX_MODEL_BYTES) throw new Error(`${dir} is ${bytes} bytes, over the 2 MB budget`)
      dirs.push(dir)
    }
  }
  if (values.export) {
    mkdirSync('models', { recursive: true })
    for (const dir of dirs) {
      const target = join('models', dir.split('/').pop()!)
      rmSync(target, { recursive: true, force: true })
      cpSync(dir, target, { recursive: true })
      console.log(`exported ${target} (${folderBytes(target)} bytes)`)
    }
    plotExperiments('models', 'docs/img')
  }
  console.log(`\n${lines.join('\n')}`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
