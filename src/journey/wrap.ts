import type { Stop } from '../platform/listen';

/**
 * Wraps the page's `obj[key]` method so that `then(args)` runs after each call. The page's calls
 * still work and return what they did; an error of ours never surfaces in them. The disposer
 * restores the method if it is still ours; if another script wrapped it since, ours stays in its
 * chain, silent.
 */
export function wrap<T extends object>(obj: T, key: keyof T, then: (args: unknown[]) => void): Stop {
  const own = {}.hasOwnProperty.call(obj, key);
  const original = obj[key] as (...args: unknown[]) => unknown;
  let live = true;
  const ours = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    try {
      if (live) then(args);
    } catch (err) {
      console.error('[ressenti]', err);
    }
    return result;
  };
  obj[key] = ours as T[keyof T];
  return () => {
    live = false;
    if (obj[key] != ours) return;
    if (own) obj[key] = original as T[keyof T];
    else delete obj[key];
  };
}
