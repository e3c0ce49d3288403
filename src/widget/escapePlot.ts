/**
 * Plot 1: mean escape iterations against learning rate for SGD and Adam, log-log, with each
 * optimizer's chosen (η, K) marked; for an interval basin also the finite-η one-jump values (dashed).
 */
import { formatNumber } from './formatNumber.ts'
import { lineChart, type Series } from './lineChart.ts'
import type { LrSweep } from './lrSweep.ts'

const zip = (xs: number[], ys: number[]) => xs.map((x, i) => [x, ys[i]] as const)

/**
 * SVG markup of mean escape iterations K(η) = η^(−α)/ν_L(W) against the learning rate for SGD and Adam on log-log
 * axes (slope −α, docs/theory.md#normalisation), each optimizer's chosen (η, K) marked, and for an interval the
 * finite-η one-jump values (docs/theory.md#one-jump-proxy).
 */
export function escapePlot(
  sweep: LrSweep,
  current: { sgd?: [number, number]; adam?: [number, number] },
  width: number,
  height = 240,
): string {
  const series: Series[] = [
    { label: 'SGD', className: 'sgd', points: zip(sweep.lr, sweep.sgd), marker: current.sgd },
    { label: 'Adam', className: 'adam', points: zip(sweep.lr, sweep.adam), marker: current.adam },
  ]
  if (sweep.oneJumpLr && sweep.sgdOneJump && sweep.adamOneJump) {
    series.push(
      { label: 'SGD one-jump', className: 'sgd', points: zip(sweep.oneJumpLr, sweep.sgdOneJump), dashed: true },
      { label: 'Adam one-jump', className: 'adam', points: zip(sweep.oneJumpLr, sweep.adamOneJump), dashed: true },
    )
  }
  const at = (name: string, p?: [number, number]) =>
    p ? `${name} at η = ${formatNumber(p[0])}: ${formatNumber(p[1])} iterations` : ''
  return lineChart({
    id: 'plot-lr',
    width,
    height,
    title: 'Mean escape iterations against learning rate (log-log)',
    description: `Lines of slope −α: K = η^(−α)/ν(W). ${[at('SGD', current.sgd), at('Adam', current.adam)].filter(Boolean).join('; ')}.`,
    x: { kind: 'log', label: 'learning rate η' },
    y: { kind: 'log', label: 'mean escape iterations' },
    series,
  })
}
