/**
 * The element's stylesheet (shadow DOM). Colours, radius and font are CSS custom properties on the
 * host (`--etc-*`), with a light and a dark set (`theme="light" | "dark"`, or the reader's
 * `prefers-color-scheme` when the attribute is absent or "auto"); the main blocks carry `part`
 * names so a host page can restyle them with `escape-time-calculator::part(...)`.
 */
export const styles = `
:host {
  --etc-bg: #ffffff; --etc-fg: #1b1f24; --etc-muted: #59636e; --etc-border: #d4d9df; --etc-panel: #f6f8fa;
  --etc-accent: #0b5cad; --etc-sgd: #c2410c; --etc-adam: #1d4ed8; --etc-gauss: #6b7280; --etc-grid: #e5e8ec;
  --etc-basin: #dbeafe; --etc-error: #b42318; --etc-radius: 10px;
  --etc-dir-0: #0f766e; --etc-dir-1: #a16207; --etc-dir-2: #7c3aed; --etc-dir-3: #be185d; --etc-dir-4: #4d7c0f; --etc-dir-5: #475569;
  --etc-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  display: block; container-type: inline-size; color: var(--etc-fg); font-family: var(--etc-font); line-height: 1.4;
}
:host([hidden]) { display: none; }
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --etc-bg: #14181d; --etc-fg: #e6e9ed; --etc-muted: #9aa4af; --etc-border: #343b44; --etc-panel: #1c2229;
    --etc-accent: #7cb7ff; --etc-sgd: #fb923c; --etc-adam: #7ea6ff; --etc-gauss: #a3a9b3; --etc-grid: #2a3038;
    --etc-basin: #1e3a5f; --etc-error: #ff8a80;
    --etc-dir-0: #2dd4bf; --etc-dir-1: #facc15; --etc-dir-2: #c4b5fd; --etc-dir-3: #f9a8d4; --etc-dir-4: #a3e635; --etc-dir-5: #cbd5e1;
  }
}
:host([theme="dark"]) {
  --etc-bg: #14181d; --etc-fg: #e6e9ed; --etc-muted: #9aa4af; --etc-border: #343b44; --etc-panel: #1c2229;
  --etc-accent: #7cb7ff; --etc-sgd: #fb923c; --etc-adam: #7ea6ff; --etc-gauss: #a3a9b3; --etc-grid: #2a3038;
  --etc-basin: #1e3a5f; --etc-error: #ff8a80;
  --etc-dir-0: #2dd4bf; --etc-dir-1: #facc15; --etc-dir-2: #c4b5fd; --etc-dir-3: #f9a8d4; --etc-dir-4: #a3e635; --etc-dir-5: #cbd5e1;
}
* { box-sizing: border-box; }
.root { background: var(--etc-bg); border: 1px solid var(--etc-border); border-radius: var(--etc-radius); padding: 14px; }
h2 { font-size: 1.15rem; margin: 0 0 2px; }
h3 { font-size: 1rem; margin: 14px 0 6px; }
.lede { margin: 0 0 10px; color: var(--etc-muted); font-size: 0.9rem; }
.inputs { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 10px; }
fieldset { border: 1px solid var(--etc-border); border-radius: 8px; margin: 0; padding: 8px 10px 10px; min-width: 0; background: var(--etc-panel); }
legend { font-weight: 600; padding: 0 4px; }
fieldset.sgd legend { color: var(--etc-sgd); }
fieldset.adam legend { color: var(--etc-adam); }
.field { display: grid; grid-template-columns: minmax(0, 1fr) 7em; align-items: center; gap: 2px 8px; margin-top: 6px; }
.field label { font-size: 0.85rem; overflow-wrap: break-word; }
.field.wide { grid-template-columns: 1fr; }
.field.wide label { margin-bottom: -2px; }
.field .hint { grid-column: 1 / -1; font-size: 0.75rem; color: var(--etc-muted); }
.field input[type="range"] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--etc-accent); }
fieldset.sgd input[type="range"] { accent-color: var(--etc-sgd); }
fieldset.adam input[type="range"] { accent-color: var(--etc-adam); }
input[type="number"], input[type="text"], select {
  width: 100%; font: inherit; font-size: 0.9rem; padding: 3px 6px; color: var(--etc-fg); background: var(--etc-bg);
  border: 1px solid var(--etc-border); border-radius: 6px; min-width: 0;
}
input[aria-invalid="true"] { border-color: var(--etc-error); outline: 1px solid var(--etc-error); }
:focus-visible { outline: 2px solid var(--etc-accent); outline-offset: 2px; }
[hidden] { display: none !important; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--etc-border); border-radius: 8px; padding: 8px 10px; background: var(--etc-panel); }
.card .k { font-size: 0.8rem; color: var(--etc-muted); }
.card .v { font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .unit { font-size: 0.8rem; font-weight: 400; color: var(--etc-muted); }
.card.sgd .v output { color: var(--etc-sgd); }
.card.adam .v output { color: var(--etc-adam); }
.card .expl { font-size: 0.75rem; color: var(--etc-muted); }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
caption { text-align: left; font-size: 0.85rem; color: var(--etc-muted); padding-bottom: 4px; }
table.mech { margin-top: 12px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--etc-border); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .expl, th .expl { display: block; font-size: 0.75rem; font-weight: 400; color: var(--etc-muted); }
.scroll { overflow-x: auto; }
details { margin-top: 10px; }
summary { cursor: pointer; font-weight: 600; }
.warnings { margin: 8px 0 0; padding-left: 1.2em; font-size: 0.8rem; color: var(--etc-muted); }
.error { color: var(--etc-error); font-size: 0.9rem; margin: 8px 0 0; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(290px, 1fr)); gap: 12px; margin-top: 6px; }
figure { margin: 0; border: 1px solid var(--etc-border); border-radius: 8px; padding: 8px; background: var(--etc-bg); min-width: 0; }
figcaption { font-size: 0.8rem; color: var(--etc-muted); margin-top: 4px; }
.plot { width: 100%; min-height: 120px; }
.plot svg { display: block; width: 100%; height: auto; }
.chart { color: var(--etc-fg); font-family: var(--etc-font); }
.chart .grid { stroke: var(--etc-grid); stroke-width: 1; }
.chart .frame, .chart .axis { stroke: var(--etc-border); stroke-width: 1; fill: none; }
.chart .tick { fill: var(--etc-muted); }
.chart .axis-label, .chart .legend { fill: var(--etc-fg); }
.chart .series { stroke-width: 2.2; fill: none; stroke-linejoin: round; stroke-linecap: round; }
.chart .dashed { stroke-dasharray: 5 4; stroke-width: 1.6; }
.chart .series-sgd { stroke: var(--etc-sgd); }
.chart .series-adam { stroke: var(--etc-adam); }
.chart .series-gauss { stroke: var(--etc-gauss); }
.chart .marker { stroke: var(--etc-bg); stroke-width: 2; }
.chart circle.series-sgd { fill: var(--etc-sgd); }
.chart circle.series-adam { fill: var(--etc-adam); }
.chart .basin-fill { fill: var(--etc-basin); }
.chart .well { stroke: var(--etc-accent); stroke-width: 2; }
.chart .wall { stroke: var(--etc-fg); stroke-width: 2; }
.chart .minimum { fill: var(--etc-fg); }
.chart .on-dir { fill: #ffffff; font-weight: 600; }
.chart .dir-0 { fill: var(--etc-dir-0); } .chart .dir-1 { fill: var(--etc-dir-1); } .chart .dir-2 { fill: var(--etc-dir-2); }
.chart .dir-3 { fill: var(--etc-dir-3); } .chart .dir-4 { fill: var(--etc-dir-4); } .chart .dir-5 { fill: var(--etc-dir-5); }
:host([theme="dark"]) .chart .on-dir { fill: #111111; }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) .chart .on-dir { fill: #111111; } }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 12px; }
button {
  font: inherit; font-size: 0.9rem; padding: 5px 12px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--etc-accent); background: var(--etc-accent); color: var(--etc-bg);
}
button.secondary { background: transparent; color: var(--etc-accent); }
.status { font-size: 0.85rem; color: var(--etc-muted); }
p.hint { font-size: 0.8rem; color: var(--etc-muted); margin: 6px 0; }
textarea.manual { width: 100%; font-family: ui-monospace, monospace; font-size: 0.75rem; margin-top: 6px; color: var(--etc-fg); background: var(--etc-panel); border: 1px solid var(--etc-border); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
a { color: var(--etc-accent); }
.bar { display: none; }
.watch { margin-top: 14px; }
.watch-box { width: 100%; border: 1px solid var(--etc-border); border-radius: 8px; overflow: hidden; background: var(--etc-bg); }
.watch-box canvas { display: block; width: 100%; }
.watch-controls { display: flex; flex-wrap: wrap; gap: 6px 8px; align-items: center; margin-top: 8px; font-size: 0.85rem; }
.watch-controls input[type="range"] { width: 9em; accent-color: var(--etc-accent); }
.watch-controls output { min-width: 11em; color: var(--etc-muted); font-variant-numeric: tabular-nums; }
.watch-controls input.seed { width: 6em; }
label.inline { font-size: 0.85rem; }
table.watch-stats { margin-top: 8px; }
table.watch-stats tr.sgd th { color: var(--etc-sgd); }
table.watch-stats tr.adam th { color: var(--etc-adam); }
.fig-actions { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
button.small { font-size: 0.75rem; padding: 2px 8px; }
:host(:fullscreen) { overflow: auto; background: var(--etc-bg); }
:host(:fullscreen) .root { min-height: 100%; border-radius: 0; }
@container (max-width: 480px) {
  .bar {
    display: flex; flex-wrap: wrap; gap: 4px 12px; position: sticky; top: 0; z-index: 2; margin: 0 0 8px;
    padding: 6px 10px; background: var(--etc-panel); border-bottom: 1px solid var(--etc-border); font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
  }
  .bar .sgd b { color: var(--etc-sgd); }
  .bar .adam b { color: var(--etc-adam); }
}
@container (max-width: 420px) {
  .root { padding: 10px; }
  .card .v { font-size: 1.15rem; }
  .field { grid-template-columns: minmax(0, 1fr) 6.5em; }
}
`
