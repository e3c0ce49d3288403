/**
 * The `/docs/theory` page: docs/theory.md rendered at build time (workers/docs/generated/theoryArticle.ts,
 * MathML formulas, no script), with the site navigation and one inline stylesheet that
 * the CSP allows by its hash. Every explicit anchor of docs/theory.md is an `id` on this page.
 */
import { theoryArticleGzipBase64 } from './generated/theoryArticle.ts'

/** The article HTML, inflated from the generated module. */
export async function theoryArticle(): Promise<string> {
  const bytes = Uint8Array.from(atob(theoryArticleGzipBase64), (ch) => ch.charCodeAt(0))
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
}

export const theoryStyles = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --border: #d4d9df; --panel: #f6f8fa; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1317; --fg: #e6e9ed; --muted: #9aa4af; --border: #343b44; --panel: #1c2229; --accent: #7cb7ff; } }
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: break-word; }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 16px; }
header { padding-top: 16px; }
header nav { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.95rem; }
main { padding-bottom: 48px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 16px 0 8px; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 40px 0 8px; padding-top: 8px; border-top: 1px solid var(--border); }
h3 { font-size: 1.1rem; margin: 28px 0 6px; }
a { color: var(--accent); }
:target { scroll-margin-top: 12px; outline: 2px solid var(--accent); outline-offset: 4px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.86em; background: var(--panel); padding: 0 3px; border-radius: 3px; }
table { display: block; overflow-x: auto; border-collapse: collapse; font-size: 0.92rem; margin: 12px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { background: var(--panel); }
math { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", "Noto Sans Math", math; font-size: 1.05em; }
math:not(.tml-display) { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden; vertical-align: middle; }
math.tml-display { display: block math; margin: 12px 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 2px 0; }
.tml-sml-pad { padding-left: 0.05em; } .tml-med-pad { padding-left: 0.16667em; } .tml-lrg-pad { padding-left: 0.27778em; }
#contents + ol { columns: 2 16rem; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 8px 16px 8px 2.4em; }
.note { color: var(--muted); font-size: 0.9rem; }
footer { max-width: 52rem; margin: 0 auto; padding: 16px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--border); }
`

/** The whole page; `styleTag` is the `<style>` element whose hash the CSP allows, `article` the inflated article. */
export function theoryPage(styleTag: string, article: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Theory reference · levy-escape</title>
<meta name="description" content="The mathematics behind levy-escape: SαS noise, the SDEs of SGD and Adam, Theorem 1 of Zhou et al. (2020), exit sets, estimators and what each warning means.">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
${styleTag}
</head>
<body>
<header><nav aria-label="Site"><a href="/">Calculator</a><a href="/docs">API reference</a><a href="/docs/theory" aria-current="page">Theory</a><a href="/openapi.json">OpenAPI</a></nav></header>
<main>
${article}
</main>
<footer>Source: <code>docs/theory.md</code> in the repository, rendered when the Worker was built. Formulas are MathML.</footer>
</body>
</html>
`
}
