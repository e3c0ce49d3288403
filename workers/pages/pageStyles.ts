/**
 * The one inline stylesheet shared by `/` and `/embed` (allowed by its hash in the CSP). Light and
 * dark follow the reader's `prefers-color-scheme`; the widget inherits its font and gets matching
 * colours through its `--etc-*` custom properties.
 */
export const pageStyles = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --border: #d4d9df; --panel: #f6f8fa; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1317; --fg: #e6e9ed; --muted: #9aa4af; --border: #343b44; --panel: #1c2229; --accent: #7cb7ff; } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 20px 16px 48px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 8px 0 6px; }
h2 { font-size: 1.25rem; margin: 32px 0 8px; }
p, li { max-width: 72ch; }
a { color: var(--accent); }
.tagline { color: var(--muted); margin-top: 0; }
nav { display: flex; gap: 16px; flex-wrap: wrap; font-size: 0.95rem; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
pre { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 12px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
.scroll { overflow-x: auto; }
.note { color: var(--muted); font-size: 0.9rem; }
escape-time-calculator { margin: 12px 0; }
body.embed main { max-width: none; padding: 0; }
body.embed escape-time-calculator { margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
`
