/**
 * The generated part of docs/escape-experiment.md and its plots, from the experiment's output: the diagnostics at
 * each θ*, the table of measured against predicted mean exit iterations, how often each prediction falls inside the
 * measured 95% interval, the two scaling fits, the control, and one log-log plot per minimum and optimizer.
 */
import type { EscapeExperimentRowOutput } from '../../src/schemas/index.ts'
import { type Series, svgLineChart } from '../train/svgLineChart.ts'
import type { ScalingFit } from './fitScaling.ts'
import type { ModelDiagnostics } from './modelTask.ts'
import type { ExperimentSettings } from './settings.ts'

export interface ExperimentOutput {
  seed: number
  quick: boolean
  settings: ExperimentSettings & { controlRuns: number; control: { cell: { simulation: { chains: number } } } }
  cpuSeconds: number
  steps: number
  rows: EscapeExperimentRowOutput[]
  control: EscapeExperimentRowOutput[]
  fits: (ScalingFit & { model: string; optimizer: string; exit: string })[]
  diagnostics: ModelDiagnostics[]
}

export const PREDICTIONS = ['predictedLevy', 'simulatedLevy', 'simulatedGaussian', 'simulatedEmpirical'] as const

const n3 = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x)
    ? '—'
    : Math.abs(x) >= 1e5 || Math.abs(x) < 1e-2
      ? x.toExponential(2)
      : x.toPrecision(3)

function measuredCell(r: EscapeExperimentRowOutput): string {
  const i = r.measuredInterval
  if (r.measuredMeanIterations === undefined) return `> ${n3(i.lower)} (no exit)`
  return `${n3(r.measuredMeanIterations)} [${n3(i.lower)}, ${n3(i.upper)}]`
}

/** Whether a prediction is consistent with the measurement: inside the 95% interval (above its lower end when unbounded). */
export function agrees(r: EscapeExperimentRowOutput, p: (typeof PREDICTIONS)[number]): boolean {
  const x = r[p]
  if (x === undefined) return r.measuredMeanIterations === undefined
  return x >= r.measuredInterval.lower && (r.measuredInterval.upper === undefined || x <= r.measuredInterval.upper)
}

function rowsTable(rows: EscapeExperimentRowOutput[]): string[] {
  const out = [
    '| model | optimizer | η | exit | runs | censored | measured mean [95%] | predictedLevy | simulatedLevy | simulatedGaussian | simulatedEmpirical |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of rows) {
    const mark = (p: (typeof PREDICTIONS)[number]) => `${n3(r[p])}${agrees(r, p) ? ' ✓' : ''}`
    out.push(
      `| ${r.model} | ${r.optimizer} | ${r.lr} | ${r.exit} | ${r.runs} | ${r.censored} | ${measuredCell(r)} | ${PREDICTIONS.map(mark).join(' | ')} |`,
    )
  }
  return out
}

function plot(rows: EscapeExperimentRowOutput[], title: string): string {
  const lg = Math.log10
  const sub = rows.filter((r) => r.exit === 'subspace')
  const loss = rows.filter((r) => r.exit === 'loss')
  const pts = (rs: EscapeExperimentRowOutput[], f: (r: EscapeExperimentRowOutput) => number | undefined) =>
    rs.map((r) => [lg(r.lr), f(r) === undefined ? NaN : lg(f(r)!)] as [number, number])
  const series: Series[] = [
    {
      name: 'measured (subspace)',
      color: '#111111',
      points: pts(sub, (r) => r.measuredMeanIterations),
      band: sub.map((r) => [
        lg(r.lr),
        lg(r.measuredInterval.lower),
        r.measuredInterval.upper === undefined ? NaN : lg(r.measuredInterval.upper),
      ]),
    },
    {
      name: 'no exit: lower bound',
      color: '#777777',
      dashed: true,
      points: pts(
        sub.filter((r) => r.measuredMeanIterations === undefined),
        (r) => r.measuredInterval.lower,
      ),
    },
    { name: 'measured (loss)', color: '#8c564b', dashed: true, points: pts(loss, (r) => r.measuredMeanIterations) },
    { name: 'predictedLevy', color: '#d62728', points: pts(sub, (r) => r.predictedLevy) },
    { name: 'simulatedLevy', color: '#ff7f0e', points: pts(sub, (r) => r.simulatedLevy) },
    { name: 'simulatedGaussian', color: '#1f77b4', points: pts(sub, (r) => r.simulatedGaussian) },
    { name: 'simulatedEmpirical', color: '#2ca02c', points: pts(sub, (r) => r.simulatedEmpirical) },
  ]
  return svgLineChart({
    title,
    xLabel: 'log10 learning rate η',
    yLabel: 'log10 mean exit iterations',
    series,
    width: 720,
    height: 400,
  })
}

