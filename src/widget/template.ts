/**
 * The element's shadow-DOM markup: labelled inputs in fieldsets (visual order = focus order), result
 * cards and the mechanism table, three figures, the share buttons and the lazily loaded
 * "trained minima" panel. Numbers are filled in by the element.
 */
import { WATCH_SPEEDS } from './state.ts'

const alphaField = (id: string, who: string) => `
  <div class="field">
    <label for="${id}-alpha">Tail index α <span class="sr-only">of ${who}'s noise</span></label>
    <input id="${id}-alpha" type="number" min="1.01" max="1.99" step="0.01" inputmode="decimal">
    <input id="${id}-alpha-range" type="range" min="1.01" max="1.99" step="0.01" aria-label="${who} tail index α (slider)">
    <span class="hint">1 &lt; α &lt; 2; smaller α = heavier tails, bigger jumps</span>
  </div>`

const lrField = (id: string, who: string) => `
  <div class="field">
    <label for="${id}-lr">Learning rate η <span class="sr-only">of ${who}</span></label>
    <input id="${id}-lr" type="number" min="0" max="1" step="any" inputmode="decimal">
    <input id="${id}-lr-range" type="range" min="-5" max="-0.05" step="0.01" aria-label="${who} learning rate η, logarithmic (slider)">
  </div>`

/** SVG and PNG download buttons under a plot. */
const exportButtons = (id: string, what: string) => `
  <div class="fig-actions">
    <button type="button" class="secondary small" data-export="svg" data-plot="${id}" part="button export-button" aria-label="Download ${what} as SVG">SVG</button>
    <button type="button" class="secondary small" data-export="png" data-plot="${id}" part="button export-button" aria-label="Download ${what} as PNG">PNG</button>
  </div>`

