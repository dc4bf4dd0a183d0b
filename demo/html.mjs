// HTML templating for the demo: every interpolated value is escaped unless it is itself the
// result of `html`, so visitors' answers (hostile input) can never become markup.

const RAW = Symbol('html');

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content and quoted attributes. */
export const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const render = (value) =>
  value == null || value === false
    ? ''
    : Array.isArray(value)
      ? value.map(render).join('')
      : (value[RAW] ?? escape(value));

/** Tagged template: `html`<p>${text}</p>`` → safe markup; arrays are joined, null/false omitted. */
export const html = (strings, ...values) => ({
  [RAW]: strings.reduce((out, s, i) => out + render(values[i - 1]) + s),
  toString() {
    return this[RAW];
  },
});

/** JSON for a `<script type="application/json">`: raw (entities are not decoded there), `<` escaped so it cannot close the element. */
export const json = (value) => ({ [RAW]: JSON.stringify(value).replace(/</g, '\\u003c') });
