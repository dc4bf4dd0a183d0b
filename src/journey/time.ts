import { now } from '../platform/clock';
import { after, all, on, type Stop } from '../platform/listen';
import type { Source } from './types';

/** `dwell:N`: N seconds with the page visible; time in a hidden tab does not count. */
export const dwell: Source = (fire, win, n) => {
  const doc = win.document;
  let left = n * 1e3;
  let since = 0; // 0 while hidden
  let stop: Stop = () => {};
  const sync = () => {
    const t = now();
    stop();
    if (since) left -= t - since;
    since = doc.hidden ? 0 : t;
    if (since) stop = after(win, left, fire);
  };
  sync();
  return all(on(doc, 'visibilitychange', sync), () => stop());
};

/** `idle:N`: N seconds without pointer (mouse, touch, pen), key, scroll or wheel input. */
export const idle: Source = (fire, win, n) => {
  let stop: Stop = () => {};
  // Re-arming on each input costs a clearTimeout and a setTimeout: cheaper in bytes than a self-rescheduling tick.
  const arm = () => {
    stop();
    stop = after(win, n * 1e3, fire);
  };
  arm();
  return all(
    ...'pointermove pointerdown keydown scroll wheel'.split(' ').map((type) => on(win.document, type, arm, true)),
    () => stop(),
  );
};
