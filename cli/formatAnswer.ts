/**
 * The readable form of an answer: parallel numeric lists of the same length (x and pdf, p and quantile) as
 * columns; every other value as `dotted.key  value` rows (short lists inline, lists of objects one row per
 * entry); warnings last. Numbers keep 6 significant digits here; `--json` prints them in full.
 */

const num = (x: number): string => {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x)
  const a = Math.abs(x)
  return a !== 0 && (a >= 1e6 || a < 1e-4) ? x.toExponential(5) : String(+x.toPrecision(6))
}

const cell = (v: unknown): string =>
  typeof v === 'number' ? num(v) : typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v)

function columns(headers: string[], rows: unknown[][]): string[] {
  const text = rows.map((r) => r.map(cell))
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i])).join('  ')
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)]
}

const isNumberList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number')

function rows(value: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const shown =
        value.length > 12 ? [...value.slice(0, 12).map(cell), `… (${value.length} values)`] : value.map(cell)
      out.push([path, shown.join(', ')])
    } else value.forEach((v, i) => rows(v, `${path}[${i}]`, out))
    return
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) rows(v, path ? `${path}.${k}` : k, out)
    return
  }
  out.push([path, cell(value)])
}

const warningText = (w: unknown): string =>
  typeof w === 'string'
    ? w
    : w && typeof w === 'object' && 'message' in w
      ? String((w as { message: unknown }).message)
      : JSON.stringify(w)

export function formatAnswer(answer: Record<string, unknown>): string {
  const { warnings, ...rest } = answer
  const lists = Object.entries(rest).filter(([, v]) => isNumberList(v)) as [string, number[]][]
  const byLength = new Map<number, [string, number[]][]>()
  for (const l of lists) byLength.set(l[1].length, [...(byLength.get(l[1].length) ?? []), l])
  const table = [...byLength.values()].find((group) => group.length >= 2)
  const scalars: [string, string][] = []
  const remaining = Object.fromEntries(Object.entries(rest).filter(([k]) => !table?.some(([name]) => name === k)))
  rows(remaining, '', scalars)
  const width = Math.max(0, ...scalars.map(([k]) => k.length))
  const out = scalars.map(([k, v]) => `${k.padEnd(width)}  ${v}`)
  if (table) {
    if (out.length > 0) out.push('')
    out.push(
      ...columns(
        table.map(([name]) => name),
        table[0][1].map((_, i) => table.map(([, xs]) => xs[i])),
      ),
    )
  }
  if (Array.isArray(warnings) && warnings.length > 0) out.push('', ...warnings.map((w) => `warning: ${warningText(w)}`))
  return `${out.join('\n')}\n`
}
