/**
 * Loads a JSON document from `#id` (the text of an inline `<script type="application/json">`)
 * or from a URL, resolved against the page. Rejects with an Error naming the source and the cause.
 */
export function loadJSON(source: string, win: Window): Promise<unknown> {
  const fail = (why: string): never => {
    throw new Error(`${JSON.stringify(source)}: ${why}`);
  };
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      return fail(`invalid JSON (${(err as Error).message})`);
    }
  };
  const offline = () => fail('network error');
  const id = source.slice(1);
  // Everything starts inside then(): what goes wrong becomes a rejection, never a throw into the page.
  const start = Promise.resolve();
  return source[0] == '#'
    ? start.then(() => {
        const el = win.document.getElementById(id);
        return parse(el ? el.textContent || '' : fail(`no element with id ${JSON.stringify(id)}`));
      })
    : start
        .then(() => win.fetch(source, { credentials: 'same-origin' }))
        .then((res) => (res.ok ? res.text().then(parse, offline) : fail(`HTTP ${res.status}`)), offline);
}
