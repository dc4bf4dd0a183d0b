// The collector's JSON API as the dashboard sees it (README, "Collector API"), and the one way
// the dashboard reads it. Same origin: the `ressenti_token` cookie authenticates every call.

export type Kind = 'emoji' | 'rating' | 'nps' | 'thumbs' | 'choice' | 'text';

export interface SurveySummary {
  id: string;
  impressions: number;
  responses: number;
  completed: number;
  dismissals: number;
  lastAt?: string | null;
}

export interface Nps {
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface QuestionReport {
  id: string;
  text?: string;
  kind: Kind;
  scale?: number;
  count: number;
  distribution: { value: string | number; count: number }[];
  mean?: number;
  nps?: Nps;
}

export interface Funnel {
  impressions: number;
  answered: number;
  completed: number;
  dismissed: number;
}

export interface TrendDay extends Funnel {
  day: string;
  scores: { [questionId: string]: { count: number; mean?: number; nps?: Nps | number } };
}

export interface BreakdownRow {
  key: string;
  count: number;
  mean?: number;
}

export const DIMENSIONS = ['moment', 'path', 'device', 'locale'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Report {
  survey: string;
  funnel: Funnel;
  questions: QuestionReport[];
  trend: TrendDay[];
  breakdown: Partial<Record<Dimension, BreakdownRow[]>>;
}

export interface Comment {
  eventId: string;
  responseId: string;
  surveyId: string;
  questionId: string;
  text: string;
  score?: number | null;
  moment?: string;
  locale?: string;
  path?: string;
  device?: string;
  ts: string;
}

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
