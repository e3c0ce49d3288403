/**
 * Training and export speed: seconds per epoch of the same training run with the tfjs
 * `wasm` backend and the pure-JS `cpu` backend in the same process (ratio cpu/wasm), for the two
 * committed architectures on their data (digits 64-32-10 on the 1,438 training images; Fashion-MNIST
 * 784-32-10 on a 4,000-image slice), and the time to export (forward + grad graphs) and to write
 * a whole checkpoint folder. The α measurement is off here (alphaEvery 0); it is timed separately.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Dataset, headSplit, loadDigits, loadFashion } from '../data/index.ts'
import { exportMlp, writeCheckpoint } from '../onnx/index.ts'
import { gradientNoiseTailIndex } from '../train/gradientNoiseTailIndex.ts'
import { createTfMlp, disposeTfMlp, glorotInit } from '../train/mlpTf.ts'
import { tf, useBackend } from '../train/tfBackend.ts'
import { trainMlp } from '../train/trainMlp.ts'
import { timeIt, writeSection } from './harness.ts'

interface Row {
  task: string
  wasmSecondsPerEpoch: number
  cpuSecondsPerEpoch: number
  ratio: number
}

async function epochSeconds(
  backend: 'wasm' | 'cpu',
  data: Dataset,
  layers: number[],
  batchSize: number,
  epochs: number,
): Promise<number> {
  await useBackend(backend)
  // one warm-up epoch (kernel compilation, allocations), then the timed run
  const warm = trainMlp(data, {
    layers,
    optimizer: 'adam',
    lr: 1e-3,
    batchSize,
    epochs: 1,
    seed: 1,
    alphaEvery: 0,
    alphaBatches: 0,
  })
  disposeTfMlp(warm.model)
  const r = trainMlp(data, {
    layers,
    optimizer: 'adam',
    lr: 1e-3,
    batchSize,
    epochs,
    seed: 1,
    alphaEvery: 0,
    alphaBatches: 0,
  })
  disposeTfMlp(r.model)
  return r.seconds.perEpoch
}

async function main(): Promise<void> {
  const digits = loadDigits()
  const f = loadFashion({ trainLimit: 4000, testLimit: 1000 })
  const fashion: Dataset = { ...f, train: headSplit(f.train, 4000, 784) }
  const tasks = [
    { task: 'digits 64-32-10, 1,438 images, batch 32, Adam', data: digits, layers: [64, 32, 10], batch: 32, epochs: 3 },
    {
      task: 'Fashion-MNIST 784-32-10, 4,000 images, batch 64, Adam',
      data: fashion,
      layers: [784, 32, 10],
      batch: 64,
      epochs: 2,
    },
  ]
  const rows: Row[] = []
  for (const t of tasks) {
    const w = await epochSeconds('wasm', t.data, t.layers, t.batch, t.epochs)
    const c = await epochSeconds('cpu', t.data, t.layers, t.batch, t.epochs)
    rows.push({ task: t.task, wasmSecondsPerEpoch: w, cpuSecondsPerEpoch: c, ratio: c / w })
  }

  // one α measurement (P = 100 minibatches of 64 + the full gradient on 4,000 images), wasm
  await useBackend('wasm')
  const theta = glorotInit([784, 32, 10], 1)
  const m = createTfMlp([784, 32, 10], theta)
  const x = tf.mul(tf.tensor2d(fashion.train.x, [fashion.train.n, 784], 'float32'), fashion.inputScale) as tf.Tensor2D
  const y = tf.tensor1d(fashion.train.y, 'int32')
  const alphaSeconds = timeIt(() => gradientNoiseTailIndex(m, x, y, 10, { batches: 60, batchSize: 64, seed: 1 }), 1, 3)
  x.dispose()
  y.dispose()
  disposeTfMlp(m)

  const exportSeconds = timeIt(() => exportMlp([784, 32, 10], theta), 3, 7)
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'))
  const ev = headSplit(fashion.test, 1000, 784)
  const meta = {
    id: 'bench',
    dataset: 'fashion',
    optimizer: 'adam' as const,
    lr: 1e-3,
    batchSize: 64,
    epochs: 0,
    seed: 1,
    trainAccuracy: 0,
    testAccuracy: 0,
    trainLoss: 0,
    testLoss: 0,
    inputScale: 1 / 255,
    dataChecksum: fashion.checksum,
    history: [],
    layers: [784, 32, 10],
  }
  const writeSeconds = timeIt(() => writeCheckpoint(dir, meta, theta, ev), 1, 7)
  rmSync(dir, { recursive: true, force: true })

  const md = [
    '| task | wasm s/epoch | cpu (pure JS) s/epoch | cpu / wasm |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.task} | ${r.wasmSecondsPerEpoch.toFixed(3)} | ${r.cpuSecondsPerEpoch.toFixed(3)} | **${r.ratio.toFixed(2)}×** |`,
    ),
    '',
    '| step (Fashion-MNIST 784-32-10, 25,450 parameters) | seconds |',
    '|---|---|',
    `| export forward.onnx + grad.onnx (exportMlp) | ${exportSeconds.toFixed(4)} |`,
    `| write a checkpoint folder (graphs, params.bin, 1,000-image eval.bin, record.json) | ${writeSeconds.toFixed(4)} |`,
    `| one α measurement, wasm (full gradient on 4,000 images + 60 minibatch gradients of 64, pooled estimator) | ${alphaSeconds.toFixed(3)} |`,
    '',
    'Same seed, data order and optimizer (Adam 1e-3) on both backends; one warm-up epoch before timing; the machine',
    'is shared with other jobs, so absolute seconds vary between runs; the ratio is the figure to read.',
  ].join('\n')
  writeSection('train', 'Training: tfjs wasm vs pure-JS cpu backend, and ONNX export time', md, {
    rows,
    exportSeconds,
    writeSeconds,
    alphaSeconds,
  })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
