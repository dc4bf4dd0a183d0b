import { all, type Stop } from '../platform/listen';
import { exitIntent } from './exit';
import { rageClick } from './rage';
import { scroll } from './scroll';
import { sourceOf, type SourceName } from './sources';
import { dwell, idle } from './time';
import type { Emit, Source } from './types';

/*
 * The code of the built-in moment sources: the script tag fetches it (`ressenti-sources.min.js`; the
 * npm build, a chunk) only on a page whose surveys listen for one, so that the script every visitor
 * loads does not carry exit intent, rage clicks, scroll depth or timers for sites that use none.
 */

/** How each built-in source starts; journey/sources.ts has what else is known of it. */
export const STARTS: Record<SourceName, Source> = {
  scroll,
  dwell,
  idle,
  'exit-intent': exitIntent,
  'rage-click': rageClick,
};

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
    const [{ repeats }, n, base] = found;
    const stop = STARTS[base](
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
