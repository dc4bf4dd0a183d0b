import { all, type Stop } from '../platform/listen';
import type { Emit, Source } from './types';
import { exitIntent } from './exit';
import { rageClick } from './rage';
import { scroll } from './scroll';
import { dwell, idle } from './time';

/** A built-in moment source: how it starts, and what else the rest of the widget must know of it. */
export interface SourceSpec {
  start: Source;
  /** A `name:N` source (`dwell:30`): whether it takes this N. */
  n?: (n: number) => boolean;
  /** Fires on every occurrence, not once per page view. */
  repeats?: boolean;
}

export type SourceName = 'scroll' | 'dwell' | 'idle' | 'exit-intent' | 'rage-click';

const SECONDS = (n: number) => n > 0;

/** Every built-in moment source, by the name a survey's `on` uses (before `:N`). */
export const SOURCES: Record<SourceName, SourceSpec> = {
  scroll: { start: scroll, n: (n) => n % 1 == 0 && n >= 1 && n <= 100 },
  dwell: { start: dwell, n: SECONDS },
  idle: { start: idle, n: SECONDS },
  'exit-intent': { start: exitIntent },
  'rage-click': { start: rageClick, repeats: true },
};

/**
 * The source a moment name starts, with its N as written (`dwell:30` → dwell, "30"; "" for a source
 * without N), or undefined for a custom moment (`purchase`; also `scroll` without N).
 */
export function sourceOf(name: string): [SourceSpec, string] | undefined {
  const colon = name.indexOf(':');
  // Partial: names such as `constructor` find Object.prototype's members, which have no `start`.
  const spec = SOURCES[(colon < 0 ? name : name.slice(0, colon)) as SourceName] as Partial<SourceSpec> | undefined;
  if (spec?.start && (colon < 0) != !!spec.n) return [spec as SourceSpec, colon < 0 ? '' : name.slice(colon + 1)];
}

/** Whether a moment name is valid: a custom moment, or a source's name with an N it takes, written plainly (`scroll:50`, not `scroll:5e1` or `scroll:050`). */
export function validMoment(name: string): boolean {
  const [spec, n] = sourceOf(name) || [];
  return !spec?.n || (String(+n!) == n && spec.n(+n));
}

/**
 * Starts the sources these moment names need (`scroll:50`, `dwell:30`, `exit-intent`…), once each;
 * names of custom moments start nothing. Each fires at most once per start, unless it `repeats`.
 */
export function startSources(names: Iterable<string>, emit: Emit, win: Window): Stop {
  const stops: Stop[] = [];
  for (const name of new Set(names)) {
    const found = sourceOf(name);
    // Names come validated; still, an N that is no number (`scroll:abc`) starts nothing.
    if (!found || (found[0].n && !/^\d+(\.\d+)?$/.test(found[1]))) continue;
    const [{ start, repeats }, n] = found;
    const stop = start(
      (context) => {
        // Once fired, a one-shot source stops listening at once rather than at the next route change.
        if (!repeats) stop();
        emit(name, context);
      },
      win,
      +n,
    );
    stops.push(stop);
  }
  return all(...stops);
}
