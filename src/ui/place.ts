import { on, type Stop } from '../platform/listen';
import type { Position } from '../types';

/** A rectangle in viewport pixels, as `getBoundingClientRect()` gives it. */
export type Box = Pick<DOMRectReadOnly, 'left' | 'top' | 'right' | 'bottom'>;

/** How many square pixels `a` and `b` share. */
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Where a popover is least in the way: the index of the spot (the box it would take) that covers
 * the least of the `avoid` boxes, in square pixels; of equals, the first, so the wanted spot goes
 * first. When every spot covers something, the least covered one is still better for the visitor
 * than a survey that never shows or one that waits for a chat launcher that never goes away.
 */
export function leastCovered(spots: Box[], avoid: Box[]): number {
  const covered = spots.map((spot) => avoid.reduce((sum, box) => sum + overlap(spot, box), 0));
  return covered.indexOf(Math.min(...covered));
}

/** Where the corners are in logical terms: `right` is the inline end, so a right-to-left host mirrors them. */
const SIDES = { top: 'block-start', bottom: 'block-end', left: 'inline-start', right: 'inline-end' };

/** The insets of a popover at `position`, 16px from its corner; `center` centres it (with margin: auto). */
const inset = (position: Position = 'bottom-right') =>
  position == 'center' ? 'inset:0!important' : 'inset:auto!important;' + position.split('-').map((side) => `inset-${SIDES[side as 'top']}:16px!important`).join(';');

/**
 * What a popover must not cover: the focused element (the shadow host or frame focus is in), the
 * deepest one under the pointer (`:is(*)`, because quirks mode matches a bare `:hover` on links
 * only; `:is()` ignores `:has` where it is unknown), and every `[data-ressenti-avoid]`; never the
 * popover's own `host` (the visitor may be on it).
 */
export const inTheWay = (doc: Document, host: Element): Box[] =>
  [doc.activeElement, ...doc.querySelectorAll(':is(body :hover:not(:has(:hover:is(*)))),[data-ressenti-avoid]')]
    .filter((el) => el && el != doc.body && el != host)
    .map((el) => el!.getBoundingClientRect());

/**
 * Keeps a popover `host`, whose position `rule` sets, where it covers the least of `avoid`: the
 * `want`ed position, else the first other one that covers less. Each is measured as the page lays
 * it out (its direction, the card's size, a phone's sheet). On a phone every position is the
 * bottom sheet, so the top ones other than the wanted one are a sheet at the top (`data-top`, see
 * styles.ts): a sticky pay button stays in reach, and a site's `top-*` still gets the bottom sheet.
 * When the window changes size everything on the page moves, so it looks again (not on scroll:
 * a popover must not jump while the visitor uses it); its `avoid` are then what is in the way now.
 */
export function outOfTheWay(win: Window, host: Element, rule: CSSStyleDeclaration, want: Position | undefined, avoid: Box[]): Stop {
  const spots = [want, 'bottom-right', 'bottom-left', 'top-right', 'top-left', 'center'] as const;
  const at = (spot: Position | undefined, i: number) => {
    host.toggleAttribute('data-top', i > 0 && spot![0] == 't');
    rule.cssText = inset(spot);
    return host.getBoundingClientRect();
  };
  const place = (boxes: Box[]) => {
    const best = leastCovered(spots.map(at), boxes);
    at(spots[best], best);
  };
  place(avoid);
  return on(win, 'resize', () => place(inTheWay(win.document, host)));
}
