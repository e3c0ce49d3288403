/**
 * `levy-escape`: the API from the command line (docs in README "Command line"). Each command is an HTTP
 * operation; its options are the dotted keys of the request (the GET form's names and coercions,
 * src/parse/queryToInput.ts), validated by the same app that serves the Worker, computed in this process or,
 * with `--url`, by a deployed Worker. A table by default, `--json` for the answer as is. Exit codes: 0 answered,
 * 2 bad input (the API's own messages), 1 anything else (network, server).
 */
import { editDistance, queryParameters, queryToInput } from '../src/parse/index.ts'

import { BUNDLED_PROBE_SCHEMA, COMMANDS, type Command, findCommand } from './commands.ts'
import type { Answer, Exchange } from './exchange.ts'
import { formatAnswer } from './formatAnswer.ts'
import { helpText } from './helpText.ts'
import { parseArgs } from './parseArgs.ts'
import { readSamples } from './readSamples.ts'

export interface Io {
  out(text: string): void
  err(text: string): void
  readFile(path: string): Uint8Array
  /** Answers an exchange in this process; `long` work may go to a worker thread so progress can be shown. */
  local(x: Exchange, long: boolean): Promise<Answer>
  /** Answers an exchange through a deployed Worker. */
  remote(url: string, x: Exchange): Promise<Answer>
  /** Shows activity while `work` runs (a progress bar on a terminal); returns its result. */
  progress<T>(label: string, work: Promise<T>): Promise<T>
  version: string
}

const BAD_INPUT = 2

function usage(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `levy-escape ${version}: escape times of SGD and Adam under heavy-tailed (SαS) gradient noise.`,
    '',
    'Usage: levy-escape <command> [files] [--dotted.option value ...] [--json] [--url URL]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Example: levy-escape escape-time --basin.kind interval --basin.left 1 --basin.right 2 \\',
    '           --noise.scale 1 --optimizers.sgd.alpha 1.5 --optimizers.sgd.lr 0.01',
    '',
    '`levy-escape <command> --help` lists the options of a command.',
  ].join('\n')
}

function problemText(answer: Answer): { text: string; code: number } {
  let p: { status?: number; detail?: string; errors?: { path: string; message: string }[] } = {}
  try {
    p = JSON.parse(answer.body)
  } catch {
    return { text: `error: HTTP ${answer.status}: ${answer.body.slice(0, 300)}`, code: 1 }
  }
  const lines = [`error: ${p.detail ?? `HTTP ${answer.status}`}`]
  for (const e of p.errors ?? []) lines.push(`  ${e.path ? `--${e.path}` : '(request)'}: ${e.message}`)
  const code = [400, 404, 413, 415, 422].includes(answer.status) ? BAD_INPUT : 1
  return { text: lines.join('\n'), code }
}

function suggest(key: string, known: string[]): string {
  const best = known.map((k) => ({ k, d: editDistance(key, k) })).sort((x, y) => x.d - y.d)[0]
  return best && best.d <= Math.max(2, key.length / 4) ? `; did you mean --${best.k}?` : ' (see --help)'
}

