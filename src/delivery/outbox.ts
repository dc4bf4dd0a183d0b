import type { KV } from '../platform/storage';
import type { FeedbackEvent } from '../types';

/**
 * An event waiting for a 2xx, as stored (so these names are a format: keep them). `due`: its next
 * attempt (ms since the epoch); `lease`: nothing sends it before (while a request carries it, or as
 * the collector's Retry-After asked); `page`: the page that stored it or last tried it.
 */
export interface Entry {
  event: FeedbackEvent;
  attempts: number;
  due: number;
  lease?: number;
  page?: number;
}

/**
 * Bounds of the outbox, so that a collector down for long cannot fill the visitor's storage:
 * at most this many events while the collector fails, none older than this (ms).
 */
export const MAX_EVENTS = 500;
export const MAX_AGE = 7 * 864e5;

// One key per event (`o:` + eventId), never one list: tabs writing at the same time then never
// overwrite each other's events (localStorage reaches other tabs late, so read-modify-write of a
// shared list can lose them). A race can at worst revive a copy, sent again: at least once holds.
const KEY = 'o:';
// Dropped first when over the bounds: an impression tells least, a response (an answer) most.
const RANK = { impression: 0, dismissal: 1, response: 2 };

/**
 * The entry stored under `key`, or undefined. An entry an earlier version wrote (`{e, n, at, lease,
 * by}`) is read as a new one, due now: it is rewritten in this format when first tried.
 */
const read = (kv: KV, key: string): Entry | undefined => {
  const x = kv.get<Entry & { e?: FeedbackEvent }>(key);
  return x?.e ? { event: x.e, attempts: 0, due: 0 } : x?.event?.eventId ? x : undefined;
};

/** The outbox as stored now, oldest first; the KV reads the backend, so this includes other tabs' writes. */
export const load = (kv: KV): Entry[] =>
  kv
    .keys(KEY)
    .flatMap((key) => read(kv, key) || [])
    .sort((a, b) => a.event.ts.localeCompare(b.event.ts));

/** The entries of these events still stored (others may have been delivered by another tab meanwhile). */
export const find = (kv: KV, ids: string[]): Entry[] => ids.flatMap((id) => read(kv, KEY + id) || []);

/** Stores each entry under its own key. */
export const save = (kv: KV, list: Entry[]) => list.forEach((x) => kv.set(KEY + x.event.eventId, x));

/** Whether any event waits: a list of keys, none read. */
export const waiting = (kv: KV) => kv.keys(KEY).length > 0;

/** Removes these events. */
export const drop = (kv: KV, ids: string[]) => ids.forEach((id) => kv.remove(KEY + id));

/**
 * The entries beyond the bounds, to drop: too old, then, beyond `max`, the lowest ranked and oldest.
 * Linear but for one sort: it runs over the whole outbox.
 */
export function over(list: Entry[], now: number, max = MAX_EVENTS): Entry[] {
  // Sorting is stable, so within a rank the oldest come first, and go first.
  const kept = new Set(
    list
      // Not Date.parse: Datejs replaces it with one that gives null for an ISO date (every event "too old").
      .filter((x) => now - +new Date(x.event.ts) < MAX_AGE)
      .sort((a, b) => RANK[a.event.type] - RANK[b.event.type])
      .slice(-max),
  );
  return list.filter((x) => !kept.has(x));
}
