import { after, all, on, type Stop } from '../platform/listen';
import type { Source } from './types';

/** `dwell:N`: N seconds with the page visible; time in a hidden tab does not count. */
export const dwell: Source = (fire, win, n) => {
  const doc = win.document;
  let left = n * 1e3;
  let since = 0;
  let stop: Stop | undefined;
  const sync = () => {
    if (stop) {
      stop();
      stop = undefined;
      left -= Date.now() - since;
    }
    if (!doc.hidden) {
      since = Date.now();
      stop = after(win, left, fire);
    }
  };
  sync();
  return all(on(doc, 'visibilitychange', sync), () => stop?.());
};

/** `idle:N`: N seconds without pointer (mouse, touch, pen), key, scroll or wheel input. */
export const idle: Source = (fire, win, n) => {
  let last = Date.now();
  // Input only moves `last`; the timer re-arms itself for what remains (no timer churn per mouse move).
  const tick = () => {
    const left = last + n * 1e3 - Date.now();
    if (left > 0) stop = after(win, left, tick);
    else fire();
  };
  let stop = after(win, n * 1e3, tick);
  return all(
    ...['pointermove', 'pointerdown', 'keydown', 'scroll', 'wheel'].map((type) =>
      on(win.document, type, () => (last = Date.now()), true),
    ),
    () => stop(),
  );
};
