import { describe, expect, test } from 'vitest';
import { leastCovered, type Box } from '../../src/ui/place';

/** A box from its left, top, width and height. */
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });

// A 1000×700 window and a 380×200 popover 16px from each corner, in the order the UI tries them.
const BOTTOM_RIGHT = box(604, 484, 380, 200);
const BOTTOM_LEFT = box(16, 484, 380, 200);
const TOP_RIGHT = box(604, 16, 380, 200);
const TOP_LEFT = box(16, 16, 380, 200);
const CENTER = box(310, 250, 380, 200);
const SPOTS = [BOTTOM_RIGHT, BOTTOM_LEFT, TOP_RIGHT, TOP_LEFT, CENTER];

describe('where a popover goes so that it is not in the way', () => {
  test('with nothing to avoid it takes the wanted spot, the first', () => {
    expect(leastCovered(SPOTS, [])).toBe(0);
    expect(leastCovered([TOP_LEFT, ...SPOTS], [])).toBe(0);
  });

  test('a chat launcher in the bottom-right corner sends it to the next spot, bottom-left', () => {
    expect(leastCovered(SPOTS, [box(920, 620, 60, 60)])).toBe(1);
  });

  test('a focused field along the whole bottom sends it to the top', () => {
    expect(leastCovered(SPOTS, [box(0, 600, 1000, 40)])).toBe(2);
  });

  test('what it would only touch edge to edge does not count as covered', () => {
    expect(leastCovered(SPOTS, [box(984, 484, 16, 200), box(604, 684, 380, 16)])).toBe(0);
  });

  test('boxes off screen or not rendered (all zeros) are never in the way', () => {
    expect(leastCovered(SPOTS, [box(0, 0, 0, 0), box(604, 900, 380, 200)])).toBe(0);
  });

  test('something in each corner leaves the centre', () => {
    const corners = [box(900, 600, 60, 60), box(40, 600, 60, 60), box(900, 40, 60, 60), box(40, 40, 60, 60)];
    expect(leastCovered(SPOTS, corners)).toBe(4);
  });

  test('when no spot is free it takes the one that covers the least, not the wanted one', () => {
    const everywhere = [box(0, 0, 1000, 700), box(900, 600, 60, 60)];
    expect(leastCovered(SPOTS, everywhere)).toBe(1);
  });

  // On a phone the spots are the bottom sheet, but for the top corners after the wanted one: a sheet at the top.
  const SHEET = box(0, 564, 390, 280);
  const TOP_SHEET = box(0, 0, 390, 280);
  const PHONE = [SHEET, SHEET, SHEET, TOP_SHEET, TOP_SHEET, SHEET];

  test('on a phone a sticky pay button at the bottom sends it to the sheet at the top', () => {
    expect(leastCovered(PHONE, [box(0, 788, 390, 56)])).toBe(3);
  });

  test('on a phone something under both sheets keeps it at the bottom, where the site wants it', () => {
    expect(leastCovered(PHONE, [box(0, 0, 390, 844)])).toBe(0);
  });
});
