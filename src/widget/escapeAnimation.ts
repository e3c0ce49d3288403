/**
 * "Watch it escape": SGD and Adam iterates moving in the chosen basin under SαS noise, one `Walk` each (the
 * simulator's dynamics and draws, docs/theory.md#simulator), drawn on a canvas. A 1-D basin (an interval, or a
 * quadratic in one dimension) is two lanes, one per optimizer, between the walls; a quadratic basin in d ≥ 2 is the
 * plane of its two sharpest directions (the two largest curvatures; the sharpest one vertical) with the boundary
 * ellipse ½(λ_i x² + λ_j y²) = h, drawn to scale (equal units on both axes).
 * Each iterate leaves a short fading trail, so a big jump shows as one long segment; each exit leaves a cross where
 * the iterate landed outside, and the walk restarts at θ*.
 *
 * The counters are the simulator's censoring-aware estimate (iterations run / escapes,
 * docs/theory.md#simulation-estimator), shown beside the leading-order prediction of the calculator.
 */
import type { ChainSetup } from '../simulate/runChains.ts'
import { INSIDE, Walk } from '../simulate/walk.ts'

/** Iterates kept per optimizer for its trail. */
const TRAIL = 96
/** Exit crosses kept per optimizer. */
const EXITS = 24

/** Colours of the escape animation, read from the theme. */
export interface Palette {
  sgd: string
  adam: string
  fg: string
  muted: string
  basin: string
  border: string
  bg: string
}

/** Which coordinates the view shows and the half-widths of the box around θ*. */
interface View {
  /** Coordinates on the horizontal and vertical axes (vertical −1: a 1-D view with one lane per optimizer). */
  i: number
  j: number
  /** The basin's extent along the shown axes: interval walls, or the ellipse semi-axes √(2h/λ). */
  left: number
  right: number
  semiY: number
}

interface Track {
  walk: Walk
  xs: Float64Array
  ys: Float64Array
  /** 1 where a trail point is the first after a restart (no segment is drawn into it). */
  breaks: Uint8Array
  restarted: boolean
  /** Next slot of the trail ring and how many slots hold points. */
  head: number
  filled: number
  exits: [number, number][]
  /** Frames left during which the last exit is highlighted. */
  flash: number
}

/** Running escape counts of one optimizer's walk. */
export interface AnimationStats {
  escapes: number
  iterations: number
  /** Iterations run / escapes (NaN before the first escape). */
  meanEscapeIterations: number
}

