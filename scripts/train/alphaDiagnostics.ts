/**
 * Diagnostics of the α measurement at the committed minima (docs/experiments.md "How robust is α?"):
 * for each models/<id>, at θ* (params.bin) on its training data, α of the gradient noise by the
 * coordinate-wise estimator (history `alpha`) and the row-major one (history `alphaRowMajor`)
 *   - with minibatch sizes b ∈ {8, 32, 128} (P = min(100, ⌊n/b⌋) batches): a truly α-stable noise
 *     keeps its α under averaging, while finite-variance per-sample gradients drift towards 2 as b grows;
 *   - row-major without the per-coordinate standardisation (the docs/theory.md#pooled-estimator reference recipe), which docs/theory.md#estimator-caveats
 *     shows is biased low when coordinates have different scales;
 * and a control: both estimators on Gaussian rows of the same P × M shape (should give ≈ 2).
 * Run: `npx tsx scripts/train/alphaDiagnostics.ts` (prints a markdown table, writes docs/img/alpha-diagnostics.json).
 */
import { writeFileSync } from 'node:fs'
import { createRng, normal } from '../../src/random/index.ts'
import { forEachCommittedMinimum } from './forEachCommittedMinimum.ts'
import { gradientNoiseTailIndex, type NoiseMeasurement, noiseTailIndex } from './gradientNoiseTailIndex.ts'
import { useBackend } from './tfBackend.ts'

const fmt = (e: { alpha: number; alphaLower: number; alphaUpper: number }) =>
  `${e.alpha.toFixed(3)} [${e.alphaLower.toFixed(3)}, ${e.alphaUpper.toFixed(3)}]`
const both = (e: NoiseMeasurement) => `${e.alpha.toFixed(3)} (${e.rowMajor.alpha.toFixed(3)})`

async function main(): Promise<void> {
  await useBackend('wasm')
  const out: Record<string, unknown>[] = []
  const lines = [
    '| model | b = 8 | b = 32 | b = 128 | b = training batch, row-major not standardised | Gaussian control (same P × M), 1/α̂ coordinate-wise (row-major) |',
    '|---|---|---|---|---|---|',
  ]
  await forEachCommittedMinimum(({ cfg, data, x, y, checkpoint: ck, model: m }) => {
    const seed = ck.record.seed * 1000 + 29
    const byBatch = [8, 32, 128].map((b) => ({
      b,
      ...gradientNoiseTailIndex(m, x, y, 10, { batches: 100, batchSize: b, seed }),
    }))
    const raw = gradientNoiseTailIndex(m, x, y, 10, {
      batches: cfg.alphaBatches,
      batchSize: cfg.batchSize,
      seed,
      standardize: false,
    })
    const P = Math.min(cfg.alphaBatches, Math.floor(data.train.n / cfg.batchSize))
    const rng = createRng(7)
    const rows = Array.from({ length: P }, () => Float64Array.from({ length: ck.record.parameters }, () => normal(rng)))
    const gauss = noiseTailIndex(rows)
    lines.push(
      `| ${ck.record.id} | ${byBatch.map(both).join(' | ')} | ${fmt(raw.rowMajor)} | ${gauss.inverseAlpha.toFixed(4)} (${gauss.rowMajor.inverseAlpha.toFixed(4)}) |`,
    )
    out.push({ id: ck.record.id, byBatch, unstandardisedRowMajor: raw.rowMajor, gaussianControl: gauss })
    console.log(lines[lines.length - 1])
  })
  writeFileSync(
    'docs/img/alpha-diagnostics.json',
    `${JSON.stringify(
      { generatedBy: 'scripts/train/alphaDiagnostics.ts', when: new Date().toISOString(), results: out },
      null,
      2,
    )}\n`,
  )
  console.log(`\n(each cell: coordinate-wise α̂, in brackets the row-major α̂)\n${lines.join('\n')}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
