/**
 * `GET /embed`: the calculator alone, for an `<iframe>`. Its state comes from the query string (the
 * API's dotted keys, read by the widget because of `sync-url`); `theme=light|dark` picks the colours. With
 * `resize-parent` the widget posts its height to the framing page (see src/widget/postHeight.ts and `/embed.js`).
 */
import { ELEMENT_NAME } from '../../src/widget/index.ts'

export function embedPage(styleTag: string, theme: 'light' | 'dark' | 'auto'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<title>Escape-time calculator (levy-escape)</title>
${styleTag}
<script type="module" src="/widget.js"></script>
</head>
<body class="embed">
<main>
<h1 class="sr-only">Escape-time calculator: SGD vs Adam under heavy-tailed gradient noise</h1>
<${ELEMENT_NAME} sync-url resize-parent${theme === 'auto' ? '' : ` theme="${theme}"`}></${ELEMENT_NAME}>
</main>
</body>
</html>
`
}
