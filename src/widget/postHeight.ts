/**
 * Auto-sizing embeds: a page shown in an `<iframe>` (the Worker's `/embed`) tells its parent how tall its content is,
 * whenever that changes, with the documented message `{ type: "levy-escape:resize", height }` (CSS pixels, an
 * integer). It is sent to any parent (`targetOrigin` "*": the height is no secret), and the page listens to no
 * message at all, so a parent cannot drive it. The parent side is the Worker's `/embed.js` (or three lines of its
 * own, see the README).
 */
export const RESIZE_MESSAGE = 'levy-escape:resize'

/** The message an embedded calculator posts to its parent page when its height changes. */
export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE
  height: number
}

/** Starts posting the document's height to `win.parent`; returns the function that stops it. */
export function postHeight(win: Window): () => void {
  const doc = win.document.documentElement
  let last = -1
  const send = () => {
    const height = Math.ceil(doc.getBoundingClientRect().height)
    if (height === last || !(height > 0)) return
    last = height
    const message: ResizeMessage = { type: RESIZE_MESSAGE, height }
    win.parent.postMessage(message, '*')
  }
  const observer = new ResizeObserver(send)
  observer.observe(doc)
  send()
  return () => observer.disconnect()
}
