import { NO_ANSWER, PATIENCE } from '../platform/listen';

/**
 * Loads a JSON document from `#id` (the text of an inline `<script type="application/json">`)
 * or from a URL, resolved against the page. Rejects with an Error naming the source and the cause.
 */
export function loadJSON(source: string, win: Window): Promise<unknown> {
  const doc = win.document;
  const id = source.slice(1);
  const el = () => doc.getElementById(id);
  // An inline element may stand after this script, or still be streaming in: it is read once the
  // parser is past it (a node follows it), else at DOMContentLoaded.
  return new Promise((parsed) => (source[0] != '#' || el()?.nextSibling || doc.readyState != 'loading' ? parsed(0) : win.addEventListener('DOMContentLoaded', parsed)))
    .then(() => {
      if (source[0] != '#')
        return Promise.race<string>([
          win.fetch(source).then((res) => (res.ok ? res.text() : Promise.reject(`HTTP ${res.status}`))),
          new Promise<string>((_, late) => win.setTimeout(late, PATIENCE, NO_ANSWER)),
        ]);
      const found = el();
      return found ? found.textContent || '' : Promise.reject(`no element with id ${JSON.stringify(id)}`);
    })
    .then(JSON.parse)
    .catch((why) => {
      // Our own reasons are strings; the parser throws a SyntaxError; anything else is the network.
      throw Error(`${JSON.stringify(source)}: ${typeof why == 'string' ? why : why instanceof SyntaxError ? `invalid JSON (${why.message})` : 'network error'}`);
    });
}
