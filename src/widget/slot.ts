import type { Stop } from '../platform/listen';

/*
 * The one popover slot: at most one popover is on screen or on its way. A survey holds it with a
 * claim, whose phase says where it is; each transition is a function below.
 *
 *        take(WAITING) ──▶ WAITING ──show──┐          (a moment's survey: delay, UI, form field)
 *   IDLE                                   ├──▶ SHOWN ──thank──▶ THANKS
 *        take(INVITED) ──▶ INVITED ──show──┘          (`show` or a link: the UI download)
 *
 *   back to IDLE: free (gave up, failed to render, closed), leave (a route change: WAITING only),
 *   clear (destroy: anything); take(INVITED) also ends THANKS (an invitation beats a thank-you).
 */
export const IDLE = 0;
export const WAITING = 1;
export const INVITED = 2;
export const SHOWN = 3;
export const THANKS = 4;
export type Phase = typeof IDLE | typeof WAITING | typeof INVITED | typeof SHOWN | typeof THANKS;

/** One survey's hold on the slot; `_stop` cancels its wait, or takes it off screen. */
export interface Claim {
  _phase: Phase;
  _stop: Stop;
}

/** The slot; `_claim` is absent when idle. A transition with a claim that no longer holds it does nothing. */
export interface Slot {
  _claim?: Claim;
}

export const phase = (slot: Slot): Phase => slot._claim?._phase || IDLE;

/**
 * IDLE → WAITING or INVITED: the new claim, or undefined when the slot is taken. An invitation
 * ends a thanks screen first.
 */
export function take(slot: Slot, to: typeof WAITING | typeof INVITED, stop: Stop = () => {}): Claim | undefined {
  if (to == INVITED && phase(slot) == THANKS) clear(slot);
  if (!slot._claim) return (slot._claim = { _phase: to, _stop: stop });
}

/** WAITING or INVITED → SHOWN: the survey is on screen; `stop` now takes it off. */
export function show(slot: Slot, claim: Claim, stop: Stop) {
  if (slot._claim == claim) (claim._phase = SHOWN), (claim._stop = stop);
}

/** SHOWN → THANKS: the survey is answered; its thanks screen may give way to an invitation. */
export function thank(slot: Slot, claim: Claim) {
  if (slot._claim == claim) claim._phase = THANKS;
}

/** → IDLE: the claim gave up, failed or closed. */
export function free(slot: Slot, claim: Claim) {
  if (slot._claim == claim) slot._claim = undefined;
}

/** A route change: a moment's survey still waiting belongs to the page left; invitations and surveys on screen stay. */
export function leave(slot: Slot) {
  if (phase(slot) == WAITING) clear(slot);
}

/** → IDLE from anything (destroy): stops the claim's wait, or takes its survey off screen. */
export function clear(slot: Slot) {
  const claim = slot._claim;
  slot._claim = undefined;
  claim?._stop();
}
