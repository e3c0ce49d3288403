/**
 * `GET /embed.js`: the parent-page side of auto-sizing embeds. A page that frames `/embed` adds this script once;
 * it listens for the documented `{ type: "levy-escape:resize", height }` message, accepts it only from this
 * Worker's origin and only from a frame on the page, and sets that `<iframe>`'s height (clamped to 120–20,000 px).
 * It changes nothing else and sends nothing. Served as a classic script with CORS, so any site can load it.
 */
import { RESIZE_MESSAGE } from '../../src/widget/index.ts'

/** The script for a Worker at `origin` (the only origin whose messages it accepts). */
export function embedHelper(origin: string): string {
  return `/* levy-escape embed helper: sizes <iframe>s of ${origin}/embed to their content. */
(function () {
  var ORIGIN = ${JSON.stringify(origin)};
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== ORIGIN || !d || d.type !== ${JSON.stringify(RESIZE_MESSAGE)}) return;
    var h = Number(d.height);
    if (!isFinite(h)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = Math.min(20000, Math.max(120, Math.ceil(h))) + 'px';
    }
  });
})();
`
}
