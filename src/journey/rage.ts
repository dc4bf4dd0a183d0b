import { now } from '../platform/clock';
import { on } from '../platform/listen';
import type { Source } from './types';

const WINDOW_MS = 700;
const RADIUS_PX = 30;

/**
 * `rage-click`: three clicks or more within WINDOW_MS and RADIUS_PX. Context names the element.
 * Fires again after another burst.
 */
export const rageClick: Source = (fire, win) => {
  let clicks: number[][] = [];
  return on(
    win.document,
    'click',
    (e: MouseEvent) => {
      const el = e.target as Element;
      // Keyboard and scripted clicks have no position; quick taps on our own scale are not frustration.
      if (!e.detail || el.closest?.('[data-ressenti-host]')) return;
      const t = now();
      const { clientX: x, clientY: y } = e;
      clicks = clicks.filter(([ct, cx, cy]) => t - ct <= WINDOW_MS && Math.hypot(cx - x, cy - y) <= RADIUS_PX);
      if (clicks.push([t, x, y]) < 3) return;
      clicks = [];
      fire({
        elementTag: el.localName,
        elementId: el.id || undefined,
        elementText: el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40),
      });
    },
    true,
  );
};
