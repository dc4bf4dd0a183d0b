import { all, type Stop } from '../platform/listen';
import type { Context } from '../types';
import type { Emit, Source } from './types';
import { exitIntent } from './exit';
import { rageClick } from './rage';
import { scroll } from './scroll';
import { dwell, idle } from './time';

// Keys ending in ":" take a number (`scroll:50`); the others are whole names.
const SOURCES = new Map<string, Source>([
  ['scroll:', scroll],
  ['dwell:', dwell],
  ['idle:', idle],
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
    const cut = name.indexOf(':') + 1;
    const source = SOURCES.get(cut ? name.slice(0, cut) : name);
    const arg = name.slice(cut);
    if (!source || (cut && !/^\d+(\.\d+)?$/.test(arg))) continue;
    let done = false;
    let stop: Stop = () => {};
    const fire = (context?: Context) => {
      if (done) return;
      // Once fired, a one-shot source stops listening at once rather than at the next route change.
      if (source != rageClick) {
        done = true;
        stop();
      }
      emit(name, context);
    };
    stop = source(fire, win, +arg);
    if (done) stop(); // fired while starting
    stops.push(() => {
      done = true;
      stop();
    });
  }
  return all(...stops);
}
