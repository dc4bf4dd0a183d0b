// GET /api/surveys: every survey with events (and every defined one), with its counts of displays.
import type { Queryable } from './db';
import type { Definitions } from './definitions';
import { where, type Filters } from './filters';

export interface SurveySummary {
  id: string;
  impressions: number;
  /** Displays with at least one response event. */
  responses: number;
  /** Displays with a complete response. */
  completed: number;
  dismissals: number;
  /** Time of the latest event, ISO 8601; null for a defined survey without any event. */
  lastAt: string | null;
}

export async function surveys(db: Queryable, defined: Definitions, filters: Filters): Promise<SurveySummary[]> {
  const params: unknown[] = [];
  const rows = await db.query<Omit<SurveySummary, 'lastAt'> & { last_at: Date }>(
    `SELECT survey_id AS id,
            count(DISTINCT response_id) FILTER (WHERE type = 'impression')::int AS impressions,
            count(DISTINCT response_id) FILTER (WHERE type = 'response')::int AS responses,
            count(DISTINCT response_id) FILTER (WHERE type = 'response' AND complete)::int AS completed,
            count(DISTINCT response_id) FILTER (WHERE type = 'dismissal')::int AS dismissals,
            max(ts) AS last_at
     FROM ressenti_events ${where({ ...filters, survey: undefined }, params)}
     GROUP BY survey_id ORDER BY max(ts) DESC, survey_id`,
    params,
  );
  const list: SurveySummary[] = rows.map(({ last_at, ...r }) => ({ ...r, lastAt: new Date(last_at).toISOString() }));
  for (const id of defined.keys()) {
    if (!list.some((s) => s.id === id)) list.push({ id, impressions: 0, responses: 0, completed: 0, dismissals: 0, lastAt: null });
  }
  return list;
}
