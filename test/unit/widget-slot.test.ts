import { describe, expect, it, vi } from 'vitest';
import { clear, free, IDLE, INVITED, leave, phase, show, SHOWN, take, thank, THANKS, WAITING, type Slot } from '../../src/widget/slot';

/** A slot held by a moment's survey (WAITING), or an invitation (INVITED), with spies for its stop. */
function held(to: typeof WAITING | typeof INVITED = WAITING) {
  const slot: Slot = {};
  const stop = vi.fn();
  const claim = take(slot, to, stop)!;
  return { slot, stop, claim };
}

describe('the popover slot', () => {
  it('starts idle', () => {
    expect(phase({})).toBe(IDLE);
  });

  it('take: idle → waiting for a moment, → invited for show or a link', () => {
    expect(phase(held(WAITING).slot)).toBe(WAITING);
    expect(phase(held(INVITED).slot)).toBe(INVITED);
  });

  it('take: refused while a survey waits, is invited or on screen (one at a time)', () => {
    for (const to of [WAITING, INVITED] as const) {
      const { slot, claim } = held(to);
      expect(take(slot, WAITING)).toBeUndefined();
      expect(take(slot, INVITED)).toBeUndefined();
      show(slot, claim, () => {});
      expect(take(slot, INVITED)).toBeUndefined();
      expect(slot._claim).toBe(claim);
    }
  });

  it('show: waiting or invited → on screen, and its stop now takes the survey off screen', () => {
    const { slot, claim, stop } = held();
    const off = vi.fn();
    show(slot, claim, off);
    expect(phase(slot)).toBe(SHOWN);
    clear(slot);
    expect(off).toHaveBeenCalledOnce();
    expect(stop).not.toHaveBeenCalled();
  });

  it('thank: on screen → thanks once the last answer is given', () => {
    const { slot, claim } = held();
    show(slot, claim, () => {});
    thank(slot, claim);
    expect(phase(slot)).toBe(THANKS);
  });

  it('take(INVITED) on a thanks screen takes it off and holds the slot: an invitation beats a thank-you', () => {
    const { slot, claim } = held();
    const off = vi.fn();
    show(slot, claim, off);
    thank(slot, claim);
    expect(take(slot, WAITING)).toBeUndefined(); // a moment's survey still waits its turn
    expect(off).not.toHaveBeenCalled();
    const invited = take(slot, INVITED);
    expect(off).toHaveBeenCalledOnce();
    expect(slot._claim).toBe(invited);
    expect(phase(slot)).toBe(INVITED);
  });

  it('free: the claim gave up, failed to render or closed → idle', () => {
    const { slot, claim } = held();
    free(slot, claim);
    expect(phase(slot)).toBe(IDLE);
    expect(take(slot, WAITING)).toBeDefined();
  });

  it('a stale claim (taken back meanwhile) changes nothing', () => {
    const { slot, claim } = held();
    free(slot, claim);
    const next = take(slot, INVITED)!;
    show(slot, claim, () => {});
    thank(slot, claim);
    free(slot, claim);
    expect(slot._claim).toBe(next);
    expect(phase(slot)).toBe(INVITED);
  });

  it('leave (a route change) cancels a moment’s survey still waiting', () => {
    const { slot, stop } = held(WAITING);
    leave(slot);
    expect(stop).toHaveBeenCalledOnce();
    expect(phase(slot)).toBe(IDLE);
  });

  it('leave keeps an invitation loading, and a survey on screen or thanking', () => {
    const invited = held(INVITED);
    leave(invited.slot);
    expect(invited.stop).not.toHaveBeenCalled();
    expect(phase(invited.slot)).toBe(INVITED);
    for (const finished of [false, true]) {
      const { slot, claim } = held();
      const off = vi.fn();
      show(slot, claim, off);
      if (finished) thank(slot, claim);
      leave(slot);
      expect(off).not.toHaveBeenCalled();
      expect(phase(slot)).toBe(finished ? THANKS : SHOWN);
    }
  });

  it('clear (destroy) stops whatever holds the slot, once, and leaves it idle', () => {
    for (const to of [WAITING, INVITED] as const) {
      const { slot, stop } = held(to);
      clear(slot);
      clear(slot);
      expect(stop).toHaveBeenCalledOnce();
      expect(phase(slot)).toBe(IDLE);
    }
  });

  it('the slot is idle again before a stop runs, so a stop that frees its own claim does no harm', () => {
    const slot: Slot = {};
    let seen = -1;
    const claim = take(slot, WAITING, () => {
      seen = phase(slot);
      free(slot, claim);
    })!;
    clear(slot);
    expect(seen).toBe(IDLE);
  });
});
