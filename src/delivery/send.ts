import { after, all, on, type Stop } from '../platform/listen';
import type { KV } from '../platform/storage';
import type { FeedbackEvent, RessentiError } from '../types';
import { add, load, MAX_AGE, MAX_EVENTS, save, type Entry } from './outbox';

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
const BASE = 1e3;
const CAP = 3e5;

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** `Retry-After` (seconds or an HTTP date) in ms, when readable and not past. */
function retryAfter(h: string | null, now: number): number | undefined {
  if (!h) return;
  const ms = +h >= 0 ? +h * 1e3 : Date.parse(h) - now;
  return ms >= 0 ? ms : undefined;
}

/**
 * Delivers events at least once: each is written to the outbox before any attempt and leaves
 * it only on a 2xx (or a final 4xx, reported). Retries back off; leases in storage keep tabs from
 * sending the same events at once; leaving the page flushes what is pending. Never throws.
 */
export function createDelivery(o: {
  endpoint: string;
  kv: KV;
  win: Window;
  enabled: boolean;
  onError(e: RessentiError): void;
}): Delivery {
  const { endpoint, kv, win, onError } = o;
  const doc = win.document;
  let enabled = o.enabled;
  let inflight = 0; // body bytes of our requests in flight, against the keepalive budget
  let stopTimer: Stop = () => {};
  const aborts = new Set<Stop>();
  // Events of a page without consent wait here, not in the KV: switching the KV to storage on
  // consent copies its memory over what is stored, which would lose what earlier pages left.
  let held: Entry[] = [];
  // Events that left for good: never sent again by this tab, whatever a stale storage still says.
  const gone = new Set<string>();

  const edit = (f: (list: Entry[]) => Entry[]) => save(kv, f(load(kv).filter((x) => !gone.has(x.e.eventId))));
  const wake = (ms: number) => {
    stopTimer();
    stopTimer = after(win, ms, () => pass());
  };

  /** Sends the entries that are due (every pending one when ignoring backoff), within the keepalive budget. */
  function pass(ignoreBackoff?: boolean) {
    stopTimer();
    if (!enabled) return;
    const now = Date.now();
    const events: FeedbackEvent[] = [];
    let size = 14; // {"events":[]}
    let next = Infinity;
    edit((list) => {
      for (const x of list) {
        const t = Math.max(ignoreBackoff ? 0 : x.at, x.lease || 0);
        if (t > now) next = Math.min(next, t);
        else {
          const s = bytes(JSON.stringify(x.e)) + 1;
          // An event alone over the budget still goes, without keepalive (see post).
          if (inflight + size + s <= BUDGET || !(events.length || inflight)) {
            size += s;
            events.push(x.e);
            x.lease = now + LEASE; // written before the request starts
          }
        }
      }
      return list;
    });
    if (events.length) post(events, size);
    if (next < Infinity) wake(next - now);
  }

  function post(events: FeedbackEvent[], size: number) {
    const ctl = new AbortController();
    const stopAbort = after(win, TIMEOUT, () => ctl.abort());
    aborts.add(stopAbort);
    inflight += size;
    const settle = (status: number, header: string | null = null) => {
      stopAbort();
      aborts.delete(stopAbort);
      inflight -= size;
      const now = Date.now();
      const ids = new Set(events.map((e) => e.eventId));
      if (!status || status == 408 || status == 429 || status > 499) {
        const r = Math.random(); // full jitter, one draw so that the batch is retried together
        const wait = retryAfter(header, now);
        edit((list) =>
          list.map((x) =>
            ids.has(x.e.eventId)
              ? { e: x.e, n: x.n + 1, at: now + (wait ?? r * Math.min(CAP, BASE * 2 ** x.n)) }
              : x,
          ),
        );
      } else {
        ids.forEach((id) => gone.add(id));
        // Remember only as many as the outbox can hold: memory stays bounded on a long visit.
        for (const id of gone) if (gone.size > MAX_EVENTS) gone.delete(id);
        edit((list) => list); // the filter in `edit` removes them
        if (status > 299) onError({ source: 'delivery', message: `endpoint refused ${events.length} events: HTTP ${status}` });
      }
      pass();
    };
    // The executor runs now (a fetch started in `pagehide` must start before the page goes) and
    // turns a synchronous throw into a rejection.
    new Promise<Response>((resolve) =>
      resolve(
        win.fetch(endpoint, {
          method: 'POST',
          body: JSON.stringify({ events }),
          // text/plain keeps it a CORS-simple request: no preflight round trip, and what sendBeacon sends.
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          // Finishes even when the page unloads right after (an answer given just before leaving).
          keepalive: size <= BUDGET,
          credentials: 'omit',
          signal: ctl.signal,
        }),
      ),
    ).then(
      // A cross-origin collector must send `Access-Control-Expose-Headers: Retry-After` for it to be read.
      (res) => settle(res.status, res.headers.get('Retry-After')),
      () => settle(0),
    );
  }

  const flush = () => pass(true);
  const push = (events: FeedbackEvent[]) => {
    let dropped = 0;
    const put = (list: Entry[]) => {
      const [kept, n] = add(list, events, Date.now());
      dropped = n;
      return kept;
    };
    if (enabled) edit(put);
    else held = put(held);
    if (dropped)
      onError({ source: 'outbox', message: `outbox bounds (${MAX_EVENTS} events, ${MAX_AGE / 864e5} days) reached: dropped ${dropped} events` });
    wake(0); // one request for the events of one instant
  };
  const unlisten = all(
    on(win, 'pagehide', flush),
    on(doc, 'visibilitychange', () => doc.visibilityState == 'hidden' && flush()),
    on(win, 'online', flush),
  );
  push([]); // applies the bounds to what earlier pages left, and sends it

  return {
    push,
    enable(on) {
      enabled = on;
      const waiting = held.map((x) => x.e);
      held = [];
      push(waiting);
    },
    dispose() {
      enabled = false;
      stopTimer();
      aborts.forEach((stop) => stop());
      unlisten();
    },
  };
}
