import { createHash } from 'node:crypto'

/** sha256 hex digest of the concatenation of the given byte arrays, in order. */
export function sha256(...parts: Uint8Array[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}
