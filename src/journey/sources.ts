/*
 * The built-in moment sources as the script on every page knows them: their names and the N they
 * take, enough to validate a survey's `on` and to tell whether a page needs any. Their code (how
 * each starts) is in journey/start.ts, fetched only by a page whose surveys listen for one.
 */

/** A built-in moment source, as the rest of the widget must know it. */
export interface SourceSpec {
  /** A `name:N` source (`dwell:30`): whether it takes this N. */
  n?: (n: number) => boolean;
  /** Fires on every occurrence, not once per page view. */
  repeats?: boolean;
}

export type SourceName = 'scroll' | 'dwell' | 'idle' | 'exit-intent' | 'rage-click';

const SECONDS = (n: number) => n > 0;

/** Every built-in moment source, by the name a survey's `on` uses (before `:N`). */
export const SOURCES: Record<SourceName, SourceSpec> = {
  scroll: { n: (n) => n % 1 == 0 && n >= 1 && n <= 100 },
  dwell: { n: SECONDS },
  idle: { n: SECONDS },
  'exit-intent': {},
  'rage-click': { repeats: true },
};

/**
 * The source a moment name starts, with its N as written (`dwell:30` → dwell, "30"; "" for a source
 * without N), or undefined for a custom moment (`purchase`; also `scroll` without N).
 */
export function sourceOf(name: string): [SourceSpec, string, SourceName] | undefined {
  const colon = name.indexOf(':');
  const base = colon < 0 ? name : name.slice(0, colon);
  // Own names only: `constructor` must not find Object.prototype's.
  const spec = {}.hasOwnProperty.call(SOURCES, base) ? SOURCES[base as SourceName] : undefined;
  if (spec && (colon < 0) != !!spec.n) return [spec, colon < 0 ? '' : name.slice(colon + 1), base as SourceName];
}

/** Whether a moment name is valid: a custom moment, or a source's name with an N it takes, written plainly (`scroll:50`, not `scroll:5e1` or `scroll:050`). */
export function validMoment(name: string): boolean {
  const [spec, n] = sourceOf(name) || [];
  return !spec?.n || (String(+n!) == n && spec.n(+n));
}
