import type { Device } from '../types';

/**
 * Device class from the viewport width and the primary pointer: a coarse pointer on a narrow
 * screen is a phone, on a medium one a tablet; everything else is a desktop.
 */
export function detectDevice(win: Window): Device {
  // A phone lays out a page without a viewport meta 980 px wide: its screen tells the truth.
  const width = Math.min(win.innerWidth, win.screen.width);
  return width < 768 ? 'mobile' : width < 1280 && win.matchMedia('(pointer: coarse)').matches ? 'tablet' : 'desktop';
}

/** The locale: forced, else `<html lang>`, else the browser's, else `en`. */
export function detectLocale(win: Window, forced?: string): string {
  return forced || win.document.documentElement.lang || win.navigator.language || 'en';
}
