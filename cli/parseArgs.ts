/**
 * The command line of `levy-escape`: words (the command, its files), the request options as dotted keys
 * (`--basin.kind interval`, `--x=0,1,2`), and the CLI's own flags. A value may start with `-` (`--x -1,0,1`).
 */
export interface ParsedArgs {
  words: string[]
  options: URLSearchParams
  json: boolean
  help: boolean
  url?: string
  model?: string
  errors: string[]
}

/** Options of the CLI itself; every other `--key` is a request option. */
const FLAGS = new Set(['json', 'help'])

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { words: [], options: new URLSearchParams(), json: false, help: false, errors: [] }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    if (token === '-h') {
      out.help = true
      continue
    }
    if (!token.startsWith('--') || token === '--') {
      if (token !== '--') out.words.push(token)
      continue
    }
    const eq = token.indexOf('=')
    const name = eq >= 0 ? token.slice(2, eq) : token.slice(2)
    if (FLAGS.has(name) && eq < 0) {
      if (name === 'json') out.json = true
      else out.help = true
      continue
    }
    let value: string | undefined = eq >= 0 ? token.slice(eq + 1) : argv[i + 1]
    if (eq < 0) {
      if (value === undefined || (value.startsWith('--') && !/^--?\d/.test(value))) {
        out.errors.push(`--${name}: needs a value (--${name} VALUE or --${name}=VALUE)`)
        continue
      }
      i++
    }
    value = value ?? ''
    if (name === 'url') out.url = value.replace(/\/+$/, '')
    else if (name === 'model') out.model = value
    else out.options.append(name, value)
  }
  return out
}
