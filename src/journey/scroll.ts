import { after, all, on } from '../platform/listen';
import type { Source } from './types';

/** How long a page (or a new SPA route) gets to render before its height is judged. */
const SETTLE_MS = 1000;

/** `scroll:N`: N % of the scrollable height reached; a page that does not scroll has reached it. */
export const scroll: Source = (fire, win, n) => {
  const doc = win.document;
  // One pixel of slack: zoomed pages stop a fraction short of the bottom.
  const check = () => (win.scrollY + 1) * 100 >= (doc.documentElement.scrollHeight - win.innerHeight) * n && fire();
  return all(
    on(win, 'scroll', check),
    doc.readyState == 'complete' ? after(win, SETTLE_MS, check) : on(win, 'load', check),
  );
};
