/**
 * The `/docs` page: a self-contained HTML reference generated from the OpenAPI document (no CDN): every
 * operation with its parameters, request and response schemas, its example as a curl command with real values
 * and the answer the Worker gave it, a try-it form (sent to this origin by `/docs/docs.js`), a filter over the
 * operations, and the problem types the API answers with (the `type` URIs of problem bodies point here).
 * Readable without the script; laid out for screens down to 360 px.
 */
import { PROBLEM_TYPES } from '../problem.ts'

type Json = Record<string, any>

const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

/** Inline `code` spans of a description, escaped. */
const prose = (s: unknown): string =>
  esc(s ?? '')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n\n/g, '</p><p>')

function resolve(schema: Json | undefined, components: Json): Json {
  let s = schema ?? {}
  for (let i = 0; i < 8 && typeof s.$ref === 'string'; i++) s = components.schemas?.[s.$ref.split('/').pop()!] ?? {}
  return s
}

function constraints(s: Json): string {
  const parts: string[] = []
  if (s.exclusiveMinimum !== undefined) parts.push(`&gt; ${s.exclusiveMinimum}`)
  if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`)
  if (s.exclusiveMaximum !== undefined) parts.push(`&lt; ${s.exclusiveMaximum}`)
  if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`)
  if (s.minItems !== undefined) parts.push(`≥ ${s.minItems} items`)
  if (s.maxItems !== undefined) parts.push(`≤ ${s.maxItems} items`)
  if (s.default !== undefined) parts.push(`default ${esc(JSON.stringify(s.default))}`)
  return parts.join(', ')
}

