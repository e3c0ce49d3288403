/**
 * The two poolings of the gradient-noise tail index side by side (docs/experiments.md "Two poolings"):
 * the coordinate-wise pool of src/probe `coordinatewiseTailIndex` (the default, history `alpha`) and the
 * row-major pool of src/tail `pooledNoiseTailIndex` (docs/theory.md#pooled-estimator, history `alphaRowMajor`).
 *
 * 1. Synthetic rows with a known α (constrainedStableRows.ts: every column exactly SαS(α); in the
 *    "constrained" columns each run of 10 consecutive entries of a row sums to zero, as the softmax
 *    output-layer gradient does over the classes). Layouts: none constrained; the digits MLP's share (the last
 *    330 of 2,410 columns, = W2 [32, 10] and b2 [10]); all constrained. P = 44 (the digits α batches) and
 *    100; R seeded repetitions, mean and standard deviation of α̂ reported.
 * 2. The committed minima (models/<id>/params.bin) on their training data with the training α settings
 *    (the batches of the last history entry): both recipes on all parameters, on the hidden layer only
 *    (W1, b1: no constraint) and on the output layer only (W2, b2: constrained), and the row-major recipe
 *    after a seeded random permutation of the columns (which separates the constrained neighbours) and
 *    after shuffling each column independently across the minibatches (which keeps every column's values
 *    but breaks the dependence between the parameters of one minibatch), and on the very values the
 *    coordinate-wise pool uses (median-centred, standardised, the same columns kept) pooled row-major with
 *    the same K1 = ⌊√P⌋ (so the only difference left is whether a block sums K1 minibatches of one
 *    parameter or K1 parameters of one minibatch), and the same with the row-major K1 (largest divisor
 *    ≤ √N: isolates the effect of the block size).
 * 3. The probe itself (src/probe `probeMinimum`, measures ["noise"], through the float64 `mlpOracle`) at the
 *    digits minima: with the API defaults on eval.bin (64 minibatches of 32 drawn independently, seed 1:
 *    the numbers GET/POST /v1/models/{id}/probe report) and on the training set with 44 minibatches.
 * Run: `npx tsx scripts/train/compareNoiseRecipes.ts` (prints markdown, writes docs/img/noise-recipes.json).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mlpOracle, probeMinimum } from '../../src/probe/index.ts'

import { createRng } from '../../src/random/index.ts'
import { pooledNoiseTailIndex } from '../../src/tail/index.ts'
import { readCheckpoint } from '../onnx/readCheckpoint.ts'
import { standardise } from '../onnx/standardisation.ts'
import { constrainedStableRows } from './constrainedStableRows.ts'
import { forEachCommittedMinimum } from './forEachCommittedMinimum.ts'
import { gradientNoiseRows, type NoiseEstimate, noiseTailIndex } from './gradientNoiseTailIndex.ts'
import { loadDataset } from './runTraining.ts'
import { seededPermutation } from './shuffleInPlace.ts'
import { useBackend } from './tfBackend.ts'
import { TRAIN_CONFIGS } from './trainConfigs.ts'

const GROUP = 10

const meanSd = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length
  return { mean: m, sd: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length - 1)) }
}
const ci = (e: NoiseEstimate) => `${e.alpha.toFixed(3)} [${e.alphaLower.toFixed(3)}, ${e.alphaUpper.toFixed(3)}]`
const columns = (rows: Float64Array[], idx: number[]) => rows.map((r) => Float64Array.from(idx, (c) => r[c]))

/** The coordinate-wise pool's values as rows: each column median-centred, divided by its median |x|, median-0 columns dropped. */
function centredStandardised(rows: Float64Array[]): Float64Array[] {
  const P = rows.length
  const keep: { c: number; centre: number; scale: number }[] = []
  for (let c = 0; c < rows[0].length; c++) {
    const col = Float64Array.from(rows, (r) => r[c]).sort()
    const centre = P % 2 ? col[(P - 1) / 2] : (col[P / 2 - 1] + col[P / 2]) / 2
    const dev = Float64Array.from(col, (v) => Math.abs(v - centre)).sort()
    const scale = P % 2 ? dev[(P - 1) / 2] : (dev[P / 2 - 1] + dev[P / 2]) / 2
    if (scale > 0) keep.push({ c, centre, scale })
  }
  return rows.map((r) => Float64Array.from(keep, (k) => (r[k.c] - k.centre) / k.scale))
}

