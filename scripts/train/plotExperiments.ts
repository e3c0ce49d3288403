/**
 * Draws the plots of docs/experiments.md from the committed records (models/<id>/record.json):
 * per dataset, α of the gradient noise against iterations for SGD and Adam: the coordinate-wise estimate
 * (history `alpha`, the probes' estimator) as solid lines with the 95 % intervals as bands, the row-major
 * docs/theory.md#pooled-estimator estimate of the same rows (history `alphaRowMajor`) dashed (alpha-<dataset>.svg), and train/test
 * accuracy against iterations (accuracy-<dataset>.svg).
 * Run: `npx tsx scripts/train/plotExperiments.ts` (train:all --export also runs it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ModelRecord } from '../onnx/modelRecord.ts'
import { type Series, svgLineChart } from './svgLineChart.ts'
import type { TrainHistoryEntry } from './trainMlp.ts'

type TrainRecord = Omit<ModelRecord, 'history'> & { history: TrainHistoryEntry[] }

const COLORS = { sgd: '#d62728', adam: '#1f77b4' } as const
const TITLES = { digits: 'UCI digits 8×8, MLP 64-32-10', fashion: 'Fashion-MNIST (20k), MLP 784-32-10' } as const

export function plotExperiments(modelsDir = 'models', outDir = 'docs/img'): string[] {
  mkdirSync(outDir, { recursive: true })
  const written: string[] = []
  for (const dataset of ['digits', 'fashion'] as const) {
    const recs = (['sgd', 'adam'] as const)
      .map((o) => join(modelsDir, `${dataset}-mlp-${o}`, 'record.json'))
      .filter((p) => existsSync(p))
      .map((p) => JSON.parse(readFileSync(p, 'utf8')) as TrainRecord)
    if (recs.length === 0) continue
    const label = (r: ModelRecord) => `${r.optimizer.toUpperCase()} lr ${r.lr}`
    const alphaSeries: Series[] = recs.flatMap((r) => {
      const h = r.history.filter((e) => e.alpha !== null)
      const w = r.history.filter((e) => e.alphaRowMajor != null)
      return [
        {
          name: `${r.optimizer.toUpperCase()} coord-wise`,
          color: COLORS[r.optimizer],
          points: h.map((e) => [e.iteration, e.alpha!] as [number, number]),
          band: h.map((e) => [e.iteration, e.alphaLower ?? NaN, e.alphaUpper ?? NaN] as [number, number, number]),
        },
        ...(w.length
          ? [
              {
                name: `${r.optimizer.toUpperCase()} row-major`,
                color: COLORS[r.optimizer],
                dashed: true,
                points: w.map((e) => [e.iteration, e.alphaRowMajor!] as [number, number]),
              },
            ]
          : []),
      ]
    })
    const a = join(outDir, `alpha-${dataset}.svg`)
    writeFileSync(
      a,
      svgLineChart({
        title: `Tail index α of the gradient noise: ${TITLES[dataset]}`,
        xLabel: 'iteration',
        yLabel: 'α (coordinate-wise: 95 % interval shaded)',
        series: alphaSeries,
      }),
    )
    const accSeries: Series[] = recs.flatMap((r) => [
      {
        name: `${label(r)} test`,
        color: COLORS[r.optimizer],
        points: r.history.map((e) => [e.iteration, e.testAccuracy] as [number, number]),
      },
      {
        name: `${label(r)} train`,
        color: COLORS[r.optimizer],
        dashed: true,
        points: r.history.map((e) => [e.iteration, e.trainAccuracy] as [number, number]),
      },
    ])
    const lo = Math.min(
      ...recs.flatMap((r) => r.history.slice(1).map((e) => Math.min(e.testAccuracy, e.trainAccuracy))),
    )
    const b = join(outDir, `accuracy-${dataset}.svg`)
    writeFileSync(
      b,
      svgLineChart({
        title: `Accuracy: ${TITLES[dataset]}`,
        xLabel: 'iteration',
        yLabel: 'accuracy',
        series: accSeries,
        yMin: Math.floor(lo * 20) / 20,
        yMax: 1,
      }),
    )
    written.push(a, b)
  }
  return written
}

/**
 * Markdown table of the runs: final accuracies and losses, α at the end (95 % interval), and the mean
 * and range of the per-epoch α over the second half of training (epochs > E/2).
 */
export function summariseExperiments(modelsDir = 'models'): string {
  const rows = [
    '| model | lr | epochs (iterations) | train acc | test acc | test loss | α at the end [95 % CI] | mean α, epochs > E/2 (min–max) | row-major α at the end [95 % CI] | mean row-major α, epochs > E/2 (min–max) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  const late = (r: TrainRecord, key: 'alpha' | 'alphaRowMajor') => {
    const v = r.history.filter((h) => h.epoch > r.epochs / 2 && h[key] != null).map((h) => h[key]!)
    return `${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(3)} (${Math.min(...v).toFixed(3)}–${Math.max(...v).toFixed(3)})`
  }
  for (const dataset of ['digits', 'fashion'] as const) {
    for (const o of ['sgd', 'adam'] as const) {
      const p = join(modelsDir, `${dataset}-mlp-${o}`, 'record.json')
      if (!existsSync(p)) continue
      const r = JSON.parse(readFileSync(p, 'utf8')) as TrainRecord
      const last = r.history[r.history.length - 1]
      rows.push(
        `| ${r.id} | ${r.lr} | ${r.epochs} (${last.iteration}) | ${r.trainAccuracy.toFixed(4)} | ${r.testAccuracy.toFixed(4)} | ${r.testLoss.toFixed(4)} | ${last.alpha?.toFixed(3)} [${last.alphaLower?.toFixed(3)}, ${last.alphaUpper?.toFixed(3)}] | ${late(r, 'alpha')} | ${last.alphaRowMajor?.toFixed(3)} [${last.alphaRowMajorLower?.toFixed(3)}, ${last.alphaRowMajorUpper?.toFixed(3)}] | ${late(r, 'alphaRowMajor')} |`,
      )
    }
  }
  return rows.join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  for (const f of plotExperiments(args[0] ?? 'models', args[1] ?? 'docs/img')) console.log(`wrote ${f}`)
  console.log(summariseExperiments(args[0] ?? 'models'))
}
