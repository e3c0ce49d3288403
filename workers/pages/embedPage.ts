/**
 * `GET /embed`: the calculator alone, for an `<iframe>`. Its state comes from the query string (the
 * API's dotted keys, read by the widget because of `sync-url`); `theme=light|dark` picks the colours.
 */
import { ELEMENT_NAME } from '../../src/widget/embedSnippet.ts'

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
<${ELEMENT_NAME} sync-url${theme === 'auto' ? '' : ` theme="${theme}"`}></${ELEMENT_NAME}>
</main>
</body>
</html>
`
}
