/**
 * `npx tsx scripts/onnx/curvatureReport.ts [--seed 1] [--iterations 20] [--converged 120]`: how far the
 * probe's curvature is from the truth on the committed models, with exact Hessian-vector products
 * (grad.onnx hvp_<name>, R-operator) and with float32 central differences (step 4.9e-3·‖θ‖, what the
 * probe used before). For each model it runs Lanczos through the Worker's onnxOracle (onnxruntime-web)
 * at θ* on the evaluation set, three ways from the same start:
 *   - exact products, the probe's default `iterations` (what a default probe answers);
 *   - finite differences, the same iterations;
 *   - exact products, `converged` iterations (the reference where no dense Hessian exists).
 * The truth is the float64 dense Hessian of test/fixtures/denseHessian.json (scripts/fixtures/
 * denseHessian.py) where the fixture has the model (the digits networks, checked to be of the same
 * params.bin), otherwise the converged exact run. Writes docs/img/curvature-validation.json and prints
 * the table of docs/curvature.md; ends by reloading the JSON.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { exactHessianVectorProduct, finiteDifferenceHessianVectorProduct, lanczos } from '../../src/probe/index.ts'

import { createRng } from '../../src/random/index.ts'
import { onnxOracle } from '../../workers/ort/onnxOracle.ts'
import { ort, session } from './ortNode.ts'
import { readCheckpoint } from './readCheckpoint.ts'

const MODELS = ['digits-mlp-sgd', 'digits-mlp-adam', 'fashion-mlp-sgd', 'fashion-mlp-adam']
const TOP = 4
const OUT = 'docs/img/curvature-validation.json'

interface Dense {
  paramsSha256: string
  top: number[]
  lambdaMin: number
}

interface Run {
  eigenvalues: number[]
  lambdaMin: number
  /** max_i |λ̂_i − λ_i| / |λ_i| over the top eigenvalues. */
  topMaxRelErr: number
  lambdaMinRelErr: number
  seconds: number
}

function compare(eigenvalues: number[], lambdaMin: number, truth: { top: number[]; lambdaMin: number }) {
  return {
    topMaxRelErr: Math.max(...eigenvalues.map((l, i) => Math.abs(l - truth.top[i]) / Math.abs(truth.top[i]))),
    lambdaMinRelErr: Math.abs(lambdaMin - truth.lambdaMin) / Math.abs(truth.lambdaMin),
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      iterations: { type: 'string', default: '20' },
      converged: { type: 'string', default: '120' },
    },
  })
  const seed = Number(values.seed)
  const iterations = Number(values.iterations)
  const converged = Number(values.converged)
  const dense = (
    JSON.parse(readFileSync('test/fixtures/denseHessian.json', 'utf8')) as { models: Record<string, Dense> }
  ).models
  const rows = []
  for (const id of MODELS) {
    const ck = readCheckpoint(`models/${id}`)
    const r = ck.record
    const s = await session(ck.grad)
    const common = {
      session: s as never,
      Tensor: ort.Tensor as never,
      layout: r.layout,
      parameters: r.parameters,
      inputDim: r.inputDim,
      classes: r.classes,
      x: Float32Array.from(ck.evalX, (u) => u * r.inputScale),
      labels: ck.evalY,
    }
    const exact = onnxOracle(common)
    const fd = onnxOracle({ ...common, exactHvp: false })
    const theta = Float64Array.from(ck.theta)
    const run = async (apply: (v: Float64Array) => Promise<Float64Array>, m: number) => {
      const t0 = performance.now()
      const lz = await lanczos(apply, theta.length, { iterations: m, topK: TOP, rng: createRng(seed) })
      return { eigenvalues: lz.eigenvalues, lambdaMin: lz.lambdaMin, seconds: (performance.now() - t0) / 1000 }
    }
    process.stdout.write(`${id}: exact ×${converged} … `)
    const ref = await run((v) => exactHessianVectorProduct(exact, theta, v), converged)
    process.stdout.write(`exact ×${iterations} … `)
    const ex = await run((v) => exactHessianVectorProduct(exact, theta, v), iterations)
    process.stdout.write(`finite differences ×${iterations}\n`)
    const fdr = await run((v) => finiteDifferenceHessianVectorProduct(fd, theta, v), iterations)
    const sha = createHash('sha256')
      .update(readFileSync(`models/${id}/${r.files.params}`))
      .digest('hex')
    const d = dense[id]
    const hasDense = d !== undefined && d.paramsSha256 === sha
    const truth = hasDense ? { top: d.top, lambdaMin: d.lambdaMin } : { top: ref.eigenvalues, lambdaMin: ref.lambdaMin }
    const with_ = (x: typeof ref): Run => ({ ...x, ...compare(x.eigenvalues, x.lambdaMin, truth) })
    rows.push({
      model: id,
      parameters: r.parameters,
      samples: r.evalSamples,
      truth: hasDense ? 'float64 dense Hessian' : `exact products, ${converged} Lanczos steps`,
      top: truth.top.slice(0, TOP),
      lambdaMin: truth.lambdaMin,
      exactConverged: with_(ref),
      exact: with_(ex),
      finiteDifference: with_(fdr),
    })
  }
  const out = {
    description:
      'Lanczos top eigenvalues and smallest Ritz value at θ* of the committed models, with exact (R-operator) and float32 finite-difference Hessian-vector products, against the float64 dense Hessian (digits) or a converged exact run (Fashion-MNIST).',
    script: 'scripts/onnx/curvatureReport.ts',
    seed,
    iterations,
    converged,
    rows,
  }
  writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`)
  const back = JSON.parse(readFileSync(OUT, 'utf8')) as typeof out
  if (back.rows.length !== MODELS.length) throw new Error(`${OUT}: reload mismatch`)
  const e = (x: number) => x.toExponential(1)
  console.log(
    `\n| model | truth | λ₁ | λ_min | exact ×${converged}: top / λ_min rel. error | exact ×${iterations} | finite differences ×${iterations} |`,
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const row of back.rows) {
    console.log(
      `| ${row.model} | ${row.truth} | ${row.top[0].toPrecision(6)} | ${row.lambdaMin.toPrecision(4)} | ${e(row.exactConverged.topMaxRelErr)} / ${e(row.exactConverged.lambdaMinRelErr)} | ${e(row.exact.topMaxRelErr)} / ${e(row.exact.lambdaMinRelErr)} | ${e(row.finiteDifference.topMaxRelErr)} / ${e(row.finiteDifference.lambdaMinRelErr)} |`,
    )
  }
  console.log(`wrote ${OUT}`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
