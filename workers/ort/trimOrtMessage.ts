/**
 * An ONNX Runtime error message as shown to a user: build paths (`/onnxruntime_src/…/graph.cc:1234`, Windows
 * drive paths) and the `onnxruntime::` prefixes of internal function names are removed, runs of spaces collapsed,
 * and the result cut at `max` characters.
 */
export function trimOrtMessage(message: string, max = 300): string {
  const out = message
    .replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"()]+)+\.(?:cc|cpp|c|h|hpp|cu)(?::\d+)?/g, '')
    .replace(/\bonnxruntime::/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.:;)])/g, '$1')
    .trim()
  return out.length > max ? `${out.slice(0, max - 1)}…` : out
}
