/**
 * `<escape-time-calculator>`: the embeddable escape-time calculator (docs/api.md#escape-time,
 * docs/theory.md#escape). It computes in the reader's browser with the same core as the API
 * (`escapeTime` from src/escape, `pdf` from src/stable, injected through `EscapeTimeCalculator.core`
 * by the bundle entry), or, with an `api="https://host"` attribute, asks that Worker's
 * `POST /v1/escape-time` instead.
 *
 * Attributes (ATTRIBUTE_KEYS) set the initial state; with `sync-url` the page's query string (the
 * API's dotted GET keys) overrides them and follows every change, so a copied link restores the exact
 * view. `theme="light" | "dark" | "auto"` picks the colours (CSS custom properties `--etc-*`, parts
 * for `::part()`). Each change fires an `escape-time-change` event with `{ state, result }`.
 */
import type { Failure, Result } from '../result.ts'
import type { EscapeTimeOutput } from '../schemas/escapeTime.ts'
import { ATTRIBUTE_KEYS } from './attributeKeys.ts'
import { basinPlot } from './basinPlot.ts'
import type { ComputeFn } from './computeFn.ts'
import { type DensityCurves, densityCurves, type PdfFn } from './densityCurves.ts'
import { densityPlot } from './densityPlot.ts'
import { embedSnippet } from './embedSnippet.ts'
import { EscapeAnimation, type Palette } from './escapeAnimation.ts'
import { escapeHeadline } from './escapeHeadline.ts'
import { escapePlot } from './escapePlot.ts'
import { escapeXml } from './escapeXml.ts'
import { canvasToPng, download, standaloneSvg, svgToPng } from './exportFigure.ts'
import { formatNumber } from './formatNumber.ts'
import { issueTarget } from './issueTarget.ts'
import { type LrSweep, lrSweep } from './lrSweep.ts'
import { mergeStateQuery } from './mergeStateQuery.ts'
import { postHeight } from './postHeight.ts'
import { cloneState, defaultState, WATCH_SPEEDS, type WidgetState } from './state.ts'
import { stateFromAttributes } from './stateFromAttributes.ts'
import { parseList, stateFromQuery } from './stateFromQuery.ts'
import { stateToQuery } from './stateToQuery.ts'
import { styles } from './styles.ts'
import { template } from './template.ts'
import { toRequest } from './toRequest.ts'
import { walkSetup } from './walkSetup.ts'

/** The compute functions the bundle entry injects into the element (the same core as the API). */
export interface WidgetCore {
  compute: ComputeFn
  pdf: PdfFn
}

type Field = HTMLInputElement | HTMLSelectElement

let sheet: CSSStyleSheet | undefined

/** Origin the bundle was loaded from: default API host and target of shared links. */
function moduleOrigin(): string {
  try {
    return new URL(import.meta.url).origin
  } catch {
    return location.origin
  }
}

const numberOf = (v: string) => (v.trim() === '' ? Number.NaN : Number(v))
/** Density plot grid: x ∈ [−10, 10], 24 steps per side (the pdf costs ~0.1 ms per point). */
const DENSITY_X_MAX = 10
const DENSITY_HALF = 24
const roundLr = (log10: number) => Number((10 ** log10).toPrecision(3))
/** Frames whose main-thread cost is kept for `frameCosts`. */
const FRAME_COSTS = 240
/** Iterations drawn at once in the static view (prefers-reduced-motion): one trail's length. */
const STATIC_ITERATIONS = 96
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches

/**
 * The `<escape-time-calculator>` custom element: inputs for the basin, the noise and both optimizers, the escape
 * times and mechanism factors (docs/theory.md#calculator, docs/theory.md#sgd-vs-adam), three plots, the escape
 * animation and the trained-minima panel. It computes with the injected `core` (the API's own parse step and
 * `escapeTime`) or, with an `api` attribute, through that Worker's `POST /v1/escape-time`.
 */
export class EscapeTimeCalculator extends HTMLElement {
  /** The compute core; set once by the bundle entry (src/widget/main.ts). */
  static core: WidgetCore | undefined

  static get observedAttributes(): string[] {
    return [...Object.keys(ATTRIBUTE_KEYS), 'api']
  }

