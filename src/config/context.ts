import { json } from '../platform/json';
import type { Context } from '../types';

/**
 * A copy of `context` that JSON can carry, taken when it is given (so that storing and sending an
 * event cannot throw later): values JSON cannot carry (circular objects, BigInt, functions,
 * throwing getters) are left out, with one warning naming them.
 */
export function jsonSafe(given?: Context | null): Context {
  const context = given || {};
  const safe: Context = {};
  const left: string[] = [];
  // Own keys only: for…in would also walk what a page added to Object.prototype (Prototype.js's toJSON).
  for (const key of Object.keys(context)) {
    try {
      const value = context[key];
      // undefined stays: it takes a key out of the page context. A function becomes undefined in JSON: the parse throws,
      // as a circular value overflows the stack. Our `json`, not JSON.stringify: a page may have patched it or a toJSON.
      safe[key] = value === undefined ? value : JSON.parse(json(value)!);
    } catch {
      left.push(key);
    }
  }
  if (left[0]) console.warn(`[ressenti] context: ${left.join(', ')} left out (JSON cannot carry them)`);
  return safe;
}