function viewOf(setup: ChainSetup): View {
  if (setup.interval) return { i: 0, j: -1, left: setup.interval.left, right: setup.interval.right, semiY: 1 }
  const order = Array.from(setup.diagonal, (l, k) => [l, k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  const semi = (k: number) => Math.sqrt(setup.twoHeight / setup.diagonal[k])
  if (setup.dimension === 1) return { i: 0, j: -1, left: semi(0), right: semi(0), semiY: 1 }
  const i = order[1][1]
  const j = order[0][1]
  return { i, j, left: semi(i), right: semi(i), semiY: semi(j) }
}

/**
 * "Watch it escape": SGD and Adam iterates stepped by `Walk` (the simulator's dynamics and draws,
 * docs/theory.md#simulator) and drawn on a canvas with fading trails and a cross at each exit, in the basin's two
 * sharpest directions; it keeps the running escape counts and mean escape per optimizer.
 */
export class EscapeAnimation {
  #tracks: { sgd?: Track; adam?: Track } = {}
  #view: View | undefined

  /** Starts both walks afresh (either may be absent when its optimizer cannot be simulated). */
  reset(setups: { sgd?: ChainSetup; adam?: ChainSetup }): void {
    const track = (s: ChainSetup | undefined): Track | undefined =>
      s && {
        walk: new Walk(s),
        xs: new Float64Array(TRAIL),
        ys: new Float64Array(TRAIL),
        breaks: new Uint8Array(TRAIL),
        restarted: false,
        head: 1,
        filled: 1,
        exits: [],
        flash: 0,
      }
    this.#tracks = { sgd: track(setups.sgd), adam: track(setups.adam) }
    const any = setups.sgd ?? setups.adam
    this.#view = any ? viewOf(any) : undefined
  }

  /** Advances both walks by `iterations` iterations each. */
  advance(iterations: number): void {
    const view = this.#view
    if (!view) return
    for (const t of [this.#tracks.sgd, this.#tracks.adam]) {
      if (!t) continue
      if (t.flash > 0) t.flash--
      for (let n = 0; n < iterations; n++) {
        const exited = t.walk.step() !== INSIDE
        const x = t.walk.theta[view.i]
        const y = view.j < 0 ? 0 : t.walk.theta[view.j]
        t.xs[t.head] = x
        t.ys[t.head] = y
        t.breaks[t.head] = t.restarted ? 1 : 0
        t.restarted = exited
        if (exited) {
          t.exits.push([x, y])
          if (t.exits.length > EXITS) t.exits.shift()
          t.flash = 20
        }
        t.head = (t.head + 1) % TRAIL
        if (t.filled < TRAIL) t.filled++
      }
    }
  }

  stats(who: 'sgd' | 'adam'): AnimationStats | undefined {
    const w = this.#tracks[who]?.walk
    return w && { escapes: w.escapes, iterations: w.totalIterations, meanEscapeIterations: w.meanEscapeIterations }
  }

  /** Draws the current view into a 2-D context of `width` × `height` CSS pixels. */
  draw(ctx: CanvasRenderingContext2D, width: number, height: number, palette: Palette): void {
    ctx.fillStyle = palette.bg
    ctx.fillRect(0, 0, width, height)
    const view = this.#view
    if (!view) return
    const pad = 10
    const spanX = (view.left + view.right) * 1.35
    const oneD = view.j < 0
    const fitX = (width - 2 * pad) / spanX
    const scaleX = oneD ? fitX : Math.min(fitX, (height - 2 * pad) / (2.7 * view.semiY))
    const scaleY = scaleX
    const centreX = oneD ? pad + fitX * view.left * 1.175 : width / 2
    const centreY = height / 2
    // In 1-D each optimizer has a lane: SGD above the centre line, Adam below.
    const lane = (who: 'sgd' | 'adam') => (oneD ? centreY + (who === 'sgd' ? -1 : 1) * height * 0.22 : 0)
    const px = (x: number) => centreX + x * scaleX
    const py = (who: 'sgd' | 'adam', y: number) => (oneD ? lane(who) : centreY - y * scaleY)

    // The basin.
    ctx.fillStyle = palette.basin
    ctx.strokeStyle = palette.fg
    ctx.lineWidth = 1.5
    if (oneD) {
      ctx.fillRect(px(-view.left), pad, (view.left + view.right) * scaleX, height - 2 * pad)
      ctx.beginPath()
      ctx.moveTo(px(-view.left), pad)
      ctx.lineTo(px(-view.left), height - pad)
      ctx.moveTo(px(view.right), pad)
      ctx.lineTo(px(view.right), height - pad)
      ctx.stroke()
    } else {
      ctx.beginPath()
      ctx.ellipse(centreX, centreY, view.right * scaleX, view.semiY * scaleY, 0, 0, 2 * Math.PI)
      ctx.fill()
      ctx.stroke()
    }
    ctx.fillStyle = palette.fg
    ctx.beginPath()
    ctx.arc(centreX, centreY, 2.5, 0, 2 * Math.PI)
    ctx.fill()

    for (const who of ['adam', 'sgd'] as const) {
      const t = this.#tracks[who]
      if (!t) continue
      const colour = palette[who]
      // Trail, oldest first, fading in; a restart after an exit breaks the line.
      ctx.strokeStyle = colour
      ctx.lineWidth = 1.6
      const start = (t.head - t.filled + TRAIL) % TRAIL
      for (let n = 1; n < t.filled; n++) {
        const a = (start + n - 1) % TRAIL
        const b = (start + n) % TRAIL
        const x0 = t.xs[a]
        const x1 = t.xs[b]
        if (t.breaks[b]) continue
        if (!Number.isFinite(x0 + x1 + t.ys[a] + t.ys[b])) continue
        ctx.globalAlpha = 0.08 + (0.72 * n) / t.filled
        ctx.beginPath()
        ctx.moveTo(px(x0), py(who, t.ys[a]))
        ctx.lineTo(px(x1), py(who, t.ys[b]))
        ctx.stroke()
      }
      ctx.globalAlpha = 1
      // Exit crosses (clamped to the canvas: an exit can land far outside).
      ctx.lineWidth = 2
      for (let e = 0; e < t.exits.length; e++) {
        const [x, y] = t.exits[e]
        const cx = Math.min(width - 4, Math.max(4, px(x)))
        const cy = Math.min(height - 4, Math.max(4, py(who, y)))
        const r = e === t.exits.length - 1 && t.flash > 0 ? 7 : 4
        ctx.globalAlpha = e === t.exits.length - 1 ? 1 : 0.45
        ctx.beginPath()
        ctx.moveTo(cx - r, cy - r)
        ctx.lineTo(cx + r, cy + r)
        ctx.moveTo(cx + r, cy - r)
        ctx.lineTo(cx - r, cy + r)
        ctx.stroke()
      }
      ctx.globalAlpha = 1
      // The iterate itself.
      const last = (t.head - 1 + TRAIL) % TRAIL
      const x = t.xs[last]
      const y = t.ys[last]
      if (Number.isFinite(x + y)) {
        ctx.fillStyle = colour
        ctx.beginPath()
        ctx.arc(
          Math.min(width - 5, Math.max(5, px(x))),
          Math.min(height - 5, Math.max(5, py(who, y))),
          5,
          0,
          2 * Math.PI,
        )
        ctx.fill()
      }
    }
  }
}