/** Each column's values permuted across the rows, independently per column (seeded). */
function shuffleWithinColumns(rows: Float64Array[], seed: number): Float64Array[] {
  const out = rows.map((r) => Float64Array.from(r))
  const rng = createRng(seed)
  const P = rows.length
  for (let c = 0; c < rows[0].length; c++) {
    for (let i = P - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1))
      const t = out[i][c]
      out[i][c] = out[j][c]
      out[j][c] = t
    }
  }
  return out
}

async function main(): Promise<void> {
  const R = 10
  const M = 2410
  const layouts = [
    { name: 'none constrained', from: M },
    { name: 'digits share (last 330 of 2,410)', from: 2080 },
    { name: 'all constrained', from: 0 },
  ]
  const synthetic: Record<string, unknown>[] = []
  const syn = [
    '| true α | P | columns constrained | coordinate-wise α̂ (mean ± sd) | row-major α̂ (mean ± sd) |',
    '|---|---|---|---|---|',
  ]
  for (const alpha of [1.2, 1.5, 1.8]) {
    for (const P of [44, 100]) {
      for (const l of layouts) {
        const est = Array.from({ length: R }, (_, r) =>
          noiseTailIndex(
            constrainedStableRows(alpha, P, M, l.from, 1000 * P + 100 * r + Math.round(alpha * 10), GROUP),
          ),
        )
        const c = meanSd(est.map((e) => e.alpha))
        const w = meanSd(est.map((e) => e.rowMajor.alpha))
        synthetic.push({
          alpha,
          P,
          M,
          constrainedFrom: l.from,
          group: GROUP,
          repetitions: R,
          coordinatewise: c,
          rowMajor: w,
        })
        syn.push(
          `| ${alpha} | ${P} | ${l.name} | ${c.mean.toFixed(3)} ± ${c.sd.toFixed(3)} | ${w.mean.toFixed(3)} ± ${w.sd.toFixed(3)} |`,
        )
        console.log(syn[syn.length - 1])
      }
    }
  }

  await useBackend('wasm')
  const real: Record<string, unknown>[] = []
  const tab = [
    '| model | part (parameters) | coordinate-wise α̂ [95 % CI] | row-major α̂ [95 % CI] | row-major, columns permuted | row-major, each column shuffled over minibatches | row-major on the coordinate-wise values, same K1 | the same, row-major K1 |',
    '|---|---|---|---|---|---|---|---|',
  ]
  await forEachCommittedMinimum(({ cfg, data, x, y, checkpoint: ck, model: m }) => {
    const rows = gradientNoiseRows(m, x, y, data.classes, {
      batches: cfg.alphaBatches,
      batchSize: cfg.batchSize,
      seed: ck.record.seed * 1000 + 29,
    })
    const out = ck.record.layout.filter(
      (e) =>
        e.name === `W${ck.record.architecture.layers.length - 1}` ||
        e.name === `b${ck.record.architecture.layers.length - 1}`,
    )
    const outStart = Math.min(...out.map((e) => e.offset))
    const parts = [
      { part: 'all', idx: Array.from({ length: ck.record.parameters }, (_, i) => i) },
      { part: 'hidden layer W1, b1', idx: Array.from({ length: outStart }, (_, i) => i) },
      {
        part: 'output layer W2, b2',
        idx: Array.from({ length: ck.record.parameters - outStart }, (_, i) => outStart + i),
      },
    ]
    for (const p of parts) {
      const sub = columns(rows, p.idx)
      const e = noiseTailIndex(sub)
      const permuted = noiseTailIndex(columns(sub, seededPermutation(p.idx.length, 77))).rowMajor
      const decoupled = noiseTailIndex(shuffleWithinColumns(sub, 78)).rowMajor
      const values = centredStandardised(sub).slice(0, e.blockSize * Math.floor(sub.length / e.blockSize))
      const asEstimate = (cs: ReturnType<typeof pooledNoiseTailIndex>): NoiseEstimate => ({
        alpha: cs.alpha,
        alphaLower: cs.interval.lower,
        alphaUpper: cs.interval.upper,
        inverseAlpha: cs.inverseAlpha,
        standardError: cs.standardError,
        blockSize: cs.blockSize,
        blocks: cs.blocks,
        excludedColumns: e.excludedColumns,
      })
      const sameValues = asEstimate(pooledNoiseTailIndex(values, { standardize: false, blockSize: e.blockSize }))
      const sameValuesBigBlocks = asEstimate(pooledNoiseTailIndex(values, { standardize: false }))
      real.push({
        id: ck.record.id,
        part: p.part,
        parameters: p.idx.length,
        batches: rows.length,
        coordinatewise: e,
        rowMajorPermuted: permuted,
        rowMajorDecoupled: decoupled,
        rowMajorOnCoordinatewiseValues: sameValues,
        rowMajorOnCoordinatewiseValuesRowMajorK1: sameValuesBigBlocks,
      })
      tab.push(
        `| ${ck.record.id} | ${p.part} (${p.idx.length}) | ${ci(e)} | ${ci(e.rowMajor)} | ${ci(permuted)} | ${ci(decoupled)} | ${ci(sameValues)} | ${ci(sameValuesBigBlocks)} (K1 ${sameValuesBigBlocks.blockSize}) |`,
      )
      console.log(tab[tab.length - 1])
    }
  })

  const probe: Record<string, unknown>[] = []
  const pt = [
    '| model | data | minibatches P × b | coordinate-wise α̂ [95 % CI] (K1) | row-major α̂ [95 % CI] |',
    '|---|---|---|---|---|',
  ]
  const digits = loadDataset('digits', TRAIN_CONFIGS.digits.trainLimit)
  for (const o of ['sgd', 'adam'] as const) {
    const ck = readCheckpoint(join('models', `digits-mlp-${o}`))
    const layers = ck.record.architecture.layers
    const theta = Float64Array.from(ck.theta)
    const sets = [
      { data: 'eval.bin (API default)', x: ck.evalX, labels: ck.evalY, batches: 64 },
      { data: 'training set', x: digits.train.x, labels: digits.train.y, batches: TRAIN_CONFIGS.digits.alphaBatches },
    ]
    for (const d of sets) {
      const oracle = mlpOracle(layers, {
        x: Float64Array.from(
          standardise(
            Float32Array.from(d.x, (u) => u * ck.record.inputScale),
            ck.record.inputStandardisation,
          ),
        ),
        labels: d.labels,
      })!
      const settings = {
        measures: ['noise'] as const,
        radius: 0,
        batchSize: ck.record.batchSize,
        batches: d.batches,
        topK: 4,
        iterations: 20,
        traceSamples: 10,
        sharpnessRadius: 0.1,
        sharpnessDirections: 8,
        ascentSteps: 5,
        sliceRange: 1,
        slicePoints: 21,
        seed: 1,
      }
      const n = (await probeMinimum(oracle, theta, settings)).noise!
      const e = { ...n.estimate, alphaLower: n.estimate.interval.lower, alphaUpper: n.estimate.interval.upper }
      const r = {
        ...n.rowMajor,
        alphaLower: n.rowMajor.interval.lower,
        alphaUpper: n.rowMajor.interval.upper,
        excludedColumns: n.rowMajor.excludedColumns,
      }
      probe.push({
        id: ck.record.id,
        data: d.data,
        batches: d.batches,
        batchSize: ck.record.batchSize,
        coordinatewise: { alpha: e.alpha, interval: n.estimate.interval, blockSize: e.blockSize },
        rowMajor: { alpha: r.alpha, interval: n.rowMajor.interval, blockSize: r.blockSize },
      })
      pt.push(
        `| ${ck.record.id} | ${d.data} | ${d.batches} × ${ck.record.batchSize} | ${ci(e as NoiseEstimate)} (${e.blockSize}) | ${ci(r as NoiseEstimate)} |`,
      )
      console.log(pt[pt.length - 1])
    }
  }
  writeFileSync(
    'docs/img/noise-recipes.json',
    `${JSON.stringify(
      { generatedBy: 'scripts/train/compareNoiseRecipes.ts', when: new Date().toISOString(), synthetic, real, probe },
      null,
      2,
    )}\n`,
  )
  console.log(`\n${syn.join('\n')}\n\n${tab.join('\n')}\n\n${pt.join('\n')}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
