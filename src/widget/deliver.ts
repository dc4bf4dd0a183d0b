import { save, waiting } from '../delivery/outbox';
import type { Sender } from '../delivery/send';
import { now } from '../platform/clock';
import { after, on, type Stop } from '../platform/listen';
import type { FeedbackEvent } from '../types';
import type { Core } from './core';

/**
 * The sender (delivery/send.ts, in the survey file), fetched the first time there is something to send: most page
 * views have nothing to send and never download it. One that cannot load leaves the events stored
 * (a later page sends them) and is tried again with the next event.
 */
function sender(w: Core): Promise<Sender | void> {
  return (w._sender ||= w._fetchSurvey().then(
    ({ _createSender }) => {
      if (w._destroyed) return;
      const s = _createSender(w);
      w._disposers.push(s._dispose);
      return s;
    },
    (err: Error) => {
      w._sender = undefined;
      w._report({ source: 'delivery', message: err.message });
    },
  ));
}

/**
 * Hands events over for delivery, and with none, has what waits in the outbox sent. Stored at once,
 * before the sender is even fetched, so that they survive an immediate unload; until consent they
 * wait in memory (`_held`), and are stored by the first call after it. Nothing is kept without an endpoint.
 */
export function deliver(w: Core, events: FeedbackEvent[]) {
  const held = w._held;
  if (w._options.endpoint == null || (held.push(...events), !w._consented) || (!held.length && !waiting(w._kv))) return;
  save(w._kv, held.splice(0).map((event) => ({ event, attempts: 0, due: now(), page: w._me })));
  sender(w).then((s) => s?._wake(0)); // one request for the events of one instant
}

/**
 * What earlier pages left in the outbox goes a few seconds after the page has loaded, once it is
 * idle: reading the outbox opens the site's localStorage, which costs Chromium a synchronous
 * round trip to the browser process (about 7 ms of script on a 4× slower CPU, `npm run bench`),
 * and events that have already waited lose nothing by waiting for the page's own start-up
 * (hydration, its own scripts) to end. A survey shown before then sends them with its own.
 */
export function resume(w: Core): Stop {
  const win = w._win;
  // Without requestIdleCallback (Safari), setTimeout takes the options object as a delay of 0.
  const idle = () => ((win.requestIdleCallback || win.setTimeout) as (fn: () => void, options: object) => void).call(win, () => w._destroyed || deliver(w, []), { timeout: 2e3 });
  let stop: Stop = () => {};
  // On load the listener goes and the timer comes: `stop` ends whichever is pending.
  const later = () => {
    stop();
    stop = after(win, 3e3, idle);
  };
  if (win.document.readyState == 'complete') later();
  else stop = on(win, 'load', later);
  return () => stop();
}
