/** A function that stops what was started. */
export type Stop = () => void;

/**
 * Adds a passive listener and returns the function that removes it. `capture` also sees events the
 * page stops, and scrolls inside elements (they do not bubble).
 */
export function on<E extends Event = Event>(target: EventTarget, type: string, fn: (event: E) => void, capture?: boolean): Stop {
  const opts = { capture, passive: true };
  target.addEventListener(type, fn as EventListener, opts);
  return () => target.removeEventListener(type, fn as EventListener, opts);
}

/** How long a file, document or request of the widget may go unanswered before it is given up: nothing waits forever. */
export const PATIENCE = 1e4;
export const NO_ANSWER = `no answer within ${PATIENCE / 1e3} s`;

/** `win.setTimeout`, returning the function that clears it. */
export function after(win: Window, ms: number, fn: () => void): Stop {
  const timer = win.setTimeout(fn, ms);
  return () => win.clearTimeout(timer);
}

/** One disposer for many. */
export const all =
  (...stops: Stop[]): Stop =>
  () =>
    stops.forEach((stop) => stop());
