/**
 * The measured escapes from one trained minimum beside the product's predictions, for the trained-minima panel:
 * the `escapeExperiment` rows of `GET /v1/models/{id}` (docs/escape-experiment.md) with the subspace exit, one line
 * per optimizer and learning rate: the measured mean exit iteration with its 95% interval ("> lower" when no run
 * left) and the four predictions. A prediction inside the measured interval is marked ✓.
 */
import { escapeXml } from './escapeXml.ts'
import { formatNumber } from './formatNumber.ts'

/** One measured escape of a bundled model (docs/escape-experiment.md). */
export interface MeasuredEscapeRow {
  model: string
  optimizer: 'sgd' | 'adam'
  lr: number
  runs: number
  censored: number
  exit: 'subspace' | 'loss'
  /** Absent when no run left (then the interval has no upper end either); a prediction is absent when there is none. */
  measuredMeanIterations?: number
  measuredInterval: { lower: number; upper?: number }
  predictedLevy?: number
  simulatedLevy?: number
  simulatedGaussian?: number
  simulatedEmpirical?: number
}

const PREDICTIONS = [
  ['predictedLevy', 'Lévy theory'],
  ['simulatedLevy', 'Lévy simulation'],
  ['simulatedGaussian', 'Gaussian simulation'],
  ['simulatedEmpirical', 'measured-noise simulation'],
] as const

const fmt = (x: number) => formatNumber(x, 3)

/** Whether x lies in the measured interval (above its lower end when unbounded). */
function inside(r: MeasuredEscapeRow, x: number | undefined): boolean {
  if (x === undefined) return false
  const { lower, upper } = r.measuredInterval
  return x >= lower && (upper === undefined || x <= upper)
}

/** The table as HTML (empty string when there is no subspace row). */
export function measuredEscapeTable(model: string, rows: MeasuredEscapeRow[]): string {
  const sub = rows.filter((r) => r.exit === 'subspace')
  if (sub.length === 0) return ''
  const measured = (r: MeasuredEscapeRow) => {
    const i = r.measuredInterval
    if (r.measuredMeanIterations === undefined) return `&gt; ${escapeXml(fmt(i.lower))}`
    const upper = i.upper === undefined ? '∞' : fmt(i.upper)
    return `${escapeXml(fmt(r.measuredMeanIterations))} <span class="interval">[${escapeXml(fmt(i.lower))}, ${escapeXml(upper)}]</span>`
  }
  const cell = (r: MeasuredEscapeRow, x: number | undefined) =>
    x === undefined
      ? '<td class="num">—</td>'
      : `<td class="num" data-value="${escapeXml(String(x))}">${escapeXml(fmt(x))}${inside(r, x) ? ' ✓' : ''}</td>`
  return (
    `<div class="scroll"><table class="compare-table measured-table"><caption>Measured escapes from ${escapeXml(model)} ` +
    'against the predictions (mean iterations to leave the top-eigenvector basin; ✓ = inside the measured 95% interval)</caption>' +
    '<thead><tr><th scope="col">dynamics</th><th scope="col" class="num">η</th><th scope="col" class="num">measured</th>' +
    PREDICTIONS.map(([, label]) => `<th scope="col" class="num">${label}</th>`).join('') +
    '</tr></thead><tbody>' +
    sub
      .map(
        (r) =>
          `<tr><th scope="row">${r.optimizer === 'sgd' ? 'SGD' : 'Adam'}</th><td class="num">${escapeXml(String(r.lr))}</td>` +
          `<td class="num">${measured(r)}</td>${PREDICTIONS.map(([k]) => cell(r, r[k])).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table></div>'
  )
}
