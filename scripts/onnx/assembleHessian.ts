/**
 * `npx tsx scripts/onnx/assembleHessian.ts [--out out/curvature] [ids…]`: the full Hessian of a committed
 * model's evaluation objective assembled from its grad.onnx exact Hessian-vector products, one basis
 * vector at a time (H e_j = column j; P products through the Worker's onnxOracle), written as
 * `<out>/<id>.hessian.f64` (P × P float64, little-endian, row-major) for
 * `python3 scripts/fixtures/denseHessian.py --compare <out>`, which compares its spectrum with the float64
 * dense Hessian. Default ids: the digits models (2,410 parameters; 2,410 products each).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { exactHessianVectorProduct } from '../../src/probe/index.ts'
import { onnxOracle } from '../../workers/ort/onnxOracle.ts'
import { ort, session } from './ortNode.ts'
import { readCheckpoint } from './readCheckpoint.ts'

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string', default: 'out/curvature' } },
    allowPositionals: true,
  })
  const ids = positionals.length ? positionals : ['digits-mlp-sgd', 'digits-mlp-adam']
  mkdirSync(values.out!, { recursive: true })
  for (const id of ids) {
    const ck = readCheckpoint(join('models', id))
    const r = ck.record
    const oracle = onnxOracle({
      session: (await session(ck.grad)) as never,
      Tensor: ort.Tensor as never,
      layout: r.layout,
      parameters: r.parameters,
      inputDim: r.inputDim,
      classes: r.classes,
      x: Float32Array.from(ck.evalX, (u) => u * r.inputScale),
      labels: ck.evalY,
    })
    const P = r.parameters
    const theta = Float64Array.from(ck.theta)
    const H = new Float64Array(P * P)
    const e = new Float64Array(P)
    for (let j = 0; j < P; j++) {
      e.fill(0)
      e[j] = 1
      H.set(await exactHessianVectorProduct(oracle, theta, e), j * P)
      if (j % 500 === 0) console.log(`${id}: column ${j} of ${P}`)
    }
    const file = join(values.out!, `${id}.hessian.f64`)
    const bytes = new Uint8Array(H.buffer)
    writeFileSync(file, bytes)
    const back = new Uint8Array(readFileSync(file))
    if (back.length !== bytes.length) throw new Error(`${file}: wrote ${bytes.length} bytes, read ${back.length}`)
    console.log(`wrote ${file} (${P} × ${P})`)
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
