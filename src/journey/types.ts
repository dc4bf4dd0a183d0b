import type { Stop } from '../platform/listen';
import type { Context } from '../types';

/** Reports a moment: its name and the context that rides along. */
export type Emit = (name: string, context?: Context) => void;

/**
 * A per-page-view source: calls `fire` when its moment happens, always from an event or a timer
 * (never while starting); `n` is the number in `scroll:50`.
 */
export type Source = (fire: (context?: Context) => void, win: Window, n: number) => Stop;
