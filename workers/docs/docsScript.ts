/**
 * `GET /docs/docs.js`: the one script of the `/docs` page (same origin, allowed by its CSP), progressive: the
 * page reads fine without it. It adds
 * - the filter: typing in the search box hides the operations (and their contents entries) whose method, path,
 *   summary or tag does not contain every typed word;
 * - the try-it forms: each operation's form sends its request (the JSON body, or the query string of a GET
 *   form, prefilled with the documented example) to this origin with `fetch` and shows the status, the
 *   headers that matter and the answer, pretty-printed. Nothing goes to any other host.
 */
export const docsScript = `
const filter = document.getElementById('filter');
const count = document.getElementById('filter-count');
const ops = [...document.querySelectorAll('section.op')];
function applyFilter() {
  const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const op of ops) {
    const text = op.dataset.search;
    const hit = words.every((w) => text.includes(w));
    op.hidden = !hit;
    const link = document.querySelector('nav.ops a[href="#' + op.id + '"]');
    if (link) link.parentElement.hidden = !hit;
    if (hit) shown++;
  }
  count.textContent = shown + ' of ' + ops.length + ' operations';
}
if (filter) {
  filter.addEventListener('input', applyFilter);
  applyFilter();
}
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = form.querySelector('output');
    const method = form.dataset.method.toUpperCase();
    const input = form.querySelector('textarea, input[name=query]');
    const path = form.querySelector('input[name=path]')?.value ?? form.dataset.path;
    let url = path;
    const init = { method, headers: {} };
    if (method === 'GET') {
      const q = input ? input.value.trim().replace(/^\\?/, '') : '';
      if (q) url += '?' + q;
    } else {
      init.headers['content-type'] = 'application/json';
      if (form.dataset.path === '/mcp') init.headers.accept = 'application/json, text/event-stream';
      init.body = input.value;
    }
    out.textContent = 'Sending ' + method + ' ' + url + ' …';
    try {
      const t0 = performance.now();
      const res = await fetch(url, init);
      const text = await res.text();
      const ms = Math.round(performance.now() - t0);
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      const type = res.headers.get('content-type') || '';
      out.textContent = res.status + ' ' + res.statusText + '  (' + ms + ' ms, ' + type + ')\\n\\n' + shown;
      out.dataset.status = String(res.status);
    } catch (error) {
      out.textContent = 'The request failed: ' + error;
      out.dataset.status = 'error';
    }
  });
}
`
