// What JSON text must escape: quotes, backslashes, controls, and lone surrogates (with the `u` flag a
// surrogate pair is one character, so only a lone half matches): the text is then valid UTF-8.
const ESCAPE = /["\\\0-\x1f\ud800-\udfff]/gu;

/**
 * The JSON text of plain data (strings, numbers, booleans, null, dates, arrays, objects); undefined for
 * what JSON leaves out (undefined, functions). It calls neither `JSON.stringify` nor any `toJSON`,
 * which pages replace or patch: Prototype.js's `Array.prototype.toJSON` returns a string, so that
 * `JSON.stringify({ events })` gives `{"events":"[…]"}`. Capturing the pristine functions would not
 * do: the page's script may have run before ours.
 */
export function json(v: any): string | undefined {
  // Every escape as \uXXXX: valid JSON, in fewer bytes of code than `\"` and `\n`.
  if (typeof v == 'string') return '"' + v.replace(ESCAPE, (c: string) => '\\u' + (65536 + c.charCodeAt(0)).toString(16).slice(1)) + '"';
  if (Array.isArray(v)) return '[' + v.map((x) => json(x) ?? 'null').join() + ']';
  // As Date.prototype.toJSON would (Prototype.js replaces it too): an invalid date is null.
  if (v instanceof Date) return json(isFinite(+v) ? v.toISOString() : null);
  // Own keys only: a page may add enumerable ones to Object.prototype. A DOM node has none (its
  // JSON would be {}), so it is left out, as a function is.
  if (v && typeof v == 'object' && !(v.nodeType > 0))
    return (
      '{' +
      Object.keys(v)
        .flatMap((k) => {
          const s = json(v[k]);
          return s ? json(k) + ':' + s : [];
        })
        .join() +
      '}'
    );
  // isFinite(null) and isFinite(true) hold; NaN and Infinity are null, as in JSON.
  if (v === null || typeof v == 'number' || typeof v == 'boolean') return isFinite(v) ? '' + v : 'null';
}
