/**
 * `--help` text of a command, generated from its request schema: one line per option (the dotted query key of
 * the GET form, the same names as the HTTP API), with its type and description (src/parse/queryParameters.ts).
 */
import type { GenericSchema } from 'valibot'
import { queryParameters } from '../src/parse/index.ts'
import type { Command } from './commands.ts'

const plain = (s: string) => s.replace(/`/g, '').replace(/\s+/g, ' ').trim()

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(' ')
  const lines: string[] = []
  let line = ''
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line)
      line = w
    } else line = line ? `${line} ${w}` : w
  }
  if (line) lines.push(line)
  return lines.join(`\n${indent}`)
}

/** Option lines of a request schema, skipping the keys a file provides. */
export function optionLines(schema: GenericSchema, skip: readonly string[] = []): string[] {
  return queryParameters(schema)
    .filter((p) => !skip.includes(p.name))
    .map((p) => `  --${p.name}${p.required ? ' (required)' : ''}\n      ${wrap(plain(p.description), 90, '      ')}`)
}

export function helpText(command: Command, extra: { schema: GenericSchema; title: string }[] = []): string {
  const positional = (command.positionals ?? []).map((p) => ` <${p.name}>`).join('')
  const files = (command.positionals ?? []).map((p) => `  <${p.name}>  ${p.help}`)
  const skip = command.name === 'tail-index' ? ['samples'] : []
  return [
    `levy-escape ${command.name}${positional} [options]`,
    '',
    `${command.summary}. HTTP: POST ${command.path}.`,
    ...(files.length > 0 ? ['', ...files] : []),
    '',
    'Options (the dotted keys of the API; lists comma-separated, matrix rows separated by ";"):',
    ...optionLines(command.schema, skip),
    ...extra.flatMap((e) => ['', e.title, ...optionLines(e.schema)]),
    '',
    'Output and target:',
    '  --json       print the answer as JSON (the HTTP answer) instead of a table',
    '  --url URL    send the request to a deployed Worker instead of computing here',
    '  --help, -h   this text',
  ].join('\n')
}
