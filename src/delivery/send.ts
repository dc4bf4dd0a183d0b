import { now as clock, random } from '../platform/clock';
import { after, all, on, PATIENCE, type Stop } from '../platform/listen';
import { json } from '../platform/json';
import type { KV } from '../platform/storage';
import type { RessentiError } from '../types';
import { drop, find, load, MAX_AGE, MAX_EVENTS, over, save } from './outbox';

/** What the sender reads of the widget: its outbox is `_kv`, and it sends only while `_consented`. */
export interface Host {
  _win: Window;
  _kv: KV;
  _consented: boolean;
  _options: { endpoint?: string };
  /** This page's mark on the entries it stores (`Entry.page`). */
  _me: number;
  _report(error: RessentiError): void;
}

/** Sends what the outbox holds (widget/deliver.ts stores it there); fetched the first time there is something to send. */
export interface Sender {
  /** Sends what is due in `ms`. */
  _wake(ms: number): void;
  /** Removes every listener and timer; requests in flight finish on their own (keepalive). */
  _dispose(): void;
}

// Longer than any request of ours can last (a hanging collector is given up after PATIENCE, so that
// it holds neither events nor their lease for long), so that no other tab sends the same events meanwhile.
const LEASE = PATIENCE + 5e3;
// The most one request carries. Also the browser's quota: keepalive bodies in flight share 64 KiB
// per page, and one beyond it is refused ("Failed to fetch").
const BUDGET = 64e3;
// How much later than the page whose event it is another page sends it: two tabs whose timers
// fire at the same moment would otherwise both send it before either saw the other's lease.
const GRACE = 2e3;

/**
 * Delivers events at least once: each was written to the outbox before any attempt and leaves
 * it only on a 2xx (or a final 4xx, reported). Retries back off; leases in storage keep tabs from
 * sending the same events at once; leaving the page flushes what is pending. Never throws.
 */
