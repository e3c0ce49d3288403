/**
 * The MCP tools: each one is an HTTP operation of this API, named for AI tools. Their input and output JSON
 * Schemas and descriptions are read from the OpenAPI document (`toolDefinitions`), which hono-openapi generates
 * from the same valibot schemas that validate the HTTP requests; a call is answered by the HTTP route itself
 * (`callTool`), so a tool's `structuredContent` is exactly the HTTP answer.
 */

/** One tool: its HTTP operation and a one-line summary of an answer. */
export interface McpTool {
  name: string
  title: string
  method: 'GET' | 'POST'
  /** OpenAPI path; `{id}` is filled from the argument of that name. */
  path: string
  summarize: (answer: any) => string
}

const fmt = (x: unknown): string =>
  typeof x === 'number'
    ? Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
      ? x.toExponential(3)
      : String(+x.toPrecision(4))
    : String(x)

const warningCount = (a: { warnings?: unknown[] }) =>
  a.warnings && a.warnings.length > 0 ? ` ${a.warnings.length} warning(s).` : ''

const perOptimizer = (a: any, field: string, unit: string) =>
  (['sgd', 'adam'] as const)
    .filter((o) => a[o])
    .map((o) => `${o.toUpperCase()} ${fmt(a[o][field])} ${unit}`)
    .join('; ')

const points = (name: string, xs: number[], ys: number[]) =>
  `${name}: ${xs
    .slice(0, 6)
    .map((x, i) => `${fmt(x)} → ${fmt(ys[i])}`)
    .join(', ')}${xs.length > 6 ? ` … (${xs.length} points)` : ''}`

export const MCP_TOOLS: readonly McpTool[] = [
  {
    name: 'escape_time',
    title: 'Escape time of SGD and Adam from a basin',
    method: 'POST',
    path: '/v1/escape-time',
    summarize: (a) =>
      `Mean escape iterations: ${perOptimizer(a, 'meanEscapeIterations', 'iterations')}.${
        a.comparison ? ` Adam/SGD iteration ratio ${fmt(a.comparison.iterationRatio)}.` : ''
      }${warningCount(a)}`,
  },
  {
    name: 'landscape',
    title: 'Where each optimizer spends its time on a 1-D landscape',
    method: 'POST',
    path: '/v1/landscape',
    summarize: (a) =>
      `Stationary weights of the basins: ${(['sgd', 'adam'] as const)
        .filter((o) => a[o])
        .map((o) => `${o.toUpperCase()} [${a[o].stationary.map(fmt).join(', ')}]`)
        .join('; ')}.${warningCount(a)}`,
  },
  {
    name: 'stable_pdf',
    title: 'SαS density',
    method: 'POST',
    path: '/v1/stable/pdf',
    summarize: (a) => `SαS(α=${fmt(a.alpha)}, σ=${fmt(a.scale)}) ${points('pdf', a.x, a.pdf)}.`,
  },
  {
    name: 'stable_cdf',
    title: 'SαS distribution function',
    method: 'POST',
    path: '/v1/stable/cdf',
    summarize: (a) => `SαS(α=${fmt(a.alpha)}, σ=${fmt(a.scale)}) ${points('cdf', a.x, a.cdf)}.`,
  },
  {
    name: 'stable_quantile',
    title: 'SαS quantile function',
    method: 'POST',
    path: '/v1/stable/quantile',
    summarize: (a) => `SαS(α=${fmt(a.alpha)}, σ=${fmt(a.scale)}) ${points('quantile', a.p, a.quantile)}.`,
  },
  {
    name: 'tail_index',
    title: 'Tail index α of heavy-tailed samples',
    method: 'POST',
    path: '/v1/tail-index',
    summarize: (a) =>
      `α ≈ ${fmt(a.alpha)} (${fmt(100 * a.interval.confidence)} % interval ${fmt(a.interval.lower)}–${fmt(a.interval.upper)}) from ${a.used} values; ${a.heavyTailed ? 'heavy-tailed (α < 2)' : 'not distinguishable from Gaussian tails'}.${warningCount(a)}`,
  },
  {
    name: 'simulate',
    title: 'Simulate the discrete SGD/Adam dynamics and compare with the theory',
    method: 'POST',
    path: '/v1/simulate',
    summarize: (a) =>
      `${String(a.optimizer).toUpperCase()}: ${a.escaped} of ${a.chains} chains escaped; mean escape ${fmt(a.meanEscapeIterations)} ± ${fmt(a.standardError)} iterations${
        a.ratioToTheory !== undefined ? ` (${fmt(a.ratioToTheory)} × the leading-order theory)` : ''
      }.${warningCount(a)}`,
  },
  {
    name: 'list_models',
    title: 'The bundled trained models',
    method: 'GET',
    path: '/v1/models',
    summarize: (a) =>
      `${a.models.length} models: ${a.models.map((m: any) => `${m.id} (${m.optimizer}, test accuracy ${fmt(m.testAccuracy)})`).join('; ')}.`,
  },
  {
    name: 'probe_model',
    title: 'Probe a bundled minimum',
    method: 'POST',
    path: '/v1/models/{id}/probe',
    summarize: (a) =>
      [
        `Model ${a.model?.id ?? ''} at radius ${fmt(a.point.radius)}`,
        a.loss ? `loss ${fmt(a.loss.value)}, accuracy ${fmt(a.loss.accuracy)}` : '',
        a.noise?.alpha !== undefined ? `gradient-noise α ${fmt(a.noise.alpha)}` : '',
        a.escape ? `escape ${perOptimizer(a.escape, 'meanEscapeIterations', 'iterations')}` : '',
      ]
        .filter(Boolean)
        .join('; ') + '.',
  },
  {
    name: 'compare_minima',
    title: 'SGD and Adam dynamics from the SGD and the Adam minimum',
    method: 'POST',
    path: '/v1/compare',
    summarize: (a) =>
      `Mean escape iterations: ${a.table
        .map((r: any) => `${r.optimizer.toUpperCase()} from ${r.minimum} ${fmt(r.meanEscapeIterations)}`)
        .join('; ')}.${warningCount(a)}`,
  },
]
