/**
 * `npm run escape-experiment [-- --seed N] [--quick] [--jobs N]`: the measured escape experiment
 * (docs/escape-experiment.md). For every committed minimum and optimizer of the plan (scripts/escape/settings.ts) it
 * runs the real optimizer from θ* on the real network and training data and sets the measured mean first-exit
 * iterations beside the product's four predictions; it also runs the control (quadratic model with injected SαS
 * noise). Work is spread over `--jobs` worker processes (default 2), one (minimum, optimizer) pair at a time; the CPU
 * time of all processes is added up (process.cpuUsage) and reported.
 *
 * Writes docs/img/escape-experiment.json (rows, fits, diagnostics, settings, CPU), the plots
 * docs/img/escape-<model>-<optimizer>.svg and the generated part of docs/escape-experiment.md (between the
 * `escape-experiment:begin/end` markers); `--quick` writes to out/escape-quick/ instead and leaves docs alone. Ends by
 * reading the JSON back and validating every row against the served schema.
 */
import { fork } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { type EscapeExperimentRowOutput, EscapeExperimentRows } from '../../src/schemas/index.ts'
import { controlSystem } from './controlSystem.ts'
import { experimentCell } from './experimentCell.ts'
import { fitScaling, type ScalingFit } from './fitScaling.ts'
import { measureSystem } from './measureSystem.ts'
import { type ModelTaskResult, modelTask } from './modelTask.ts'
import { quadraticModel } from './predictCell.ts'
import { controlZ, renderResults } from './renderResults.ts'
import { CONTROL_SETTINGS, type ExperimentSettings, FULL, quickSettings } from './settings.ts'

interface Task {
  model: string
  optimizer: 'sgd' | 'adam'
}

type WorkerMessage = { kind: 'run' } | { kind: 'done'; result: ModelTaskResult } | { kind: 'error'; message: string }

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

async function workerMain(): Promise<void> {
  process.on('message', async (msg: { task: Task; settings: ExperimentSettings; seed: number }) => {
    try {
      const plan = msg.settings.models.find((p) => p.id === msg.task.model)!
      const result = await modelTask(plan, msg.task.optimizer, msg.settings, msg.seed, () =>
        process.send?.({ kind: 'run' } satisfies WorkerMessage),
      )
      // the worker's whole CPU time, module loading included
      const u = process.cpuUsage()
      result.cpuSeconds = (u.user + u.system) / 1e6
      process.send?.({ kind: 'done', result } satisfies WorkerMessage, undefined, {}, () => process.exit(0))
    } catch (e) {
      process.send?.(
        { kind: 'error', message: String((e as Error).stack ?? e) } satisfies WorkerMessage,
        undefined,
        {},
        () => process.exit(1),
      )
    }
  })
}

interface Bar {
  start(total: number, value: number, payload?: Record<string, unknown>): void
  update(value: number, payload?: Record<string, unknown>): void
  stop(): void
}

