/**
 * The commands of `levy-escape`: each one is an HTTP operation of the API (the same path, the same valibot
 * request schema for its options and its `--help`). `stable sf` and `stable logpdf` are the
 * upper tail and the log-density of `/v1/stable/sf` and `/v1/stable/logpdf`.
 */
import type { GenericSchema } from 'valibot'
import {
  EscapeTimeRequest,
  LandscapeRequest,
  ProbeOptions,
  SimulateRequest,
  StablePointsRequest,
  StableQuantileRequest,
  StableSampleRequest,
  TailIndexRequest,
  UserProbeOptions,
} from '../src/schemas/index.ts'

export interface Command {
  /** As typed: `escape-time`, `stable pdf`. */
  name: string
  summary: string
  /** Request schema: the options are its dotted keys. */
  schema: GenericSchema
  path: string
  /** Positional arguments, in order (files), with their help. */
  positionals?: { name: string; help: string }[]
  /** Work long enough to show a progress indicator. */
  long?: boolean
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'escape-time',
    summary: 'Mean escape times of SGD and Adam from a basin, exit probabilities and the SGD-vs-Adam factors',
    schema: EscapeTimeRequest,
    path: '/v1/escape-time',
  },
  {
    name: 'landscape',
    summary: 'Basin-to-basin jump rates, residence times and stationary weights on a 1-D landscape',
    schema: LandscapeRequest,
    path: '/v1/landscape',
  },
  { name: 'stable pdf', summary: 'SαS density f(x)', schema: StablePointsRequest, path: '/v1/stable/pdf' },
  {
    name: 'stable cdf',
    summary: 'SαS distribution function P(X ≤ x)',
    schema: StablePointsRequest,
    path: '/v1/stable/cdf',
  },
  {
    name: 'stable sf',
    summary: 'SαS upper tail P(X > x), exact far out where the cdf rounds to 1',
    schema: StablePointsRequest,
    path: '/v1/stable/sf',
  },
  {
    name: 'stable logpdf',
    summary: 'SαS log-density log f(x), finite where the density underflows',
    schema: StablePointsRequest,
    path: '/v1/stable/logpdf',
  },
  {
    name: 'stable quantile',
    summary: 'SαS quantile function',
    schema: StableQuantileRequest,
    path: '/v1/stable/quantile',
  },
  {
    name: 'stable sample',
    summary: 'n seeded SαS draws (Chambers–Mallows–Stuck)',
    schema: StableSampleRequest,
    path: '/v1/stable/sample',
  },
  {
    name: 'tail-index',
    summary: 'Tail index α of samples read from a CSV, JSON or .npy file, with its interval',
    schema: TailIndexRequest,
    path: '/v1/tail-index',
    positionals: [
      {
        name: 'file',
        help: 'CSV/text (one column: 1-D samples; several: minibatch × coordinate rows), JSON, or NumPy .npy',
      },
    ],
  },
  {
    name: 'simulate',
    summary: 'Monte-Carlo of the discrete SGD/Adam dynamics, compared with the leading-order theory',
    schema: SimulateRequest,
    path: '/v1/simulate',
    long: true,
  },
  {
    name: 'probe',
    summary:
      'Probe a trained minimum: your own ONNX model (run locally with onnxruntime-web) or, with --url, a bundled one (--model ID)',
    schema: UserProbeOptions,
    path: '/v1/probe',
    long: true,
    positionals: [
      {
        name: 'model.onnx',
        help: 'the per-sample gradient graph with its trained parameters (docs/model-contract.md)',
      },
      { name: 'data', help: 'evaluation data: JSON {"x", "labels"} or the binary eval.bin layout' },
    ],
  },
]

/** The options of `probe --model ID` (a bundled model on a deployed Worker). */
export const BUNDLED_PROBE_SCHEMA: GenericSchema = ProbeOptions

/** The command named by the first words of `argv`, and how many words it took. */
export function findCommand(words: string[]): { command: Command; used: number } | undefined {
  for (const c of COMMANDS) {
    const parts = c.name.split(' ')
    if (parts.every((p, i) => words[i] === p)) return { command: c, used: parts.length }
  }
  return undefined
}