export function createSender(w: Host): Sender {
  const { _win: win, _kv: kv, _me: me } = w;
  const endpoint = w._options.endpoint!;
  const onError = w._report;
  const doc = win.document;
  let kept = 0; // keepalive body bytes in flight, against the browser's quota
  // Requests in flight without keepalive (the quota was taken), each as a way to send it again with
  // keepalive: they die with the page, so leaving sends their events again (the collector de-duplicates).
  const bare = new Set<() => void>();
  let stopTimer: Stop = () => {};
  const timeouts = new Set<Stop>();
  let failing = false;
  let disposed = false;
  const utf8 = new TextEncoder();

  const wake = (ms: number) => {
    stopTimer();
    stopTimer = after(win, ms, () => pass());
  };

  /**
   * Sends one request of the entries that are due (all of this page's when ignoring backoff, not
   * their lease), oldest first; the others go when it settles. One read of the outbox: linear.
   */
  function pass(ignoreBackoff?: boolean) {
    stopTimer();
    if (disposed || !w._consented) return;
    const now = clock();
    const list = load(kv);
    // Bounds: too old, always; beyond MAX_EVENTS only while the collector fails, as those events
    // could then be neither sent nor (without filling the visitor's storage) kept.
    const out = over(list, now, failing ? MAX_EVENTS : Infinity);
    drop(kv, out.map((x) => x.event.eventId));
    if (out.length) onError({ source: 'outbox', message: `outbox over ${MAX_EVENTS} events or ${MAX_AGE / 864e5} days: dropped ${out.length} events` });
    const events: string[] = [];
    const ids: string[] = [];
    let size = 12; // {"events":[]}, less the comma counted with each event
    let next = Infinity;
    for (const x of list) {
      if (out.includes(x)) continue;
      const mine = x.page == me;
      const t = Math.max(mine && ignoreBackoff ? 0 : x.due + (mine ? 0 : GRACE), x.lease || 0);
      if (t > now) next = Math.min(next, t);
      else if (size < BUDGET) {
        const s = json(x.event)!;
        const bytes = utf8.encode(s).length + 1;
        // Full: what is left goes once this request settles. An event alone over the budget still goes.
        if (size + bytes > BUDGET && events.length) size = BUDGET;
        else {
          size += bytes;
          events.push(s);
          ids.push(x.event.eventId);
          x.lease = now + LEASE;
          save(kv, [x]); // written before the request starts
        }
      }
    }
    if (events.length) post(events, ids, size);
    if (next < Infinity) wake(next - now);
  }

  function post(events: string[], ids: string[], size: number) {
    const ctl = new AbortController();
    const stopAbort = after(win, PATIENCE, () => ctl.abort());
    timeouts.add(stopAbort);
    // Keepalive (the request outlives the page) while the quota allows; beyond it, a request that
    // only this page's life carries rather than one refused.
    const keep = kept + size <= BUDGET ? size : 0;
    kept += keep;
    const again = () => kept + size <= BUDGET && (bare.delete(again), post(events, ids, size));
    if (!keep) bare.add(again);
    const settle = (res?: Response) => {
      stopAbort();
      timeouts.delete(stopAbort);
      bare.delete(again);
      kept -= keep;
      const now = clock();
      const status = res?.status;
      // Final: a 2xx, or a 4xx but 408 and 429 (sending these events again would be refused again).
      const final = status && status != 408 && status != 429 && status < 500;
      // A refusal is said each time; a failure once per run of failures, not on every retry. A
      // network error, unlike an HTTP status, is all a page sees of a CORS refusal.
      if (final ? status > 299 : !failing)
        onError({
          source: 'delivery',
          message: `${endpoint}: ${
            status ? 'HTTP ' + status
            : ctl.signal.aborted ? 'no answer'
            : 'network error' + (new URL(endpoint, win.location.href).origin != win.location.origin ? " (a collector on another origin may lack Access-Control-Allow-Origin, or the page's CSP may not allow it in connect-src)" : '')
          }, ${final ? `dropped ${ids.length} events` : 'will retry'}`,
        });
      failing = !final;
      if (final) {
        // Gone for good: a storage that cannot forget them marks them so (see KV), and they are not read again.
        drop(kv, ids);
      } else {
        // A cross-origin collector must send `Access-Control-Expose-Headers: Retry-After` for it to be read.
        const h = res?.headers.get('Retry-After');
        const wait = h ? (+h >= 0 ? +h * 1e3 : +new Date(h) - now) : NaN; // seconds or an HTTP date (not Date.parse: see outbox.ts)
        const r = random(); // full jitter, one draw so that the batch is retried together
        // Those still there back off: another tab may have delivered some meanwhile. The collector's
        // Retry-After is also their lease (a time before which nothing sends them), which, unlike
        // the backoff, a recovery does not shorten.
        save(
          kv,
          find(kv, ids).map((x) => ({
            event: x.event,
            attempts: x.attempts + 1,
            due: now + (wait >= 0 ? wait : r * Math.min(3e5, 1e3 * 2 ** x.attempts)),
            lease: now + wait,
            page: me,
          })),
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
          // round trip), and what sendBeacon sends. Exactly `{"events":[…]}`, whatever the page did
          // to JSON.stringify or toJSON (see json).
          body: '{"events":[' + events.join() + ']}',
          keepalive: !!keep,
          credentials: 'omit',
          signal: ctl.signal,
        }),
      ),
    )
      // The browser counts a keepalive body against its quota until the response's body is read.
      .then((res) => res.text().then(() => res, () => res))
      .then(settle, () => win.setTimeout(settle));
  }

  const flush = () => pass(true);
  // Once the visitor leaves, a request in flight is let finish however long the collector stalls
  // (keepalive: even after the page is gone); aborting it would leave its events to a later visit.
  // One without keepalive goes again with it, as far as the quota allows (what does not fit waits
  // in the outbox for a later visit).
  const leave = () => {
    timeouts.forEach((stop) => stop());
    bare.forEach((again) => again());
    flush();
  };
  const unlisten = all(
    on(win, 'pagehide', leave),
    on(doc, 'visibilitychange', () => doc.hidden && leave()),
    on(win, 'online', flush),
  );
  wake(0); // applies the bounds to what earlier pages left, and sends it

  return {
    _wake: wake,
    _dispose() {
      disposed = true;
      stopTimer();
      timeouts.forEach((stop) => stop());
      unlisten();
    },
  };
}
