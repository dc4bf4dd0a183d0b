import { now } from '../platform/clock';
import { all, on } from '../platform/listen';
import type { Source } from './types';

/** Leaving in the first seconds is not an exit from something the visitor engaged with. */
const MIN_MS = 3000;
/** Upward scroll speed (px/ms) that reads as a flick toward the address bar, not reading back. */
const FLICK = 1.5;

/**
 * `exit-intent`: on desktop, the pointer leaves through the top of the viewport; on touch devices,
 * a fast upward scroll or the tab being hidden. Never touches history or the back button.
 */
export const exitIntent: Source = (fire, win) => {
  const doc = win.document;
  const start = now();
  const go = () => now() >= start + MIN_MS && fire();
  if (!win.matchMedia?.('(pointer: coarse)').matches)
    return on(doc, 'mouseout', (e: MouseEvent) => !e.relatedTarget && e.clientY <= 0 && go());
  let y = win.scrollY;
  let t = start;
  return all(
    on(doc, 'visibilitychange', () => doc.hidden && go()),
    on(win, 'scroll', () => {
      const at = now();
      if ((y - win.scrollY) / (at - t || 1) >= FLICK) go();
      y = win.scrollY;
      t = at;
    }),
  );
};
