import type { KV } from '../platform/storage';
import type { FeedbackEvent } from '../types';

/**
 * An event waiting for a 2xx: attempts so far, next attempt, its lease (ms: not sent before, while a
 * request carries it or as the collector's Retry-After asked; null when none), and which page's it
 * is (`by`: the page that stored it or last tried it).
 */
export interface Entry {
  e: FeedbackEvent;
  n: number;
  at: number;
  lease?: number;
  by?: number;
}

/**
 * Bounds of the outbox, so that a collector down for long cannot fill the visitor's storage:
 * at most this many events, none older than this (ms). Beyond them the oldest go first.
 */
export const MAX_EVENTS = 500;
export const MAX_AGE = 7 * 864e5;

// One key per event (`o:` + eventId), never one list: tabs writing at the same time then never
// overwrite each other's events (localStorage reaches other tabs late, so read-modify-write of a
// shared list can lose them). A race can at worst revive a copy, sent again: at least once holds.
const KEY = 'o:';
// Dropped first when over the bounds: an impression tells least, a response (an answer) most.
const RANK = { impression: 0, dismissal: 1, response: 2 };

/** The outbox as stored now, oldest first; the KV reads the backend, so this includes other tabs' writes. */
export const load = (kv: KV): Entry[] =>
  kv
    .keys(KEY)
    .map((key) => kv.get<Entry>(key)!)
    .filter((x) => x?.e?.eventId)
    .sort((a, b) => a.e.ts.localeCompare(b.e.ts));

/** Stores each entry under its own key. */
export const save = (kv: KV, list: Entry[]) => list.forEach((x) => kv.set(KEY + x.e.eventId, x));

/** Removes these events. */
export const drop = (kv: KV, ids: string[]) => ids.forEach((id) => kv.remove(KEY + id));

/** The entries beyond the bounds, to drop: too old, then the lowest ranked and oldest over the maximum. */
export function over(list: Entry[], now: number): Entry[] {
  // Sorting is stable, so within a rank the oldest come first, and go first.
  const kept = list
    .filter((x) => now - Date.parse(x.e.ts) < MAX_AGE)
    .sort((a, b) => RANK[a.e.type] - RANK[b.e.type])
    .slice(-MAX_EVENTS);
  return list.filter((x) => !kept.includes(x));
}