  #root: ShadowRoot
  #state: WidgetState = cloneState(defaultState)
  #result: EscapeTimeOutput | undefined
  #failure: Failure | undefined
  #sweep: LrSweep | undefined
  /** Density values per α (x grid fixed), so that moving one optimizer's α recomputes one curve only. */
  #densityCache = new Map<number, number[]>()
  #connected = false
  #remoteSeq = 0
  #timers = new Map<string, ReturnType<typeof setTimeout>>()
  #resize: ResizeObserver | undefined
  #compareLoaded = false
  #rendered = false
  #markup = new Map<string, string>()
  #lastWidths = ''
  #anim = new EscapeAnimation()
  /** The reader asked for the animation to play (it still pauses off screen or in a hidden tab). */
  #playing = false
  /** The view is on screen (set by an IntersectionObserver; always true where there is none). */
  #onScreen = false
  #raf = 0
  #animKey = ''
  /** The walks may be out of date with the state (they are brought up to date when the view is on screen). */
  #watchDirty = true
  #refreshQueued = false
  #palette: Palette | undefined
  #costs: number[] = []
  #intersection: IntersectionObserver | undefined
  /**
   * The plots are near the viewport (within one viewport height; always true where there is no
   * IntersectionObserver). Plots out of sight are not drawn: they are brought up to date when they come near, so
   * the first render shows the numbers without waiting for plots below the fold.
   */
  #plotsNear = false
  /** The plots are out of date with the state or the width. */
  #plotsDirty = true
  #plotsObserver: IntersectionObserver | undefined
  #stopHeight: (() => void) | undefined
  #onVisibility = () => this.#schedule()
  #onFullscreen = () => this.#fullscreenChanged()

