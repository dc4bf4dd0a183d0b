// The collector's JSON API as the dashboard sees it, and the one way the dashboard reads it.
// Same origin: the `ressenti_token` cookie authenticates every call.

// The shapes are the collector's own (type-only imports, erased from the bundle): a change on the
// server side that the dashboard does not follow fails the type check.
import type { Comment } from '../comments';
import type { Funnel, QuestionReport, Report } from '../report';
import type { SurveySummary } from '../summary';

export type { Comment, Funnel, QuestionReport, Report, SurveySummary };
export type Nps = NonNullable<QuestionReport['nps']>;
export type TrendDay = Report['trend'][number];
export type Dimension = keyof Report['breakdown'];
export type BreakdownRow = Report['breakdown'][Dimension][number];

export const DIMENSIONS: Dimension[] = ['moment', 'path', 'device', 'locale'];

/** What the filter bar selects; every API call and export takes these. Empty means "any". */
export interface Filters {
  survey: string;
  from: string;
  to: string;
  moment: string;
  path: string;
  device: string;
  locale: string;
}

/** `?a=1&b=x` from the non-empty values (a blank filter is no filter). */
export function query(params: { [name: string]: string | number | null | undefined }): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value != null && value !== '') q.set(name, String(value));
  const s = q.toString();
  return s ? '?' + s : '';
}

/** GET `path` as JSON. Signed out (the token expired or was revoked): back to the login form. */
export async function get<T>(path: string, fetcher: typeof fetch = fetch): Promise<T> {
  const res = await fetcher(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) {
    location.assign('/results');
    throw new Error('signed out');
  }
  if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}