/** The exchange of a command: its path and body, or the problem lines of the command line itself. */
function build(
  command: Command,
  files: string[],
  options: URLSearchParams,
  model: string | undefined,
  io: Io,
): { exchange: Exchange } | { errors: string[] } {
  const schema = command.name === 'probe' && model ? BUNDLED_PROBE_SCHEMA : command.schema
  const { value, issues } = queryToInput(options, schema)
  const errors = issues.map((i) => `--${i.path || '(options)'}: ${i.message}`)
  const known = queryParameters(schema).map((p) => p.name)
  for (const key of new Set(options.keys()))
    if (!known.includes(key)) errors.push(`--${key}: not an option of ${command.name}${suggest(key, known)}`)
  const input = value as Record<string, unknown>
  const wanted = command.name === 'probe' && model ? [] : (command.positionals ?? [])
  if (files.length !== wanted.length)
    errors.push(
      wanted.length === 0
        ? `unexpected argument${files.length > 1 ? 's' : ''}: ${files.join(' ')}`
        : `give ${wanted.map((p) => `<${p.name}>`).join(' ')} (got ${files.length} file${files.length === 1 ? '' : 's'})`,
    )
  if (errors.length > 0) return { errors }
  const read = (path: string): Uint8Array | undefined => {
    try {
      return io.readFile(path)
    } catch (e) {
      errors.push(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
      return undefined
    }
  }
  if (command.name === 'tail-index') {
    if (options.has('samples')) return { errors: ['--samples: give the samples as a file, not an option'] }
    const bytes = read(files[0])
    if (!bytes) return { errors }
    const samples = readSamples(files[0], bytes)
    if (!samples.ok) return { errors: [samples.message] }
    input.samples = samples.samples
  }
  if (command.name === 'probe') {
    if (model)
      return { exchange: { path: `/v1/models/${encodeURIComponent(model)}/probe`, json: JSON.stringify(input) } }
    const [modelBytes, dataBytes] = [read(files[0]), read(files[1])]
    if (!modelBytes || !dataBytes) return { errors }
    const isJson = files[1].toLowerCase().endsWith('.json')
    return {
      exchange: {
        path: command.path,
        form: {
          model: modelBytes,
          modelName: files[0].split('/').pop() ?? 'model.onnx',
          data: isJson ? new TextDecoder().decode(dataBytes) : dataBytes,
          dataName: files[1].split('/').pop() ?? 'data',
          options: JSON.stringify(input),
        },
      },
    }
  }
  return { exchange: { path: command.path, json: JSON.stringify(input) } }
}

/** Runs the command line `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv)
  if (args.words.length === 0 || args.words[0] === 'help') {
    io.out(`${usage(io.version)}\n`)
    return args.words.length === 0 && !args.help ? BAD_INPUT : 0
  }
  if (args.words[0] === 'version' || (args.words.length === 1 && args.words[0] === '-v')) {
    io.out(`${io.version}\n`)
    return 0
  }
  const found = findCommand(args.words)
  if (!found) {
    io.err(`error: unknown command "${args.words.slice(0, 2).join(' ')}"\n\n${usage(io.version)}\n`)
    return BAD_INPUT
  }
  const { command } = found
  if (args.help) {
    const extra =
      command.name === 'probe'
        ? [{ schema: BUNDLED_PROBE_SCHEMA, title: 'With --model ID (a bundled model; needs --url), the options are:' }]
        : []
    io.out(`${helpText(command, extra)}\n`)
    return 0
  }
  if (args.model && command.name !== 'probe') args.errors.push('--model: only the probe command takes a model id')
  if (args.model && !args.url)
    args.errors.push(
      '--model: the bundled models are served by the Worker; add --url URL, or give your own <model.onnx> <data>',
    )
  if (args.errors.length > 0) {
    io.err(`${args.errors.map((e) => `error: ${e}`).join('\n')}\n`)
    return BAD_INPUT
  }
  const built = build(command, args.words.slice(found.used), args.options, args.model, io)
  if ('errors' in built) {
    io.err(`${built.errors.map((e) => `error: ${e}`).join('\n')}\nSee \`levy-escape ${command.name} --help\`.\n`)
    return BAD_INPUT
  }
  let answer: Answer
  try {
    const work = args.url ? io.remote(args.url, built.exchange) : io.local(built.exchange, command.long === true)
    answer = command.long || args.url ? await io.progress(command.name, work) : await work
  } catch (e) {
    io.err(`error: ${args.url ? `${args.url}: ` : ''}${(e as Error).message}\n`)
    return 1
  }
  if (answer.status !== 200) {
    const { text, code } = problemText(answer)
    io.err(`${text}\n`)
    return code
  }
  const shown = JSON.parse(answer.body) as Record<string, unknown>
  io.out(args.json ? `${JSON.stringify(shown, null, 2)}\n` : formatAnswer(shown))
  return 0
}