/** The element's shadow-DOM markup (inputs, result cards, figures, share buttons, the trained-minima panel). */
export const template = `
<div class="root" part="root">
  <header part="header">
    <h2 id="etc-title">Escape time from a minimum: SGD vs Adam</h2>
    <p class="lede">How many iterations heavy-tailed (symmetric α-stable) gradient noise needs to throw each optimizer out of a basin, to leading order (Zhou et al., NeurIPS 2020).</p>
  </header>
  <div class="bar" part="result-bar" aria-hidden="true">
    <span class="sgd">SGD <b id="bar-sgd">—</b></span>
    <span class="adam">Adam <b id="bar-adam">—</b></span>
    <span>Adam/SGD <b id="bar-ratio">—</b>×</span>
  </div>
  <form class="inputs" part="inputs" aria-labelledby="etc-title" novalidate>
    <fieldset class="basin" part="fieldset">
      <legend>Basin</legend>
      <div class="field">
        <label for="basin">Shape</label>
        <select id="basin">
          <option value="interval">1-D interval</option>
          <option value="quadratic">quadratic</option>
        </select>
      </div>
      <div class="field" data-basin="interval">
        <label for="left">Distance to left wall a</label>
        <input id="left" type="number" min="0" step="any" inputmode="decimal">
      </div>
      <div class="field" data-basin="interval">
        <label for="right">Distance to right wall b</label>
        <input id="right" type="number" min="0" step="any" inputmode="decimal">
      </div>
      <div class="field" data-basin="quadratic">
        <label for="curvatures">Curvatures λ</label>
        <input id="curvatures" type="text" inputmode="decimal" aria-describedby="curvatures-hint">
        <span class="hint" id="curvatures-hint">Hessian eigenvalues, comma-separated (d = count)</span>
      </div>
      <div class="field" data-basin="quadratic">
        <label for="height">Barrier height h</label>
        <input id="height" type="number" min="0" step="any" inputmode="decimal">
      </div>
    </fieldset>
    <fieldset class="noise" part="fieldset">
      <legend>Gradient noise</legend>
      <div class="field">
        <label for="noise-scale">Scale σ</label>
        <input id="noise-scale" type="text" inputmode="decimal" aria-describedby="noise-scale-hint">
        <span class="hint" id="noise-scale-hint">One value, or one per coordinate (comma-separated)</span>
      </div>
      <div class="field wide">
        <label for="noise-model">Noise model</label>
        <select id="noise-model">
          <option value="axis">axis (independent)</option>
          <option value="isotropic">isotropic</option>
        </select>
      </div>
      <div class="field wide">
        <label for="normalization">Normalisation</label>
        <select id="normalization">
          <option value="stable">c = c_α (SαS units)</option>
          <option value="unit">c = 1 (unit kernel)</option>
        </select>
      </div>
    </fieldset>
    <fieldset class="sgd" part="fieldset">
      <legend>SGD</legend>
      ${alphaField('sgd', 'SGD')}
      ${lrField('sgd', 'SGD')}
    </fieldset>
    <fieldset class="adam" part="fieldset">
      <legend>Adam</legend>
      ${alphaField('adam', 'Adam')}
      ${lrField('adam', 'Adam')}
      <div class="field wide">
        <label for="adam-pre">Preconditioner q</label>
        <input id="adam-pre" type="text" aria-describedby="adam-pre-hint">
        <span class="hint" id="adam-pre-hint">"auto" (q_i = σ_i/σ̄) or one value per coordinate</span>
      </div>
    </fieldset>
  </form>

  <section class="results" part="outputs" aria-labelledby="results-h">
    <h3 id="results-h">Results</h3>
    <div class="cards">
      <div class="card sgd" part="result">
        <div class="k" id="k-sgd">SGD: mean escape time</div>
        <div class="v"><output id="out-sgd" aria-labelledby="k-sgd">—</output> <span class="unit">iterations</span></div>
        <div class="expl">≈ η^(−α)/ν(W): steps until one noise jump throws SGD out of the basin</div>
      </div>
      <div class="card adam" part="result">
        <div class="k" id="k-adam">Adam: mean escape time</div>
        <div class="v"><output id="out-adam" aria-labelledby="k-adam">—</output> <span class="unit">iterations</span></div>
        <div class="expl">the same for Adam, whose noise is rescaled by its preconditioner</div>
      </div>
      <div class="card ratio" part="result">
        <div class="k" id="k-ratio">Ratio Adam / SGD</div>
        <div class="v"><output id="out-ratio" aria-labelledby="k-ratio">—</output> <span class="unit">×</span></div>
        <div class="expl">how many times longer Adam stays in this basin</div>
      </div>
    </div>
    <div class="scroll">
      <table class="mech" part="mechanisms">
        <caption>Why: three factors whose product is the ratio</caption>
        <thead><tr><th scope="col">mechanism</th><th scope="col" class="num">factor</th></tr></thead>
        <tbody>
          <tr><th scope="row">Geometry<span class="expl">Adam's per-coordinate scaling flattens the noise along sharp directions (ν of SGD's exit set over Adam's, at SGD's α)</span></th><td class="num"><output id="out-geometry">—</output> ×</td></tr>
          <tr><th scope="row">Tail index<span class="expl">lighter tails (larger α) make the big jumps that escape rarer</span></th><td class="num"><output id="out-tail">—</output> ×</td></tr>
          <tr><th scope="row">Learning rate<span class="expl">a smaller step makes every jump smaller: (η_SGD/η_Adam)^α_Adam</span></th><td class="num"><output id="out-lr">—</output> ×</td></tr>
        </tbody>
      </table>
    </div>
    <p class="error" id="error" role="alert" hidden></p>
    <ul class="warnings" id="warnings" aria-label="Warnings" hidden></ul>
    <details id="more" part="details">
      <summary>More numbers</summary>
      <div class="scroll"><table id="more-table"></table></div>
    </details>
    <p class="sr-only" id="live" aria-live="polite"></p>
  </section>

  <section class="watch" part="watch" aria-labelledby="watch-h">
    <h3 id="watch-h">Watch it escape</h3>
    <div class="watch-box" id="watch-box">
      <canvas id="watch-canvas" part="watch-canvas" role="img" aria-label="SGD and Adam iterates moving in the basin"></canvas>
    </div>
    <div class="watch-controls" part="watch-controls">
      <button type="button" id="watch-play" part="button play-button" aria-pressed="false">Play</button>
      <button type="button" id="watch-step" class="secondary" part="button step-button">Step</button>
      <button type="button" id="watch-reset" class="secondary" part="button reset-button">Reset</button>
      <label class="inline" for="watch-speed">Speed</label>
      <input id="watch-speed" type="range" min="0" max="${WATCH_SPEEDS.length - 1}" step="1" part="speed" aria-describedby="watch-speed-out">
      <output id="watch-speed-out" for="watch-speed">10 iterations per frame</output>
      <label class="inline" for="watch-seed">Seed</label>
      <input id="watch-seed" class="seed" type="number" min="0" step="1" inputmode="numeric" part="seed">
      <button type="button" id="watch-png" class="secondary" part="button export-button">PNG</button>
    </div>
    <div class="scroll">
      <table class="watch-stats" part="watch-stats">
        <caption>Measured in this run against the calculator's prediction (iterations)</caption>
        <thead><tr><th scope="col">optimizer</th><th scope="col" class="num">escapes</th><th scope="col" class="num">iterations run</th><th scope="col" class="num">mean escape (run)</th><th scope="col" class="num">predicted</th></tr></thead>
        <tbody>
          <tr class="sgd"><th scope="row">SGD</th><td class="num" id="watch-sgd-escapes">—</td><td class="num" id="watch-sgd-iterations">—</td><td class="num" id="watch-sgd-mean">—</td><td class="num" id="watch-sgd-predicted">—</td></tr>
          <tr class="adam"><th scope="row">Adam</th><td class="num" id="watch-adam-escapes">—</td><td class="num" id="watch-adam-iterations">—</td><td class="num" id="watch-adam-mean">—</td><td class="num" id="watch-adam-predicted">—</td></tr>
        </tbody>
      </table>
    </div>
    <p class="hint" id="watch-caption">Each dot is an optimizer's iterate θ − θ* under the discrete dynamics that <code>/v1/simulate</code> runs, with SαS noise of its α, η and scale (same seed, same run). A long segment is one big jump; × marks where an iterate left the basin, after which it restarts at θ*. The running mean is iterations run / escapes.</p>
  </section>

  <section class="plots" part="plots" aria-label="Plots">
    <figure part="plot"><div class="plot" id="plot-lr"></div><figcaption>Escape iterations fall as η^(−α): the lines' slopes are −α (log-log). Dots: the chosen learning rates.</figcaption>${exportButtons('plot-lr', 'escape iterations against η')}</figure>
    <figure part="plot"><div class="plot" id="plot-density"></div><figcaption>The noise law at each optimizer's α against the Gaussian: the heavy tails are what makes escapes by single jumps possible.</figcaption>${exportButtons('plot-density', 'the noise densities')}</figure>
    <figure part="plot"><div class="plot" id="plot-basin"></div><figcaption>The basin and the side each optimizer leaves it by; the nearer wall wins, but less sharply than under Gaussian noise.</figcaption>${exportButtons('plot-basin', 'the basin')}</figure>
  </section>

  <div class="actions" part="actions">
    <button type="button" id="copy-link" part="button">Copy link</button>
    <button type="button" id="copy-embed" class="secondary" part="button">Copy embed code</button>
    <button type="button" id="download-json" class="secondary" part="button export-button">Download request (JSON)</button>
    <button type="button" id="fullscreen" class="secondary" part="button fullscreen-button" aria-pressed="false">Fullscreen</button>
    <span class="status" id="copy-status" role="status"></span>
  </div>
  <textarea class="manual" id="manual" rows="4" readonly aria-label="Text to copy" hidden></textarea>

  <details id="compare" part="compare">
    <summary>Trained minima: SGD vs Adam on real networks</summary>
    <div id="compare-body" aria-live="polite"></div>
  </details>
</div>
`
