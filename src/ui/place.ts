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
