/**
 * `GET /`: what the service computes and why (a plain-language account of Zhou et al., NeurIPS 2020),
 * the live calculator, the API at a glance, and the embed snippet. Static HTML; the only script is
 * the widget module from this origin.
 */
import { defaultState, ELEMENT_NAME, embedSnippet, escapeXml, stateToQuery } from '../../src/widget/index.ts'

const ENDPOINTS: [string, string, string][] = [
  [
    'GET|POST',
    '/v1/escape-time',
    'Mean escape time of SGD and Adam from a basin, exit probabilities, the Adam/SGD ratio and its three mechanism factors',
  ],
  ['GET|POST', '/v1/landscape', 'Where each optimizer spends its time on a 1-D landscape of several basins'],
  [
    'GET|POST',
    '/v1/stable/pdf · logpdf · cdf · sf · quantile',
    'The symmetric α-stable law (scipy names); POST /v1/stable/sample draws from it',
  ],
  ['POST', '/v1/tail-index', 'Estimate the tail index α of gradient noise, with a confidence interval'],
  [
    'POST',
    '/v1/simulate',
    'Monte-Carlo of the discrete SGD/Adam dynamics, to check the theory at finite learning rate',
  ],
  ['GET', '/v1/models', 'SGD- and Adam-trained networks bundled with the service (ONNX)'],
  [
    'POST',
    '/v1/models/{id}/probe · /v1/compare',
    'Measure noise, curvature and sharpness at a trained minimum and predict its escape',
  ],
]

/** An <iframe> of /embed in the default state, sized to its content by /embed.js. */
function iframeSnippet(origin: string): string {
  return `<iframe src="${origin}/embed?${stateToQuery(defaultState)}" title="Escape-time calculator" width="100%" height="1300" style="border:0" allow="clipboard-write; fullscreen"></iframe>\n<script src="${origin}/embed.js" async></script>`
}

export function landingPage(origin: string, styleTag: string): string {
  const example = `curl '${origin}/v1/escape-time?basin.kind=interval&basin.left=1&basin.right=2&noise.scale=1&optimizers.sgd.alpha=1.5&optimizers.sgd.lr=0.01'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<title>levy-escape: how long SGD and Adam stay in a minimum</title>
<meta name="description" content="Escape times of SGD and Adam from sharp minima under heavy-tailed gradient noise: a calculator, an HTTP API and an embeddable widget.">
${styleTag}
<script type="module" src="/widget.js"></script>
</head>
<body>
<main>
<nav aria-label="Site"><a href="/docs">API reference</a><a href="/docs/theory">Theory</a><a href="/openapi.json">OpenAPI</a><a href="#embed">Embed</a></nav>
<h1>Why does SGD leave sharp minima that Adam stays in?</h1>
<p class="tagline">levy-escape turns the escape-time theory of Zhou et al. (NeurIPS 2020) into numbers you can get from one HTTP call or one embedded widget.</p>

<h2 id="what">What it computes</h2>
<p>The noise in a deep network's minibatch gradients is <strong>heavy-tailed</strong>: most steps are small, but now and then a step is enormous.
The paper models it as a symmetric α-stable law with tail index α between 1 and 2 (α = 2 would be Gaussian; the smaller α, the heavier the tails)
and writes SGD and Adam as differential equations driven by this Lévy noise.</p>
<p>With heavy tails an optimizer does not creep out of a basin: it is <strong>thrown out by a single big jump</strong>. The mean number of iterations until that happens is,
to leading order, <code>η^(−α) / ν(W)</code>, where η is the learning rate and ν(W) measures the set of jumps large enough to leave the basin (sharp, narrow basins have a large ν(W)).
Adam stays longer for three reasons, which the calculator separates: its per-coordinate scaling shrinks the noise along sharp directions (<em>geometry</em>),
its noise is measured to be lighter-tailed (<em>tail index</em>), and it is usually run with a smaller step (<em>learning rate</em>).
The paper argues that this is why SGD ends in flatter minima that generalise better.</p>
<p class="note">The numbers are leading-order asymptotics: their relative error is not specified by the theory; simulations at ε ≈ 0.2 show about 10–15%. The <code>/v1/simulate</code> endpoint checks any case by Monte-Carlo.</p>

<h2 id="calculator">Try it</h2>
<${ELEMENT_NAME} sync-url></${ELEMENT_NAME}>
<p class="note">Everything is computed in your browser by the same code the API runs; the link button copies a URL that restores this exact view.</p>

<h2 id="api">The API at a glance</h2>
<div class="scroll"><table>
<thead><tr><th scope="col">method</th><th scope="col">path</th><th scope="col">what it answers</th></tr></thead>
<tbody>
${ENDPOINTS.map(([m, p, d]) => `<tr><td><code>${escapeXml(m)}</code></td><td><code>${escapeXml(p)}</code></td><td>${escapeXml(d)}</td></tr>`).join('\n')}
</tbody></table></div>
<p>JSON in and out, RFC 9457 problems on errors, CORS open. Full reference: <a href="/docs">/docs</a>; machine-readable: <a href="/openapi.json">/openapi.json</a>. Example:</p>
<pre tabindex="0"><code>${escapeXml(example)}</code></pre>

<h2 id="embed">Embed the calculator</h2>
<p>Paste this into any page; attributes set the starting state (the “Copy embed code” button writes them for the current view). Or frame <a href="/embed">/embed</a>, which reads its state from the query string.</p>
<pre tabindex="0"><code>${escapeXml(embedSnippet(defaultState, origin))}</code></pre>
<p>Or use a frame (the calculator's “Copy link” button gives the <code>/embed</code> URL of the current view). The small <code>/embed.js</code> script makes the frame as tall as its content, so it never shows an inner scrollbar; without it, keep a fixed height:</p>
<pre tabindex="0"><code>${escapeXml(iframeSnippet(origin))}</code></pre>

<footer>
<p>Theory: P. Zhou, J. Feng, C. Ma, C. Xiong, S. Hoi, W. E, “Towards Theoretically Understanding Why SGD Generalizes Better Than ADAM in Deep Learning”, NeurIPS 2020. levy-escape is MIT-licensed open source.</p>
</footer>
</main>
</body>
</html>
`
}
