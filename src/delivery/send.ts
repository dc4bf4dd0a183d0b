import { now as clock, random } from '../platform/clock';
import { after, all, on, type Stop } from '../platform/listen';
import { createKV, type KV } from '../platform/storage';
import type { FeedbackEvent, RessentiError } from '../types';
import { drop, load, MAX_AGE, MAX_EVENTS, over, save } from './outbox';

/** Sends events to the endpoint through the durable outbox. */
export interface Delivery {
  /** Stores the events at once (they survive an immediate unload), then sends them on the next tick. */
  push(events: FeedbackEvent[]): void;
  /** Off (consent pending or withdrawn): events wait, nothing is sent. On: sends what waited. */
  enable(on: boolean): void;
  /** Removes every listener and timer; requests in flight finish on their own (keepalive). */
  dispose(): void;
}

// A hanging collector must not hold events, nor their lease, for long.
const TIMEOUT = 1e4;
// Longer than any request of ours can last, so that no other tab sends the same events meanwhile.
const LEASE = TIMEOUT + 5e3;
// Browsers refuse keepalive requests beyond 64 KiB of bodies in flight per page.
const BUDGET = 64e3;
// How much later than the page whose event it is another page sends it: two tabs whose timers
// fire at the same moment would otherwise both send it before either saw the other's lease.
const GRACE = 2e3;

/**
 * Delivers events at least once: each is written to the outbox before any attempt and leaves
 * it only on a 2xx (or a final 4xx, reported). Retries back off; leases in storage keep tabs from
 * sending the same events at once; leaving the page flushes what is pending. Never throws.
 */
export function createDelivery({ endpoint, kv, win, enabled, onError }: {
  endpoint: string;
  kv: KV;
  win: Window;
  enabled: boolean;
  onError(e: RessentiError): void;
}): Delivery {
  const doc = win.document;
  let inflight = 0; // body bytes of our requests in flight, against the keepalive budget
  let stopTimer: Stop = () => {};
  const timeouts = new Set<Stop>();
  // While off, events wait here, not in the KV: switching the KV to storage on consent copies
  // its memory over what is stored, which would lose what earlier pages left.
  let held = createKV();
  const db = () => (enabled ? kv : held);
  const me = random();
  let failing = false;

  const wake = (ms: number) => {
    stopTimer();
    stopTimer = after(win, ms, () => pass());
  };

  /** Sends the entries that are due (all of this page's when ignoring backoff, not their lease), within the keepalive budget. */
  function pass(ignoreBackoff?: boolean) {
    stopTimer();
    if (!enabled) return;
    const now = clock();
    const events: FeedbackEvent[] = [];
    let size = 14; // {"events":[]}
    let next = Infinity;
    for (const x of load(kv)) {
      const mine = x.by == me;
      const t = Math.max(mine && ignoreBackoff ? 0 : x.at + (mine ? 0 : GRACE), x.lease || 0);
      if (t > now) next = Math.min(next, t);
      else {
        const s = new Blob([JSON.stringify(x.e)]).size + 1;
        // An event alone over the budget still goes, without keepalive (see post).
        if (inflight + size + s <= BUDGET || !(events.length || inflight)) {
          size += s;
          events.push(x.e);
          x.lease = now + LEASE;
          save(kv, [x]); // written before the request starts
        }
      }
    }
    if (events.length) post(events, size);
    if (next < Infinity) wake(next - now);
  }

  function post(events: FeedbackEvent[], size: number) {
    const ctl = new AbortController();
    const stopAbort = after(win, TIMEOUT, () => ctl.abort());
    timeouts.add(stopAbort);
    inflight += size;
    const settle = (res?: Response) => {
      stopAbort();
      timeouts.delete(stopAbort);
      inflight -= size;
      const now = clock();
      const ids = events.map((e) => e.eventId);
      const status = res?.status;
      // Final: a 2xx, or a 4xx but 408 and 429 (sending these events again would be refused again).
      const final = status && status != 408 && status != 429 && status < 500;
      // A refusal is said each time; a failure once per run of failures, not on every retry.
      if (final ? status > 299 : !failing)
        onError({
          source: 'delivery',
          message: `${endpoint}: ${status ? 'HTTP ' + status : 'no answer'}, ${final ? `dropped ${ids.length} events` : 'will retry'}`,
        });
      failing = !final;
      if (final) {
        // Gone for good: a storage that cannot forget them marks them so (see KV), and they are not read again.
        drop(db(), ids);
      } else {
        // A cross-origin collector must send `Access-Control-Expose-Headers: Retry-After` for it to be read.
        const h = res?.headers.get('Retry-After');
        const wait = h ? (+h >= 0 ? +h * 1e3 : Date.parse(h) - now) : NaN; // seconds or an HTTP date
        const r = random(); // full jitter, one draw so that the batch is retried together
        // Those still there back off: another tab may have delivered some meanwhile. The collector's
        // Retry-After is also their lease (a time before which nothing sends them), which, unlike
        // the backoff, a recovery does not shorten.
        save(
          db(),
          load(db())
            .filter((x) => ids.includes(x.e.eventId))
            .map((x) => ({ e: x.e, n: x.n + 1, at: now + (wait >= 0 ? wait : r * Math.min(3e5, 1e3 * 2 ** x.n)), lease: now + wait, by: me })),
        );
      }
      // Once the collector answers (a 2xx, or a final 4xx), this page's events backing off from
      // earlier failures go at once; their leases (a Retry-After) still hold.
      pass(!failing);
    };
    // The executor runs now (a fetch started in `pagehide` must start before the page goes) and
    // turns a synchronous throw into a rejection. A page that unloads fails its fetches just before
    // `pagehide`, yet keepalive ones go on: a failure settles a task later, after the flush on
    // leaving, whose lease check then keeps them from being sent twice.
    new Promise<Response>((resolve) =>
      resolve(
        win.fetch(endpoint, {
          method: 'POST',
          // A string body goes as text/plain;charset=UTF-8: a CORS-simple request (no preflight
          // round trip), and what sendBeacon sends.
          body: JSON.stringify({ events }),
          // Finishes even when the page unloads right after (an answer given just before leaving).
          keepalive: size <= BUDGET,
          credentials: 'omit',
          signal: ctl.signal,
        }),
      ),
    ).then(settle, () => win.setTimeout(settle));
  }

  const flush = () => pass(true);
  const push = (events: FeedbackEvent[]) => {
    const to = db();
    const now = clock();
    // Only the new events are written, and only those over the bounds removed: other tabs' stay as they are.
    save(to, events.map((e) => ({ e, n: 0, at: now, by: me })));
    const out = over(load(to), now).map((x) => x.e.eventId);
    drop(to, out);
    if (out.length)
      onError({ source: 'outbox', message: `outbox over ${MAX_EVENTS} events or ${MAX_AGE / 864e5} days: dropped ${out.length} events` });
    wake(0); // one request for the events of one instant
  };
  const unlisten = all(
    on(win, 'pagehide', flush),
    on(doc, 'visibilitychange', () => doc.hidden && flush()),
    on(win, 'online', flush),
  );
  push([]); // applies the bounds to what earlier pages left, and sends it

  return {
    push,
    enable(on) {
      enabled = on;
      const waiting = load(held).map((x) => x.e);
      held = createKV();
      push(waiting);
    },
    dispose() {
      enabled = false;
      stopTimer();
      timeouts.forEach((stop) => stop());
      unlisten();
    },
  };
}
