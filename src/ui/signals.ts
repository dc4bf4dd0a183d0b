// The little reactivity the UI needs, in place of @preact/signals-core (1.4 KB brotli of the UI
// file for a graph of cached computeds, batches and dependency pruning). Our one card is rendered
// whole by one effect (open.ts), so a signal only has to run again the effects that read it.
import type { Stop } from '../platform/listen';

/** The effect running now: a signal read while it runs runs it again when the signal changes. */
let running: (() => void) | undefined;

export interface Signal<T> {
  value: T;
}

/** A value that runs again, synchronously, the effects that read it when it changes (`!==`). */
export function signal<T>(value: T): Signal<T> {
  const readers = new Set<() => void>();
  return {
    get value() {
      if (running) readers.add(running);
      return value;
    },
    set value(next) {
      if (next === value) return;
      value = next;
      readers.forEach((run) => run());
    },
  };
}

/**
 * A value derived from signals, worked out again at every read: never stale, and cheap here (the
 * flow of a few questions, a table of strings). An effect reading it reads the signals it reads.
 */
export const computed = <T>(derive: () => T): { readonly value: T } => ({
  get value() {
    return derive();
  },
});

/**
 * Runs `fn` now and whenever a signal it read changes; what `fn` returns is called before the
 * next run and at the stop. A change made while `fn` runs (a focus handler setting a signal) runs
 * it once more after, not inside itself. Returns the stop.
 */
export function effect(fn: () => void | Stop): Stop {
  let cleanup: void | Stop;
  let busy = false;
  let again = false;
  let live = true;
  const run = () => {
    if (!live) return;
    if (busy) return void (again = true);
    busy = true;
    const outer = running;
    running = run;
    try {
      do {
        again = false;
        cleanup?.();
        cleanup = fn();
      } while (again && live);
    } finally {
      running = outer;
      busy = false;
    }
  };
  run();
  return () => {
    live = false;
    cleanup?.();
  };
}