function typeText(s: Json, components: Json, depth: number): string {
  s = resolve(s, components)
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`
  if (Array.isArray(s.enum)) return s.enum.map((e: unknown) => `<code>${esc(JSON.stringify(e))}</code>`).join(' | ')
  const alts = s.anyOf ?? s.oneOf
  if (Array.isArray(alts)) return alts.map((a: Json) => typeText(a, components, depth)).join('<br>or ')
  if (s.type === 'array') {
    const c = constraints(s)
    return `array of ${typeText(s.items ?? {}, components, depth)}${c ? ` <span class="c">(${c})</span>` : ''}`
  }
  if (s.type === 'object' || s.properties)
    return depth > 5 ? 'object' : `object${renderObject(s, components, depth + 1)}`
  const c = constraints(s)
  const t = s.type === 'number' ? 'number' : s.type === 'integer' ? 'integer' : s.type ? String(s.type) : 'any'
  return `${t}${c ? ` <span class="c">(${c})</span>` : ''}`
}

function renderObject(s: Json, components: Json, depth: number): string {
  const props = Object.entries((s.properties ?? {}) as Json)
  if (props.length === 0) return ''
  const req = new Set<string>(s.required ?? [])
  const rows = props
    .map(([name, p]) => {
      const r = resolve(p, components)
      return `<tr><td><code>${esc(name)}</code>${req.has(name) ? '' : '<span class="opt">?</span>'}</td><td>${typeText(p, components, depth)}</td><td>${prose(r.description ?? '')}</td></tr>`
    })
    .join('')
  return `<table class="schema"><tbody>${rows}</tbody></table>`
}

function renderSchemaBlock(schema: Json | undefined, components: Json): string {
  if (!schema) return '<p><em>No schema.</em></p>'
  return `<div class="schema-block" tabindex="0">${typeText(schema, components, 0)}</div>`
}

const slug = (method: string, path: string): string =>
  `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')

function renderOperation(path: string, method: string, op: Json, components: Json, origin: string): string {
  const id = slug(method, path)
  const params = (op.parameters ?? []) as Json[]
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code>${p.required ? '' : '<span class="opt">?</span>'}</td><td>${esc(p.in)}</td><td>${prose(p.description ?? '')}</td></tr>`,
    )
    .join('')
  const body = op.requestBody?.content?.['application/json']?.schema
  const responses = Object.entries((op.responses ?? {}) as Json)
    .map(([code, ref]) => {
      const r = typeof ref.$ref === 'string' ? (components.responses?.[ref.$ref.split('/').pop()] ?? {}) : ref
      const content = r.content ?? {}
      const [type, media] = (Object.entries(content)[0] ?? []) as [string | undefined, Json | undefined]
      const schema = code === '200' && media?.schema ? renderSchemaBlock(media.schema, components) : ''
      return `<li><strong>${esc(code)}</strong>${type ? ` <code>${esc(type)}</code>` : ''}: ${prose(r.description ?? '')}${schema}</li>`
    })
    .join('')
  const example = exampleOf(path, method, op)
  const search = [method, path, op.summary ?? '', ...(op.tags ?? [])].join(' ').toLowerCase()
  return `<section class="op" id="${id}" data-search="${esc(search)}">
<h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p class="summary">${prose(op.summary ?? '')}</p><p>${prose(op.description ?? '')}</p>
${paramRows ? `<h4>Query parameters</h4><div class="scroll" tabindex="0"><table class="params"><thead><tr><th>name</th><th>in</th><th>meaning</th></tr></thead><tbody>${paramRows}</tbody></table></div>` : ''}
${body ? `<h4>Request body (<code>application/json</code>)</h4>${renderSchemaBlock(body, components)}` : ''}
<h4>Responses</h4><ul class="responses">${responses}</ul>
${renderExample(example, origin)}
${renderTry(id, path, method, op, example)}
</section>`
}

interface Example {
  /** Path with the example model id filled in. */
  path: string
  query: string
  body: unknown
  answer: unknown
}

/** The example request and answer of an operation, from the OpenAPI document. */
function exampleOf(path: string, method: string, op: Json): Example | undefined {
  const answer = op.responses?.['200']?.content?.['application/json']?.example
  if (answer === undefined) return undefined
  const params = (op.parameters ?? []) as Json[]
  let filled = path
  for (const p of params.filter((p) => p.in === 'path')) filled = filled.replace(`{${p.name}}`, String(p.example))
  const query = params
    .filter((p) => p.in === 'query' && p.example !== undefined)
    .map((p) => `${p.name}=${Array.isArray(p.example) ? p.example.join(',') : String(p.example)}`)
    .join('&')
  return {
    path: filled,
    query,
    body: method === 'post' ? op.requestBody?.content?.['application/json']?.example : undefined,
    answer,
  }
}

/** Longest answer shown in full on the page; longer ones are cut (the whole one is in /openapi.json). */
const ANSWER_CHARS = 2400

function renderExample(e: Example | undefined, origin: string): string {
  if (!e) return ''
  const url = `${origin}${e.path}${e.query ? `?${e.query}` : ''}`
  const curl =
    e.body !== undefined
      ? `curl -X POST '${url}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(e.body)}'`
      : `curl '${url}'`
  let answer = JSON.stringify(e.answer, null, 2)
  if (answer.length > ANSWER_CHARS)
    answer = `${answer.slice(0, ANSWER_CHARS)}\n… (${answer.length - ANSWER_CHARS} more characters: the whole answer is the example in /openapi.json)`
  return `<h4>Example</h4><pre class="curl" tabindex="0">${esc(curl)}</pre><p class="note">The answer:</p><pre class="answer" tabindex="0">${esc(answer)}</pre>`
}

function renderTry(id: string, path: string, method: string, op: Json, e: Example | undefined): string {
  if (op.requestBody && !op.requestBody.content?.['application/json'])
    return '<p class="note">Try it: this operation takes a multipart upload; send it with curl or a script.</p>'
  const hasPath = path.includes('{')
  const pathField = hasPath
    ? `<label for="${id}-path">Path</label><input id="${id}-path" name="path" value="${esc(e?.path ?? path)}" spellcheck="false">`
    : ''
  const queryParams = ((op.parameters ?? []) as Json[]).some((p) => p.in === 'query')
  const field =
    method === 'post'
      ? `<label for="${id}-body">JSON body</label><textarea id="${id}-body" name="body" rows="6" spellcheck="false">${esc(JSON.stringify(e?.body ?? {}, null, 2))}</textarea>`
      : queryParams
        ? `<label for="${id}-query">Query string</label><textarea id="${id}-query" name="query" rows="2" spellcheck="false">${esc(e?.query ?? '')}</textarea>`
        : ''
  return `<form class="try" data-method="${esc(method)}" data-path="${esc(path)}"><h4>Try it</h4>${pathField}${field}<button type="submit">Send ${esc(method.toUpperCase())} request</button><pre class="answer" tabindex="0"><output aria-live="polite">Sent to this server; the answer appears here.</output></pre></form>`
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'The input breaks the schema (types, ranges, shapes). `errors` has one entry per bad field, with its dotted path.',
  404: 'No such endpoint (or no such model id).',
  405: 'The path exists but not for this method; the `Allow` header lists the methods it takes.',
  413: 'The body is over the size limit: 2 MiB, or 16 MiB for `/v1/probe`. Checked before the body is parsed.',
  415: 'The body is not declared as JSON; send `Content-Type: application/json`.',
  422: 'Valid input that the theory or the work budget cannot answer (for example no simulated chain escaped, or no finite value exists). `detail` says what to change.',
  500: 'Must never happen. The body carries no stack trace; please report the request.',
}

/** The inline stylesheet of /docs (its hash is in the page's CSP). */
export const docsStyles = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#fbfbfd}
header{padding:1.2rem 2rem;background:#1d2330;color:#fff}header a{color:#9cc3ff}
.wrap{display:flex;gap:2rem;padding:0 2rem}nav{position:sticky;top:0;align-self:flex-start;max-height:100vh;overflow:auto;min-width:17rem;padding-top:1rem}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:.2rem 0}nav a{text-decoration:none;color:#1d2330;font-size:.9rem}
main{flex:1;min-width:0;padding-bottom:4rem}.op{border-top:1px solid #dde;padding:.6rem 0}
.m{display:inline-block;min-width:3.2rem;text-align:center;border-radius:4px;font-size:.75rem;font-weight:700;color:#fff;padding:0 .3rem}
.m-get{background:#2f7d32}.m-post{background:#1f5fbf}.m-put,.m-delete,.m-patch{background:#8a4b00}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}pre{background:#eef0f5;padding:.6rem;overflow:auto}
table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #dde;padding:.2rem .5rem;vertical-align:top;text-align:left}
.schema table{font-size:.92em}.c{color:#667}.opt{color:#a33;margin-left:.1rem}.summary{font-weight:600}
nav.site{position:static;max-height:none;min-width:0;padding:0 0 .6rem;overflow:visible}header nav.site a{color:#9cc3ff}
.filter{position:sticky;top:0;background:#fbfbfd;padding:.6rem 0}.filter input{width:100%;font:inherit;padding:.3rem .4rem}
.filter span{display:block;font-size:.8rem;color:#555c66}
form.try{background:#f3f5f9;border:1px solid #dde;border-radius:6px;padding:.4rem .8rem .8rem;margin:.6rem 0}
form.try label{display:block;font-size:.85rem;font-weight:600;margin:.4rem 0 .2rem}form.try textarea,form.try input{width:100%;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:.3rem}
form.try button{margin:.5rem 0;font:inherit;padding:.3rem .9rem;background:#1f5fbf;color:#fff;border:0;border-radius:4px;cursor:pointer}
pre.answer{max-height:24rem}pre{max-width:100%}p code,li code{overflow-wrap:anywhere}.schema-block,.responses li{overflow-x:auto}.note{color:#555c66;font-size:.9rem;margin:.3rem 0}.scroll{overflow-x:auto}
h1 small{font-size:.6em;font-weight:400}
@media (max-width:800px){.wrap{display:block;padding:0 1rem}header{padding:1rem}nav.ops{position:static;max-height:none;min-width:0}nav.ops ul{columns:2 12rem}
.schema-block,.responses{overflow-x:auto}}
`
const docsStyleTag = `<style>${docsStyles}</style>`

export function renderDocs(doc: Json, origin: string): string {
  const components = doc.components ?? {}
  const ops: string[] = []
  const nav: string[] = []
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (!op || typeof op !== 'object') continue
      ops.push(renderOperation(path, method, op as Json, components, origin))
      nav.push(
        `<li><a href="#${slug(method, path)}"><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> ${esc(path)}</a></li>`,
      )
    }
  }
  const problems = Object.entries(PROBLEM_TYPES)
    .map(
      ([status, [s, title]]) =>
        `<li id="problem-${s}"><strong>${status} ${esc(title)}</strong> <code>/docs#problem-${s}</code>: ${prose(PROBLEM_TEXT[Number(status)] ?? '')}</li>`,
    )
    .join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info?.title ?? 'API')} ${esc(doc.info?.version ?? '')}: API reference</title>