  constructor() {
    super()
    this.#root = this.attachShadow({ mode: 'open' })
    if (!sheet && 'adoptedStyleSheets' in Document.prototype) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(styles)
    }
    if (sheet) {
      this.#root.adoptedStyleSheets = [sheet]
      this.#root.innerHTML = template
    } else this.#root.innerHTML = `<style>${styles}</style>${template}`
  }

  /** The current view state (a copy). */
  get state(): WidgetState {
    return cloneState(this.#state)
  }

  /** The last escape-time result shown (undefined while there is none, e.g. invalid input). */
  get result(): EscapeTimeOutput | undefined {
    return this.#result
  }

  /** Replaces the view state and recomputes. */
  set state(s: WidgetState) {
    this.#state = cloneState(s)
    this.#writeControls()
    this.update()
  }

  /** Main-thread milliseconds of the last animation frames (stepping the walks and drawing), newest last. */
  get frameCosts(): number[] {
    return [...this.#costs]
  }

  /** Whether the "watch it escape" view is playing (asked to play, on screen and in a visible tab). */
  get playing(): boolean {
    return this.#raf !== 0
  }

  #el<T extends Element = HTMLElement>(id: string): T {
    return this.#root.getElementById(id) as unknown as T
  }

  connectedCallback(): void {
    if (this.#connected) return
    this.#connected = true
    this.#state = stateFromAttributes((n) => this.getAttribute(n), defaultState)
    if (this.hasAttribute('sync-url')) this.#state = stateFromQuery(new URLSearchParams(location.search), this.#state)
    this.#writeControls()
    const form = this.#root.querySelector('form')!
    form.addEventListener('input', (e) => this.#onInput(e.target as Field))
    form.addEventListener('change', (e) => this.#onInput(e.target as Field))
    form.addEventListener('submit', (e) => e.preventDefault())
    this.#el('copy-link').addEventListener('click', () => void this.#copy(this.shareUrl(), 'Link copied'))
    this.#el('copy-embed').addEventListener('click', () => void this.#copy(this.embedCode(), 'Embed code copied'))
    this.#el('download-json').addEventListener('click', () => this.#downloadJson())
    const full = this.#el('fullscreen')
    if (document.fullscreenEnabled) full.addEventListener('click', () => void this.#toggleFullscreen())
    else full.hidden = true
    document.addEventListener('fullscreenchange', this.#onFullscreen)
    for (const b of this.#root.querySelectorAll<HTMLButtonElement>('button[data-export]'))
      b.addEventListener('click', () => void this.#exportPlot(b.dataset.plot ?? '', b.dataset.export as 'svg' | 'png'))
    this.#el('watch-png').addEventListener('click', () => void this.#exportWatch())
    this.#el('watch-play').addEventListener('click', () => this.#setPlaying(!this.#playing))
    this.#el('watch-step').addEventListener('click', () => {
      this.#setPlaying(false)
      this.#frame(false)
    })
    this.#el('watch-reset').addEventListener('click', () => this.#resetAnimation(true))
    document.addEventListener('visibilitychange', this.#onVisibility)
    if ('IntersectionObserver' in window) {
      this.#intersection = new IntersectionObserver((entries) => {
        this.#onScreen = entries[entries.length - 1].isIntersecting
        if (this.#onScreen) this.#refreshWatchSoon()
        this.#schedule()
      })
      this.#intersection.observe(this.#el('watch-box'))
      this.#plotsObserver = new IntersectionObserver(
        (entries) => {
          this.#plotsNear = entries[entries.length - 1].isIntersecting
          if (this.#plotsNear && this.#plotsDirty) this.#renderPlots()
        },
        { rootMargin: '100% 0px' },
      )
      this.#plotsObserver.observe(this.#root.querySelector('section.plots') as Element)
    } else {
      this.#onScreen = true
      this.#plotsNear = true
    }
    if (this.hasAttribute('resize-parent') && window.parent !== window) this.#stopHeight = postHeight(window)
    const more = this.#el<HTMLDetailsElement>('more')
    more.addEventListener('toggle', () => {
      if (more.open) this.#renderMore()
    })
    const compare = this.#el<HTMLDetailsElement>('compare')
    compare.open = this.#state.compareOpen
    compare.addEventListener('toggle', () => {
      this.#state.compareOpen = compare.open
      this.#scheduleUrl()
      if (compare.open) void this.#loadCompare()
    })
    if ('ResizeObserver' in window) {
      this.#resize = new ResizeObserver(() => this.#renderPlotsIfResized())
      this.#resize.observe(this.#el('plot-lr'))
    }
    this.update()
    if (compare.open) void this.#loadCompare()
    this.#setPlaying(!reducedMotion())
  }

  disconnectedCallback(): void {
    this.#connected = false
    this.#resize?.disconnect()
    this.#intersection?.disconnect()
    this.#plotsObserver?.disconnect()
    this.#stopHeight?.()
    document.removeEventListener('visibilitychange', this.#onVisibility)
    document.removeEventListener('fullscreenchange', this.#onFullscreen)
    if (this.#raf) cancelAnimationFrame(this.#raf)
    this.#raf = 0
    for (const t of this.#timers.values()) clearTimeout(t)
    this.#timers.clear()
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    if (!this.#connected || oldValue === value) return
    if (name === 'api') {
      this.update()
      return
    }
    this.#state = stateFromAttributes((n) => this.getAttribute(n), this.#state)
    this.#writeControls()
    this.update()
  }

  /** A link that restores this exact view: the page itself with `sync-url`, else the landing page. */
  shareUrl(): string {
    if (this.hasAttribute('sync-url')) {
      const q = mergeStateQuery(new URLSearchParams(location.search), this.#state).toString()
      return `${location.origin}${location.pathname}?${q}`
    }
    return `${this.#apiBase()}/?${stateToQuery(this.#state)}`
  }

  /** The script tag and element that embed the calculator in its current state. */
  embedCode(): string {
    return embedSnippet(this.#state, this.#apiBase())
  }

  #apiBase(): string {
    const api = this.getAttribute('api')
    return (api && api.trim() !== '' ? api.trim() : moduleOrigin()).replace(/\/+$/, '')
  }

  // ---- controls ⇄ state -------------------------------------------------------------------------

  /** Writes the state into the controls, except `editing` (the control the reader is typing in). */
  #writeControls(editing?: string): void {
    const s = this.#state
    const set = (id: string, v: string) => {
      if (id === editing) return
      const el = this.#el<Field>(id)
      if (el && el.value !== v) el.value = v
    }
    set('basin', s.basin)
    set('left', String(s.left))
    set('right', String(s.right))
    set('curvatures', s.curvatures.join(', '))
    set('height', String(s.height))
    set('noise-scale', s.noiseScale.join(', '))
    set('noise-model', s.noiseModel)
    set('normalization', s.normalization)
    for (const who of ['sgd', 'adam'] as const) {
      set(`${who}-alpha`, String(s[who].alpha))
      set(`${who}-alpha-range`, String(s[who].alpha))
      set(`${who}-lr`, String(s[who].lr))
      if (Number.isFinite(s[who].lr) && s[who].lr > 0) set(`${who}-lr-range`, String(Math.log10(s[who].lr)))
      this.#el(`${who}-lr-range`).setAttribute('aria-valuetext', `η = ${s[who].lr}`)
    }
    set('adam-pre', s.adam.preconditioner === 'auto' ? 'auto' : s.adam.preconditioner.join(', '))
    set('watch-seed', String(s.watchSeed))
    const speedIndex = WATCH_SPEEDS.indexOf(s.watchSpeed)
    set('watch-speed', String(speedIndex < 0 ? WATCH_SPEEDS.indexOf(defaultState.watchSpeed) : speedIndex))
    const speedText = `${formatNumber(s.watchSpeed)} iteration${s.watchSpeed === 1 ? '' : 's'} per frame`
    this.#el('watch-speed-out').textContent = speedText
    this.#el('watch-speed').setAttribute('aria-valuetext', speedText)
    for (const el of this.#root.querySelectorAll<HTMLElement>('[data-basin]')) el.hidden = el.dataset.basin !== s.basin
  }

  #onInput(target: Field): void {
    if (!target?.id) return
    const s = this.#state
    const v = target.value
    switch (target.id) {
      case 'basin':
        s.basin = v === 'interval' ? 'interval' : 'quadratic'
        if (s.basin === 'interval' && s.noiseScale.length > 1) s.noiseScale = [s.noiseScale[0]]
        if (s.adam.preconditioner !== 'auto' && s.basin === 'interval')
          s.adam.preconditioner = [s.adam.preconditioner[0]]
        break
      case 'left':
        s.left = numberOf(v)
        break
      case 'right':
        s.right = numberOf(v)
        break
      case 'curvatures':
        s.curvatures = parseList(v) ?? [Number.NaN]
        break
      case 'height':
        s.height = numberOf(v)
        break
      case 'noise-scale':
        s.noiseScale = parseList(v) ?? [Number.NaN]
        break
      case 'noise-model':
        s.noiseModel = v === 'isotropic' ? 'isotropic' : 'axis'
        break
      case 'normalization':
        s.normalization = v === 'unit' ? 'unit' : 'stable'
        break
      case 'sgd-alpha':
      case 'adam-alpha':
        s[target.id === 'sgd-alpha' ? 'sgd' : 'adam'].alpha = numberOf(v)
        break
      case 'sgd-alpha-range':
      case 'adam-alpha-range':
        s[target.id.startsWith('sgd') ? 'sgd' : 'adam'].alpha = Number(v)
        break
      case 'sgd-lr':
      case 'adam-lr':
        s[target.id === 'sgd-lr' ? 'sgd' : 'adam'].lr = numberOf(v)
        break
      case 'sgd-lr-range':
      case 'adam-lr-range':
        s[target.id.startsWith('sgd') ? 'sgd' : 'adam'].lr = roundLr(Number(v))
        break
      case 'watch-seed': {
        const seed = numberOf(v)
        if (!(Number.isSafeInteger(seed) && seed >= 0)) return
        s.watchSeed = seed
        break
      }
      case 'watch-speed':
        s.watchSpeed = WATCH_SPEEDS[Number(v)] ?? s.watchSpeed
        this.#writeControls(target.id)
        this.#scheduleUrl()
        return
      case 'adam-pre':
        s.adam.preconditioner = v.trim().toLowerCase() === 'auto' ? 'auto' : (parseList(v) ?? [Number.NaN])
        break
      default:
        return
    }
    this.#writeControls(target.id)
    this.update()
  }

  // ---- compute and render ------------------------------------------------------------------------

  /** Recomputes and redraws everything from the current state (synchronously in local mode). */
  update(): void {
    if (!this.#connected) return
    const api = this.getAttribute('api')
    if (api && api.trim() !== '') {
      void this.#updateRemote()
      return
    }
    const core = EscapeTimeCalculator.core
    if (!core) {
      this.#show({ ok: false, kind: 'unanswerable', detail: 'The calculator core is not loaded.', issues: [] })
      return
    }
    const r = core.compute(toRequest(this.#state))
    this.#sweep = r.ok ? lrSweep(this.#state, r.value, core.compute) : undefined
    this.#show(r)
  }

  async #updateRemote(): Promise<void> {
    const seq = ++this.#remoteSeq
    await new Promise((r) => this.#debounce('remote', () => r(undefined), 150))
    if (seq !== this.#remoteSeq) return
    let r: Result<EscapeTimeOutput>
    try {
      const res = await fetch(`${this.#apiBase()}/v1/escape-time`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(toRequest(this.#state)),
      })
      const body = await res.json()
      r = res.ok
        ? { ok: true, value: body as EscapeTimeOutput }
        : {
            ok: false,
            kind: res.status === 422 ? 'unanswerable' : 'invalid',
            detail: String(body?.detail ?? `HTTP ${res.status}`),
            issues: Array.isArray(body?.errors) ? body.errors : [],
          }
    } catch (err) {
      r = { ok: false, kind: 'unanswerable', detail: `Could not reach ${this.#apiBase()}: ${String(err)}`, issues: [] }
    }
    if (seq !== this.#remoteSeq) return
    // Remote mode: the lines follow from the API's ν(W), which does not depend on η (docs/theory.md#normalisation).
    this.#sweep = r.ok ? lrSweep(this.#state, r.value) : undefined
    this.#show(r)
  }

  #show(r: Result<EscapeTimeOutput>): void {
    this.#result = r.ok ? r.value : undefined
    this.#failure = r.ok ? undefined : r
    this.#renderOutputs()
    if (this.#plotsNear) this.#renderPlots()
    else this.#plotsDirty = true
    this.#watchDirty = true
    if (this.#onScreen) this.#refreshWatchSoon()
    this.#scheduleUrl()
    this.#debounce('live', () => this.#announce(), 700)
    if (!this.#rendered) {
      this.#rendered = true
      performance.mark?.('escape-time-calculator:first-render')
    }
    this.dispatchEvent(
      new CustomEvent('escape-time-change', {
        detail: { state: this.state, result: this.#result },
        bubbles: true,
        composed: true,
      }),
    )
  }

  #setOutput(id: string, value: number | undefined, digits = 4): void {
    const el = this.#el<HTMLOutputElement>(id)
    if (value === undefined || !Number.isFinite(value)) {
      el.textContent = '—'
      el.removeAttribute('data-value')
    } else {
      el.textContent = formatNumber(value, digits)
      el.dataset.value = String(value)
    }
  }

  /** An optimizer's result card and its entry in the phone results bar: iterations, or "leaves within one step". */
  #setHeadline(who: 'sgd' | 'adam', o: EscapeTimeOutput['sgd']): void {
    const h = escapeHeadline(o)
    const el = this.#el<HTMLOutputElement>(`out-${who}`)
    el.textContent = h.text
    if (o && Number.isFinite(o.meanEscapeIterations)) el.dataset.value = String(o.meanEscapeIterations)
    else el.removeAttribute('data-value')
    el.toggleAttribute('data-single-step', h.singleStep)
    const unit = el.parentElement?.querySelector('.unit')
    if (unit) unit.textContent = h.unit
    this.#el(`bar-${who}`).textContent = h.singleStep ? '< 1 step' : h.text
  }

  #renderOutputs(): void {
    const out = this.#result
    this.#setHeadline('sgd', out?.sgd)
    this.#setHeadline('adam', out?.adam)
    this.#setOutput('out-ratio', out?.comparison?.iterationRatio)
    this.#el('bar-ratio').textContent = this.#el('out-ratio').textContent
    this.#setOutput('out-geometry', out?.comparison?.mechanisms.geometry)
    this.#setOutput('out-tail', out?.comparison?.mechanisms.tailIndex)
    this.#setOutput('out-lr', out?.comparison?.mechanisms.learningRate)

    for (const el of this.#root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid')
    const err = this.#el('error')
    if (this.#failure) {
      const f = this.#failure
      const lines = f.issues.map((i) => `${i.path}: ${i.message}`)
      err.textContent = [f.detail, ...lines].join(' — ')
      err.hidden = false
      for (const i of f.issues) {
        const id = issueTarget(i.path)
        if (id) this.#el(id)?.setAttribute('aria-invalid', 'true')
      }
    } else {
      err.textContent = ''
      err.hidden = true
    }

    const warn = this.#el('warnings')
    const warnings = out?.warnings ?? []
    const label = (w: (typeof warnings)[number]) =>
      w.optimizer === 'adam' ? 'Adam: ' : w.optimizer === 'sgd' ? 'SGD: ' : ''
    this.#setHtml(
      'warnings',
      warnings
        .map(
          (w) =>
            `<li data-code="${escapeXml(w.code)}" data-severity="${w.severity}">${escapeXml(label(w) + w.message)} ` +
            `<a href="${escapeXml(this.#apiBase() + w.see)}" target="_blank" rel="noopener" aria-label="Why? ${escapeXml(w.code)} in the theory reference">Why?</a></li>`,
        )
        .join(''),
    )
    warn.hidden = warnings.length === 0

    if (this.#el<HTMLDetailsElement>('more').open) this.#renderMore()
  }

  /** The "More numbers" table; drawn only while its <details> is open. */
  #renderMore(): void {
    const out = this.#result
    const rows: [string, string, (o: NonNullable<EscapeTimeOutput['sgd']>) => number | undefined, string][] = [
      ['ε', 'SDE noise scale η^((α−1)/α)', (o) => o.epsilon, ''],
      ['Θ(ε⁻¹)', '(2c/α) ε^α', (o) => o.theta, ''],
      ['ν(W)', 'Lévy mass of the exit set', (o) => o.levyMass, ''],
      ['m(W)', 'Radon measure ν(W)/(2c/α)', (o) => o.radonMeasure, ''],
      ['λ', 'exit rate, per unit SDE time', (o) => o.rate, ''],
      ['E[Γ]', 'mean escape time', (o) => o.meanEscapeTime, 'SDE time'],
      ['K', 'mean escape time', (o) => o.meanEscapeIterations, 'iterations'],
      ['K one-jump', '1/P(one step leaves), exact tails', (o) => o.oneJumpIterations, 'iterations'],
    ]
    const cell = (o: EscapeTimeOutput['sgd'], f: (o: NonNullable<EscapeTimeOutput['sgd']>) => number | undefined) => {
      const x = o ? f(o) : undefined
      return x === undefined ? '—' : escapeXml(formatNumber(x))
    }
    let html =
      '<thead><tr><th scope="col">quantity</th><th scope="col" class="num">SGD</th><th scope="col" class="num">Adam</th></tr></thead><tbody>'
    if (out) {
      for (const [sym, what, f, unit] of rows) {
        if (!out.sgd || (f(out.sgd) === undefined && (!out.adam || f(out.adam) === undefined))) continue
        html += `<tr><th scope="row">${escapeXml(sym)}<span class="expl">${escapeXml(what)}${unit ? ` (${unit})` : ''}</span></th><td class="num">${cell(out.sgd, f)}</td><td class="num">${cell(out.adam, f)}</td></tr>`
      }
      const probs = (o: EscapeTimeOutput['sgd']) =>
        o?.exitProbabilities
          ? o.exitProbabilities
              .map((p) => `${escapeXml(p.direction)} ${escapeXml(formatNumber(p.probability, 3))}`)
              .join('<br>')
          : '—'
      html += `<tr><th scope="row">P(exit)<span class="expl">where it leaves (/docs/theory#exit-location)</span></th><td class="num">${probs(out.sgd)}</td><td class="num">${probs(out.adam)}</td></tr>`
      if (out.adam)
        html += `<tr><th scope="row">q<span class="expl">Adam's preconditioner</span></th><td class="num">—</td><td class="num">${out.adam.preconditioner.map((q) => escapeXml(formatNumber(q, 4))).join(', ')}</td></tr>`
      html += `<tr><th scope="row">d<span class="expl">dimension; ${escapeXml(out.noiseModel)} noise, ${escapeXml(out.normalization)} normalisation</span></th><td class="num" colspan="2">${out.dimension}</td></tr>`
    }
    this.#setHtml('more-table', `${html}</tbody>`)
  }

  /** Replaces an element's markup only when it changed (unchanged plots cost no re-parse, style or layout). */
  #setHtml(id: string, html: string): void {
    if (this.#markup.get(id) === html) return
    this.#markup.set(id, html)
    this.#el(id).innerHTML = html
  }

  #plotWidth(): number {
    const w = this.#el('plot-lr').clientWidth
    return Math.max(260, Math.min(900, Math.round(w || 320)))
  }

  #renderPlotsIfResized(): void {
    const key = String(this.#plotWidth())
    if (key !== this.#lastWidths) {
      if (this.#plotsNear) this.#renderPlots()
      else this.#plotsDirty = true
      this.#drawWatch()
    }
  }

  #renderPlots(): void {
    this.#plotsDirty = false
    const W = this.#plotWidth()
    this.#lastWidths = String(W)
    const s = this.#state
    const out = this.#result
    if (this.#sweep && out) {
      this.#setHtml(
        'plot-lr',
        escapePlot(
          this.#sweep,
          {
            sgd: out.sgd ? [out.sgd.lr, out.sgd.meanEscapeIterations] : undefined,
            adam: out.adam ? [out.adam.lr, out.adam.meanEscapeIterations] : undefined,
          },
          W,
        ),
      )
    } else this.#setHtml('plot-lr', '')
    const core = EscapeTimeCalculator.core
    const aS = s.sgd.alpha
    const aA = s.adam.alpha
    const valid = (a: number) => a > 0 && a <= 2
    if (core && valid(aS) && valid(aA)) {
      this.#setHtml(
        'plot-density',
        densityPlot(
          this.#densityCurves([aS, aA, 2], core.pdf),
          [`SGD noise, α = ${aS}`, `Adam noise, α = ${aA}`, 'Gaussian, α = 2'],
          W,
        ),
      )
    } else this.#setHtml('plot-density', '')
    this.#setHtml(
      'plot-basin',
      out
        ? basinPlot(
            s,
            [
              { label: 'SGD', className: 'sgd', probabilities: out.sgd?.exitProbabilities },
              { label: 'Adam', className: 'adam', probabilities: out.adam?.exitProbabilities },
            ],
            W,
          )
        : '',
    )
  }

  #densityCurves(alphas: number[], pdf: PdfFn): DensityCurves {
    const cache = this.#densityCache
    const curves = alphas.map((alpha) => {
      let y = cache.get(alpha)
      if (!y) {
        y = densityCurves([alpha], pdf, DENSITY_X_MAX, DENSITY_HALF).curves[0].y
        if (cache.size >= 12) cache.delete(cache.keys().next().value as number)
        cache.set(alpha, y)
      }
      return { alpha, y }
    })
    return { x: densityCurves([], pdf, DENSITY_X_MAX, DENSITY_HALF).x, curves }
  }

  #announce(): void {
    const out = this.#result
    const live = this.#el('live')
    if (!out?.sgd || !out.adam || !out.comparison) {
      live.textContent = this.#failure ? `Cannot compute: ${this.#failure.detail}` : ''
      return
    }
    const says = (who: string, o: NonNullable<EscapeTimeOutput['sgd']>) => {
      const h = escapeHeadline(o, 3)
      return h.singleStep ? `${who} ${h.text}` : `${who} escapes after about ${h.text} iterations`
    }
    live.textContent =
      `${says('SGD', out.sgd)}, ${says('Adam', out.adam).replace('Adam escapes', 'Adam')}: ` +
      `Adam stays ${formatNumber(out.comparison.iterationRatio, 3)} times longer.`
  }

  // ---- watch it escape ---------------------------------------------------------------------------

  /**
   * Brings the walks up to date in the next frame: the view costs nothing on the first render, nor while it is
   * off screen (below the fold on most pages).
   */
  #refreshWatchSoon(): void {
    if (this.#refreshQueued || !this.#watchDirty) return
    this.#refreshQueued = true
    requestAnimationFrame(() => {
      this.#refreshQueued = false
      if (!this.#watchDirty || !this.#connected) return
      this.#watchDirty = false
      this.#resetAnimation(false)
    })
  }

  /** Restarts the walks when what they depend on changed (or always, with `force`), then redraws. */
  #resetAnimation(force: boolean): void {
    const s = this.#state
    const setups = { sgd: walkSetup(s, 'sgd', s.watchSeed), adam: walkSetup(s, 'adam', s.watchSeed) }
    const key = JSON.stringify([toRequest(s), s.watchSeed])
    if (!force && key === this.#animKey) {
      this.#renderWatchStats()
      return
    }
    this.#animKey = key
    this.#anim.reset(setups)
    this.#palette = undefined
    if (reducedMotion() && !this.#playing) this.#anim.advance(STATIC_ITERATIONS)
    this.#drawWatch()
    this.#renderWatchStats()
  }

  #setPlaying(on: boolean): void {
    this.#playing = on
    const b = this.#el('watch-play')
    b.textContent = on ? 'Pause' : 'Play'
    b.setAttribute('aria-pressed', String(on))
    this.#schedule()
  }

  /** Runs the frame loop exactly while the reader wants it and can see it. */
  #schedule(): void {
    const run = this.#connected && this.#playing && this.#onScreen && document.visibilityState !== 'hidden'
    if (run && !this.#raf) this.#raf = requestAnimationFrame(() => this.#frame(true))
    else if (!run && this.#raf) {
      cancelAnimationFrame(this.#raf)
      this.#raf = 0
    }
  }

  /** One frame: `watchSpeed` iterations of each walk, the canvas and the counters. */
  #frame(loop: boolean): void {
    if (loop) this.#raf = 0
    const t0 = performance.now()
    if (this.#watchDirty) {
      this.#watchDirty = false
      this.#resetAnimation(false)
    }
    this.#anim.advance(this.#state.watchSpeed)
    this.#drawWatch()
    this.#renderWatchStats()
    this.#costs.push(performance.now() - t0)
    if (this.#costs.length > FRAME_COSTS) this.#costs.shift()
    if (loop) this.#schedule()
  }

  #paletteNow(): Palette {
    if (!this.#palette) {
      const cs = getComputedStyle(this.#el('watch-box'))
      const get = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback
      this.#palette = {
        sgd: get('--etc-sgd', '#c2410c'),
        adam: get('--etc-adam', '#1d4ed8'),
        fg: get('--etc-fg', '#1b1f24'),
        muted: get('--etc-muted', '#59636e'),
        basin: get('--etc-basin', '#dbeafe'),
        border: get('--etc-border', '#d4d9df'),
        bg: get('--etc-bg', '#ffffff'),
      }
    }
    return this.#palette
  }

  #drawWatch(): void {
    const canvas = this.#el<HTMLCanvasElement>('watch-canvas')
    const width = Math.max(240, Math.round(this.#el('watch-box').clientWidth || 320))
    const oneD = this.#state.basin === 'interval' || this.#state.curvatures.length === 1
    const height = Math.round(Math.min(420, Math.max(140, width * (oneD ? 0.3 : 0.5))))
    const ratio = Math.min(2, window.devicePixelRatio || 1)
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio)
      canvas.height = Math.round(height * ratio)
      canvas.style.height = `${height}px`
    }
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    this.#anim.draw(ctx, width, height, this.#paletteNow())
  }

  #renderWatchStats(): void {
    const out = this.#result
    for (const who of ['sgd', 'adam'] as const) {
      const st = this.#anim.stats(who)
      const cell = (name: string, text: string) => {
        const el = this.#el(`watch-${who}-${name}`)
        if (el.textContent !== text) el.textContent = text
      }
      cell('escapes', st ? formatNumber(st.escapes) : '—')
      cell('iterations', st ? formatNumber(st.iterations) : '—')
      cell('mean', st ? formatNumber(st.meanEscapeIterations, 3) : '—')
      cell('predicted', escapeHeadline(out?.[who], 3).text)
    }
  }

  // ---- export and fullscreen ----------------------------------------------------------------------

  #fileStem(): string {
    return `levy-escape-${this.#state.basin}`
  }

  async #exportPlot(id: string, kind: 'svg' | 'png'): Promise<void> {
    if (this.#plotsDirty) this.#renderPlots()
    const svg = this.#el(id)?.querySelector('svg')
    const status = this.#el('copy-status')
    if (!svg) {
      status.textContent = 'Nothing to export: the plot is empty'
      return
    }
    const text = standaloneSvg(svg, this.#paletteNow().bg)
    const name = `${this.#fileStem()}-${id.replace('plot-', '')}`
    try {
      if (kind === 'svg') download(this.#root, new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`)
      else {
        const box = svg.viewBox.baseVal
        download(
          this.#root,
          await svgToPng(text, box.width || svg.clientWidth, box.height || svg.clientHeight),
          `${name}.png`,
        )
      }
      status.textContent = `Saved ${name}.${kind}`
    } catch (err) {
      status.textContent = `Could not export the plot (${String(err)})`
    }
  }

  async #exportWatch(): Promise<void> {
    const status = this.#el('copy-status')
    try {
      download(
        this.#root,
        await canvasToPng(this.#el<HTMLCanvasElement>('watch-canvas')),
        `${this.#fileStem()}-escapes.png`,
      )
      status.textContent = `Saved ${this.#fileStem()}-escapes.png`
    } catch (err) {
      status.textContent = `Could not export the animation (${String(err)})`
    }
  }

  /** The current state as the JSON body that `POST /v1/escape-time` takes. */
  #downloadJson(): void {
    const body = `${JSON.stringify(toRequest(this.#state), null, 2)}\n`
    download(this.#root, new Blob([body], { type: 'application/json' }), `${this.#fileStem()}-request.json`)
    this.#el('copy-status').textContent = `Saved ${this.#fileStem()}-request.json`
  }

  async #toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement === this) await document.exitFullscreen()
      else await this.requestFullscreen()
    } catch (err) {
      this.#el('copy-status').textContent = `Fullscreen is not available here (${String(err)})`
    }
  }

  #fullscreenChanged(): void {
    const on = document.fullscreenElement === this
    const b = this.#el('fullscreen')
    b.textContent = on ? 'Exit fullscreen' : 'Fullscreen'
    b.setAttribute('aria-pressed', String(on))
    this.#renderPlots()
    this.#drawWatch()
  }

  // ---- URL, clipboard, timers --------------------------------------------------------------------

  #debounce(name: string, fn: () => void, ms: number): void {
    const t = this.#timers.get(name)
    if (t) clearTimeout(t)
    this.#timers.set(
      name,
      setTimeout(() => {
        this.#timers.delete(name)
        fn()
      }, ms),
    )
  }

  #scheduleUrl(): void {
    if (!this.hasAttribute('sync-url')) return
    this.#debounce(
      'url',
      () => {
        const q = mergeStateQuery(new URLSearchParams(location.search), this.#state).toString()
        if (location.search !== `?${q}`)
          history.replaceState(history.state, '', `${location.pathname}?${q}${location.hash}`)
      },
      250,
    )
  }

  async #copy(text: string, done: string): Promise<void> {
    const status = this.#el('copy-status')
    const manual = this.#el<HTMLTextAreaElement>('manual')
    try {
      await navigator.clipboard.writeText(text)
      manual.hidden = true
      status.textContent = done
    } catch {
      manual.value = text
      manual.hidden = false
      manual.focus()
      manual.select()
      status.textContent = 'Copy the selected text (Ctrl+C / ⌘C)'
    }
  }

  // ---- trained minima ----------------------------------------------------------------------------

  async #loadCompare(): Promise<void> {
    if (this.#compareLoaded) return
    this.#compareLoaded = true
    const body = this.#el('compare-body')
    body.textContent = 'Loading…'
    try {
      const url = new URL('./widget-compare.js', import.meta.url).href
      const mod = (await import(/* @vite-ignore */ url)) as typeof import('./comparePanel.ts')
      await mod.renderComparePanel(body, this.#apiBase())
    } catch (err) {
      this.#compareLoaded = false
      body.textContent = `The trained-minima panel could not be loaded (${String(err)}).`
    }
  }
}