/** (simulatedLevy − measured)/combined standard error of a control row (both means of exponential exit times). */
export function controlZ(r: EscapeExperimentRowOutput, chains: number): number | undefined {
  const m = r.measuredMeanIterations
  const sim = r.simulatedLevy
  if (m === undefined || sim === undefined) return undefined
  const exits = r.runs - r.censored
  return (sim - m) / Math.sqrt((m * m) / exits + (sim * sim) / chains)
}

export function renderResults(o: ExperimentOutput): { markdown: string; plots: [string, string][] } {
  const s = o.settings
  const md: string[] = []
  md.push(
    `Seed ${o.seed}${o.quick ? ' (quick run)' : ''}. ${o.rows.length / 2} cells × 2 exit definitions, ${s.runs} runs per ` +
      `cell, subspace exit censored at ${s.cap} iterations, loss exit at ${s.lossCap} (loss checked every ` +
      `${s.lossEvery}), k = ${s.topK}, ${s.measure.batches} noise minibatches at θ*, simulations with ` +
      `${s.simulation.chains} chains capped at ${s.simulation.cap}. ` +
      `**CPU time of the whole run: ${o.cpuSeconds.toFixed(0)} s** (process.cpuUsage summed over all processes; ` +
      `${o.steps.toLocaleString('en')} optimizer steps on the networks).`,
  )
  md.push('', '### Measurements at θ*', '')
  md.push(
    '| model | L* | h | α̂ [95%] (columns left out) | α̂ of the projected noise | α used | λ₁ … λ_k | λ_min | offset energy / h | slice rise / h (min–max) | Adam q_i (min–max) | Adam off-diagonal |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  )
  for (const d of o.diagnostics) {
    const ratios = d.sliceRatios.flatMap((r) => [r.minus, r.plus])
    md.push(
      `| ${d.model} | ${n3(d.baseLoss)} | ${d.height} | ${n3(d.alpha.alpha)} [${n3(d.alpha.lower)}, ${n3(d.alpha.upper)}] (${d.alpha.excludedColumns}) | ` +
        `${n3(d.projectedAlpha.alpha)} [${n3(d.projectedAlpha.lower)}, ${n3(d.projectedAlpha.upper)}] | ${n3(d.alphaUsed)} | ` +
        `${d.eigenvalues.map(n3).join(', ')} | ${n3(d.lambdaMin)} | ${n3(d.gradientOffsetEnergy / d.height)} | ` +
        `${n3(Math.min(...ratios))}–${n3(Math.max(...ratios))} | ${n3(Math.min(...d.adamPreconditioner))}–${n3(Math.max(...d.adamPreconditioner))} | ${n3(d.adamOffDiagonal)} |`,
    )
  }
  const checks = o.diagnostics.filter((d) => d.curvatureCheck)
  if (checks.length > 0) {
    md.push(
      '',
      'Curvature check: the same Lanczos (float64 central differences of the float64 gradient) on the objective of ' +
        "each model's evaluation subset, against the eigenvalues of the float64 dense Hessian of that objective " +
        '(numpy `eigh`, test/fixtures/denseHessian.json):',
      '',
      '| model | samples | Lanczos λ₁ … λ₄ | dense λ₁ … λ₄ | largest relative error |',
      '|---|---|---|---|---|',
    )
    for (const d of checks) {
      const c = d.curvatureCheck!
      md.push(
        `| ${d.model} | ${c.samples} | ${c.lanczos.map((x) => x.toPrecision(7)).join(', ')} | ` +
          `${c.dense.map((x) => x.toPrecision(7)).join(', ')} | ${c.maxRelativeError.toExponential(1)} |`,
      )
    }
  }
  md.push('', '### Measured against predicted mean exit iterations', '')
  md.push('✓: the prediction lies inside the measured 95% interval (or, with no exit, above its lower bound).', '')
  md.push(...rowsTable(o.rows))
  md.push('', '### How often each prediction agrees', '')
  md.push(
    '| model | optimizer | exit | cells | predictedLevy | simulatedLevy | simulatedGaussian | simulatedEmpirical |',
  )
  md.push('|---|---|---|---|---|---|---|---|')
  const groups = new Map<string, EscapeExperimentRowOutput[]>()
  for (const r of o.rows) {
    const key = `${r.model} | ${r.optimizer} | ${r.exit}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  for (const [key, rs] of groups) {
    md.push(`| ${key} | ${rs.length} | ${PREDICTIONS.map((p) => rs.filter((r) => agrees(r, p)).length).join(' | ')} |`)
  }
  md.push('', '### Scaling of the measured exit time with η', '')
  md.push(
    'Least squares on ln K over the cells with a finite estimate: power law ln K = a − b ln η (Lévy) and ln K = a + c/η ' +
      '(Gaussian/Kramers); residuals are in ln K.',
    '',
  )
  md.push(
    '| model | optimizer | exit | points | power law: b | rms residual | residuals | exp(c/η): c | rms residual | residuals |',
  )
  md.push('|---|---|---|---|---|---|---|---|---|---|')
  for (const f of o.fits) {
    const res = (r: number[]) => r.map((x) => x.toFixed(2)).join(', ')
    md.push(
      `| ${f.model} | ${f.optimizer} | ${f.exit} | ${f.points.length} | ${f.powerLaw ? n3(f.powerLaw.exponent) : '—'} | ` +
        `${f.powerLaw ? n3(f.powerLaw.rms) : '—'} | ${f.powerLaw ? res(f.powerLaw.residuals) : '—'} | ` +
        `${f.exponential ? n3(f.exponential.c) : '—'} | ${f.exponential ? n3(f.exponential.rms) : '—'} | ${f.exponential ? res(f.exponential.residuals) : '—'} |`,
    )
  }
  md.push('', '### Control (quadratic model with injected SαS noise, SGD)', '')
  md.push(...rowsTable(o.control))
  md.push(
    '',
    'Distance of simulatedLevy from the measured mean in standard errors, z = (simulated − measured)/√(se²_measured + ' +
      'se²_simulated), with se = mean/√(exits) for both (exponential exit times):',
    '',
    '| η | exit | z |',
    '|---|---|---|',
  )
  for (const r of o.control) {
    const z = controlZ(r, s.control.cell.simulation.chains)
    md.push(`| ${r.lr} | ${r.exit} | ${z === undefined ? '—' : z.toFixed(2)} |`)
  }
  const plots: [string, string][] = []
  md.push('', '### Plots', '')
  for (const model of [...new Set(o.rows.map((r) => r.model))]) {
    for (const optimizer of ['sgd', 'adam'] as const) {
      const rs = o.rows.filter((r) => r.model === model && r.optimizer === optimizer)
      if (rs.length === 0) continue
      const name = `escape-${model}-${optimizer}.svg`
      plots.push([name, plot(rs, `${model}, ${optimizer}: exit iterations vs η`)])
      md.push(`![${model} ${optimizer}: measured and predicted exit iterations against η](img/${name})`, '')
    }
  }
  return { markdown: md.join('\n'), plots }
}
