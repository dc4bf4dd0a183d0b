import type { Settings, Survey } from '../types';
import type { Reason } from './reason';

/*
 * The fatigue policy. Every display counts, answered or dismissed alike:
 * - `limit.once`: a survey never shows again after its first display;
 * - `limit.cooldownDays`: nor within N days of its last display;
 * - `settings.maxPerSession`: at most N popovers per tab session;
 * - `settings.cooldownDays`: no popover within N days after any popover.
 * Inline surveys obey their own `limit` (and `sample`, `if`), never the popover-wide settings.
 */

/** When each survey, and the last popover, were displayed (ms since the epoch). */
export interface History {
  seen: { [surveyId: string]: number };
  popover?: number;
}

const DAY = 864e5;

// Why `scope`.cooldownDays (`days` after a display at `last`) still runs at `now`, or null.
const cooling = (scope: string, now: number, last = NaN, days = 0): Reason | null =>
  days && last + days * DAY > now ? ['cooling', scope, last + days * DAY] : null;

/** The history after a display of `surveyId` at `now` (pure: returns a new history). */
export function record(history: History, surveyId: string, now: number, popover: boolean): History {
  return { seen: { ...history.seen, [surveyId]: now }, popover: popover ? now : history.popover };
}

/** Why the survey's own `limit` forbids showing it at `now`, or null. */
export function limitReason({ id, limit = {} }: Survey, history: History, now: number): Reason | null {
  // Own property only: a survey named `constructor` or `__proto__` must not find Object's.
  const { seen } = history;
  const last = seen && {}.hasOwnProperty.call(seen, id) ? seen[id] : undefined;
  return last != null && limit.once ? ['once', last] : cooling('limit', now, last, limit.cooldownDays);
}

/** Why the popover-wide `settings` forbid a popover at `now`, given those already shown this session, or null. */
export function fatigueReason({ maxPerSession: max, cooldownDays }: Settings, history: History, sessionShown: number, now: number): Reason | null {
  return max != null && sessionShown >= max
    ? ['max', sessionShown, max]
    : cooling('settings', now, history.popover, cooldownDays);
}