${docsStyleTag}</head><body>
<header><nav aria-label="Site" class="site"><a href="/">Calculator</a> · <a href="/docs/theory">Theory reference</a> · <a href="/openapi.json">OpenAPI</a></nav><h1>${esc(doc.info?.title ?? 'API')} <small>${esc(doc.info?.version ?? '')}</small></h1>
<p>${prose(doc.info?.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc.openapi ?? '3.1')}). Fields marked <span class="opt">?</span> are optional. The mathematics behind every field and warning: <a href="/docs/theory">theory reference</a>; conventions (errors, GET forms, caching, CORS, versioning): <code>docs/api.md</code> in the repository.</p></header>
<div class="wrap"><nav class="ops" aria-label="Operations"><div class="filter"><label for="filter">Filter operations</label><input id="filter" type="search" placeholder="e.g. escape get" autocomplete="off"><span id="filter-count" aria-live="polite"></span></div><ul>${nav.join('')}<li><a href="#problems">Problems (errors)</a></li></ul></nav>
<main>
<section><h2>Conventions</h2><p>JSON in and out, UTF-8; every number in a response is finite. Endpoints marked GET also take the POST body flattened into the query string with dotted keys and comma-separated arrays, e.g. <code>/v1/escape-time?basin.kind=interval&amp;basin.left=1&amp;basin.right=2&amp;noise.scale=1&amp;optimizers.sgd.alpha=1.5&amp;optimizers.sgd.lr=0.01</code>; their answers carry <code>Cache-Control: public, max-age=86400</code> and a strong <code>ETag</code> (a matching <code>If-None-Match</code> gets <code>304</code>). CORS is open (or an allowlist). The same request always gives the same bytes; stochastic endpoints echo their <code>seed</code>.</p></section>
${ops.join('\n')}
<section id="problems"><h2>Problems (errors)</h2><p>Errors are RFC 9457 problem details, <code>application/problem+json</code>: <code>{"type", "title", "status", "detail", "errors": [{"path", "message"}]}</code>.</p><ul>${problems}</ul></section>
</main></div><script type="module" src="/docs/docs.js"></script></body></html>
`
}