function progress(total: number): Bar {
  const cliProgress = createRequire(import.meta.url)('cli-progress') as {
    SingleBar: new (o: Record<string, unknown>, preset: unknown) => Bar
    Presets: { shades_classic: unknown }
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'escape experiment [{bar}] {percentage}% | runs {value}/{total} | {stage} | eta {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { stage: 'control' })
  return bar
}

function runTask(task: Task, settings: ExperimentSettings, seed: number, onRun: () => void): Promise<ModelTaskResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker'], { execArgv: ['--import', 'tsx'] })
    child.on('message', (m: WorkerMessage) => {
      if (m.kind === 'run') onRun()
      else if (m.kind === 'done') resolve(m.result)
      else reject(new Error(`${task.model} ${task.optimizer}: ${m.message}`))
    })
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${task.model} ${task.optimizer}: worker exited with ${code}`))
    })
    child.send({ task, settings, seed })
  })
}

async function main(): Promise<void> {
  const seed = option('seed', 1)
  const quick = flag('quick')
  const jobs = Math.max(1, Math.floor(option('jobs', 2)))
  const settings = quick ? quickSettings(FULL) : FULL
  const outDir = quick ? join('out', 'escape-quick') : join('docs', 'img')
  mkdirSync(outDir, { recursive: true })
  const tasks: Task[] = settings.models.flatMap((p) =>
    (['sgd', 'adam'] as const).map((optimizer) => ({ model: p.id, optimizer })),
  )
  const totalRuns = tasks.reduce(
    (s, t) => s + settings.runs * settings.models.find((p) => p.id === t.model)!.lrs[t.optimizer].length,
    0,
  )
  const bar = progress(totalRuns)

  // The control: the theory holds by construction.
  const controlRuns = quick ? 100 : CONTROL_SETTINGS.cell.runs
  const system = controlSystem(CONTROL_SETTINGS.seed + seed - 1)
  const cm = await measureSystem(system, CONTROL_SETTINGS.measure)
  const cq = quadraticModel(cm, CONTROL_SETTINGS.height)
  const control: EscapeExperimentRowOutput[] = []
  for (const [i, lr] of CONTROL_SETTINGS.lrs.entries()) {
    const cell = await experimentCell('control', system, cm, cq, undefined, {
      ...CONTROL_SETTINGS.cell,
      runs: controlRuns,
      optimizer: 'sgd',
      lr,
      seed: seed * 1000 + 900 + i,
    })
    control.push(...cell.rows)
  }
  for (const r of control) {
    const z = controlZ(r, CONTROL_SETTINGS.cell.simulation.chains)
    if (z === undefined || Math.abs(z) > 4)
      console.warn(`control η = ${r.lr} (${r.exit}): simulatedLevy is ${z?.toFixed(2)} standard errors from the runs`)
  }

  // The committed minima, in worker processes.
  let done = 0
  const results: ModelTaskResult[] = new Array(tasks.length)
  let next = 0
  let workerCpu = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await runTask(tasks[i], settings, seed, () => {
        done++
        bar.update(done, { stage: `${tasks[i].model} ${tasks[i].optimizer}` })
      })
      workerCpu += results[i].cpuSeconds
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker))
  bar.stop()

  const rows = results.flatMap((r) => r.rows)
  const fits: (ScalingFit & { model: string; optimizer: string; exit: string })[] = []
  for (const t of tasks) {
    for (const exit of ['subspace', 'loss'] as const) {
      const cells = rows.filter((r) => r.model === t.model && r.optimizer === t.optimizer && r.exit === exit)
      fits.push({
        model: t.model,
        optimizer: t.optimizer,
        exit,
        ...fitScaling(cells.map((c) => ({ lr: c.lr, mean: c.measuredMeanIterations }))),
      })
    }
  }
  const mainCpu = process.cpuUsage()
  const cpuSeconds = workerCpu + (mainCpu.user + mainCpu.system) / 1e6
  const diagnostics = results
    .filter(
      (_r, i) =>
        tasks[i].optimizer === 'sgd' || !tasks.some((t) => t.model === tasks[i].model && t.optimizer === 'sgd'),
    )
    .map((r) => r.diagnostics)
  const output = {
    generatedBy: 'scripts/escape/runExperiment.ts (npm run escape-experiment)',
    seed,
    quick,
    settings: { ...settings, control: CONTROL_SETTINGS, controlRuns },
    cpuSeconds,
    steps: results.reduce((s, r) => s + r.steps, 0),
    rows,
    control,
    fits,
    diagnostics,
  }
  const jsonPath = join(outDir, 'escape-experiment.json')
  writeFileSync(jsonPath, `${JSON.stringify(output, null, 1)}\n`)
  const rendered = renderResults(output)
  for (const [name, svg] of rendered.plots) writeFileSync(join(outDir, name), svg)
  const docPath = quick ? join(outDir, 'escape-experiment.md') : join('docs', 'escape-experiment.md')
  const begin = '<!-- escape-experiment:begin (generated by npm run escape-experiment; do not edit) -->'
  const end = '<!-- escape-experiment:end -->'
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `${begin}\n${end}\n`
  const a = doc.indexOf(begin)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) throw new Error(`${docPath}: the generated-section markers are missing`)
  writeFileSync(docPath, `${doc.slice(0, a + begin.length)}\n${rendered.markdown}\n${doc.slice(b)}`)

  // Check: read back, validate against the served schema, compare.
  const back = JSON.parse(readFileSync(jsonPath, 'utf8')) as typeof output
  const parsed = v.safeParse(EscapeExperimentRows, [...back.rows, ...back.control])
  if (!parsed.success) throw new Error(`${jsonPath}: rows do not match the schema: ${parsed.issues[0].message}`)
  if (JSON.stringify(back.rows) !== JSON.stringify(rows)) throw new Error(`${jsonPath}: read back differs`)
  console.log(
    `\n${rows.length} rows, ${control.length} control rows; CPU ${cpuSeconds.toFixed(0)} s in all; wrote ${jsonPath}, ${docPath}`,
  )
}

if (flag('worker')) void workerMain()
else
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
