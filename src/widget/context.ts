import type { DecideInput } from '../decide/decide';
import type { Reason } from '../decide/reason';
import { pageUrl } from '../config/url';
import { draw } from '../decide/sample';
import { now } from '../platform/clock';
import { detectDevice } from '../platform/env';
import type { Context } from '../types';
import type { Core } from './core';

/**
 * With `debug` only: `explain` gets the debug words (decide/explain.ts, in the extra file) and prints;
 * a page that cannot load them is told once through `error`.
 */
export const debug = (w: Core, explain: (words: typeof import('../extra')) => void) =>
  w._options.debug && w._fetchExtra().then(explain, (err: Error) => w._report({ source: 'debug', message: err.message }));

/** A debug line: `[ressenti] "survey" waits for the visitor to leave a form field`. */
export const log = (w: Core, reason: Reason) => debug(w, ({ because }) => console.info('[ressenti]', because(reason)));

/** The context now: where the visitor is, then the page's context, then `extra`. */
export function context(w: Core, extra?: Context): Context {
  const { href, pathname } = w._win.location;
  return { url: pageUrl(href, w._options.urlParams), path: pathname, locale: w._locale, device: detectDevice(w._win), ...w._page, ...extra };
}

/** What `decide` needs for `moment` with `ctx`; the visitor's memory is read on demand. */
export const input = (w: Core, moment: string, ctx: Context): DecideInput => ({
  moment,
  // Conditions on `url` see it whole (hash routes, filters); only what is sent loses query and fragment.
  context: { ...ctx, url: w._win.location.href },
  surveys: w._surveys,
  settings: w._settings,
  // Read from storage only when a survey gets that far: most moments decide on their trigger and
  // conditions alone, and a page that never reads storage never pays for opening it.
  get history() {
    return w._history();
  },
  get sessionShown() {
    return w._session().n;
  },
  now: now(),
  draw: (id) => draw(w._visitor(), id),
  busy: !!w._claim,
});
