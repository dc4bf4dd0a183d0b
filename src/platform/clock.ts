/**
 * The clock and randomness, read here only (timers are `after` in listen.ts, ids `uuid` in ids.ts),
 * so that one place says what the widget takes from its environment. Unit tests run them on a fake
 * clock with `vi.useFakeTimers()`, which fakes `Date` and the timers alike.
 */

/** Milliseconds since the epoch. */
export const now = () => Date.now();

/** A number in [0, 1): backoff jitter, and which page a stored event belongs to. */
export const random = () => Math.random();
