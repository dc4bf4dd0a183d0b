import { all, on, type Stop } from '../platform/listen';

/**
 * Keeps a popover above the on-screen keyboard, which on phones covers the page without resizing
 * it: `--keyboard` on the host (in `vars`) is how much of the window's bottom the visual viewport does
 * not show; the styles lift a phone's sheet by that much and fit it in the rest. On a page shown
 * zoomed out (a desktop-only page on a phone: 980px wide, at 0.4), the host is zoomed back to the
 * screen's size, so that its text stays readable and its targets big enough to tap.
 */
export function followViewport(win: Window, vars: CSSStyleDeclaration): Stop {
  const view = win.visualViewport;
  if (!view) return () => {};
  const follow = () => {
    const zoom = Math.max(1, 1 / view.scale);
    // Important: the host's `all: initial` (styles.ts) would reset it. Its insets are zoomed too, hence the division.
    vars.setProperty('zoom', '' + zoom, 'important');
    vars.setProperty('--keyboard', (win.innerHeight - view.height - view.offsetTop) / zoom + 'px');
  };
  follow();
  return all(on(view, 'resize', follow), on(view, 'scroll', follow));
}

/** How far down a finger must move, from the top of the card's content, for a swipe to dismiss it. */
const SWIPE_PX = 80;

/** Swipe down to dismiss: a touch that starts with the card scrolled to its top and ends SWIPE_PX lower calls `dismiss`. */
export function swipeDown(root: ShadowRoot, card: HTMLElement, dismiss: () => void): Stop {
  let from = NaN;
  const y = (e: Event) => (e as TouchEvent).changedTouches[0].clientY;
  return all(
    on(root, 'touchstart', (e) => (from = card.scrollTop > 0 ? NaN : y(e))),
    on(root, 'touchend', (e) => y(e) - from > SWIPE_PX && dismiss()),
  );
}
