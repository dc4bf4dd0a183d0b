/**
 * Loads a JSON document from `#id` (the text of an inline `<script type="application/json">`)
 * or from a URL, resolved against the page. Rejects with an Error naming the source and the cause.
 */
export function loadJSON(source: string, win: Window): Promise<unknown> {
  const id = source.slice(1);
  // Everything starts inside then(): what goes wrong becomes a rejection, never a throw into the page.
  return Promise.resolve()
    .then(() => {
      if (source[0] != '#') return win.fetch(source).then((res) => (res.ok ? res.text() : Promise.reject(`HTTP ${res.status}`)));
      const el = win.document.getElementById(id);
      return el ? el.textContent || '' : Promise.reject(`no element with id ${JSON.stringify(id)}`);
    })
    .then(JSON.parse)
    .catch((why) => {
      // Our own reasons are strings; the parser throws a SyntaxError; anything else is the network.
      throw Error(`${JSON.stringify(source)}: ${typeof why == 'string' ? why : why instanceof SyntaxError ? `invalid JSON (${why.message})` : 'network error'}`);
    });
}
