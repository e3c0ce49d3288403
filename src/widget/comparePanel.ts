/**
 * The "trained minima" panel, bundled as its own module (widget-compare.js) and imported only when a
 * reader opens it. It lists the Worker's bundled models (`GET /v1/models`), pairs the SGD- and
 * Adam-trained network of each dataset, and shows the table of `POST /v1/compare` (docs/api.md
 * "Trained minima"): the predicted escape of both optimizers' dynamics from both minima, then, from
 * `GET /v1/models/{id}`, the measured escapes from each minimum beside the predictions (measuredEscapeTable). A
 * missing endpoint (404) or a failed call gives a plain message, never an exception.
 */
import { escapeXml } from './escapeXml.ts'
import { formatNumber } from './formatNumber.ts'
import { type MeasuredEscapeRow, measuredEscapeTable } from './measuredEscapeTable.ts'

interface ModelSummary {
  id: string
  dataset: string
  optimizer: 'sgd' | 'adam'
  testAccuracy?: number
}

/** One row of the trained-minima table: an optimizer at a minimum, with α, m(W) and the predicted escape. */
export interface CompareRow {
  minimum: string
  optimizer: 'sgd' | 'adam'
  alpha: number
  radonMeasure: number
  meanEscapeIterations: number
}

/** SGD/Adam pairs of models trained on the same dataset, in the order the API lists them. */
export function modelPairs(models: ModelSummary[]): { dataset: string; sgd: string; adam: string }[] {
  const byData = new Map<string, { sgd?: string; adam?: string }>()
  for (const m of models) {
    const e = byData.get(m.dataset) ?? {}
    if ((m.optimizer === 'sgd' || m.optimizer === 'adam') && !e[m.optimizer]) e[m.optimizer] = m.id
    byData.set(m.dataset, e)
  }
  return [...byData.entries()]
    .filter(([, e]) => e.sgd && e.adam)
    .map(([dataset, e]) => ({ dataset, sgd: e.sgd!, adam: e.adam! }))
}

/** The comparison table as HTML (numbers written with formatNumber, full values in data-value). */
export function compareTable(rows: CompareRow[]): string {
  const td = (x: number) => `<td class="num" data-value="${escapeXml(String(x))}">${escapeXml(formatNumber(x))}</td>`
  return (
    '<div class="scroll"><table class="compare-table"><caption>Predicted escape from each trained minimum (leading order)</caption>' +
    '<thead><tr><th scope="col">minimum</th><th scope="col">dynamics</th><th scope="col" class="num">α</th>' +
    '<th scope="col" class="num">m(W)</th><th scope="col" class="num">escape iterations</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><th scope="row">${escapeXml(r.minimum)}</th><td>${r.optimizer === 'sgd' ? 'SGD' : 'Adam'}</td>${td(r.alpha)}${td(r.radonMeasure)}${td(r.meanEscapeIterations)}</tr>`,
      )
      .join('') +
    '</tbody></table></div>'
  )
}

async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
  })
  let body: any
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  return { status: res.status, body }
}

function unavailable(status: number, body: any): string {
  if (status === 404) return 'Trained-minima comparisons are not available on this server (HTTP 404).'
  const detail = body && typeof body.detail === 'string' ? `: ${body.detail}` : ''
  return `The comparison failed (HTTP ${status}${detail}).`
}

/**
 * Fills `container` with the trained-minima comparison of `apiBase` (`GET /v1/models`, `POST /v1/compare`,
 * `GET /v1/models/{id}`; docs/api.md#trained-minima): predicted escapes of both optimizers from both minima, and the
 * measured ones beside them. An unavailable endpoint or a failed call shows a plain message; never rejects.
 */
export async function renderComparePanel(container: HTMLElement, apiBase: string): Promise<void> {
  const say = (text: string) => {
    container.innerHTML = `<p class="status" role="status">${escapeXml(text)}</p>`
  }
  say('Loading the trained models…')
  let pairs: { dataset: string; sgd: string; adam: string }[]
  try {
    const r = await getJson(`${apiBase}/v1/models`)
    if (r.status !== 200 || !Array.isArray(r.body?.models)) return say(unavailable(r.status, r.body))
    pairs = modelPairs(r.body.models)
  } catch (err) {
    return say(`Could not reach ${apiBase} (${String(err)}).`)
  }
  if (pairs.length === 0) return say('This server has no pair of SGD- and Adam-trained models to compare.')
  container.innerHTML =
    '<p class="hint">The Worker probes each trained network at its minimum (gradient-noise α, curvature, barrier) and predicts how long SGD\'s and Adam\'s dynamics would stay there — the comparison the paper makes.</p>' +
    '<div class="field wide"><label for="compare-pair">Trained pair</label><select id="compare-pair">' +
    pairs
      .map(
        (p, i) => `<option value="${i}">${escapeXml(p.dataset)} (${escapeXml(p.sgd)} vs ${escapeXml(p.adam)})</option>`,
      )
      .join('') +
    '</select></div><div id="compare-result" aria-live="polite"></div>'
  const select = container.querySelector('select') as HTMLSelectElement
  const result = container.querySelector('#compare-result') as HTMLElement
  let seq = 0
  const run = async () => {
    const mine = ++seq
    const p = pairs[Number(select.value)]
    result.innerHTML = `<p class="status" role="status">Probing ${escapeXml(p.sgd)} and ${escapeXml(p.adam)}…</p>`
    try {
      const r = await getJson(`${apiBase}/v1/compare`, {
        method: 'POST',
        body: JSON.stringify({ models: [p.sgd, p.adam] }),
      })
      if (mine !== seq) return
      if (r.status !== 200 || !Array.isArray(r.body?.table)) {
        result.innerHTML = `<p class="status" role="status">${escapeXml(unavailable(r.status, r.body))}</p>`
        return
      }
      result.innerHTML = compareTable(r.body.table as CompareRow[])
      const measured = await Promise.all(
        [p.sgd, p.adam].map(async (id) => {
          const d = await getJson(`${apiBase}/v1/models/${encodeURIComponent(id)}`)
          const rows = d.status === 200 && Array.isArray(d.body?.escapeExperiment) ? d.body.escapeExperiment : []
          return measuredEscapeTable(id, rows as MeasuredEscapeRow[])
        }),
      )
      if (mine !== seq) return
      result.insertAdjacentHTML('beforeend', measured.join(''))
    } catch (err) {
      if (mine === seq)
        result.innerHTML = `<p class="status" role="status">${escapeXml(`Could not reach ${apiBase} (${String(err)}).`)}</p>`
    }
  }
  select.addEventListener('change', () => void run())
  await run()
}
