import { all, type Stop } from '../platform/listen';
import type { Emit, Source } from './types';
import { exitIntent } from './exit';
import { rageClick } from './rage';
import { scroll } from './scroll';
import { dwell, idle } from './time';

// `:N` stands for the number in `scroll:50`.
const SOURCES = new Map<string, Source>([
  ['scroll:N', scroll],
  ['dwell:N', dwell],
  ['idle:N', idle],
  ['exit-intent', exitIntent],
  ['rage-click', rageClick],
]);

/**
 * Starts the sources these moment names need (`scroll:50`, `dwell:30`, `exit-intent`…), once each;
 * names of custom moments start nothing. Each fires at most once per start, except `rage-click`.
 */
export function startSources(names: Iterable<string>, emit: Emit, win: Window): Stop {
  const stops: Stop[] = [];
  for (const name of new Set(names)) {
    const source = SOURCES.get(name.replace(/:\d+(\.\d+)?$/, ':N'));
    if (!source) continue;
    const stop = source(
      (context) => {
        // Once fired, a one-shot source stops listening at once rather than at the next route change.
        if (source != rageClick) stop();
        emit(name, context);
      },
      win,
      +name.split(':')[1],
    );
    stops.push(stop);
  }
  return all(...stops);
}
