// The SQL every answer-reading endpoint starts from: each display's LAST response event (a display
// sends its answers so far after each question, so only its latest response is the whole story),
// and that response's answers one row per question.
import { where, type Filters } from './filters';
import type { Queryable } from './db';
import type { AnswerStats } from './kinds';

/** `WITH latest AS (…), answered AS (…)` for these filters; `params` receives their values. */
export function latestAnswers(filters: Filters, params: unknown[]): string {
  return `WITH latest AS (
      SELECT DISTINCT ON (survey_id, response_id) event_id, response_id, survey_id, answers, score, moment, path, device, locale, ts
      FROM ressenti_events ${where({ ...filters, type: 'response' }, params)}
      ORDER BY survey_id, response_id, ts DESC, received_at DESC),
    answered AS (
      SELECT l.*, a.key, a.value, CASE WHEN jsonb_typeof(a.value) = 'number' THEN (a.value)::float8 END AS num
      FROM latest l, jsonb_each(l.answers) a)`;
}

/** Per survey and question: what kinds.ts needs to tell what the answers are. */
export async function answerStats(db: Queryable, filters: Filters): Promise<Map<string, Map<string, AnswerStats>>> {
  const params: unknown[] = [];
  const rows = await db.query<AnswerStats & { survey_id: string; key: string }>(
    `${latestAnswers(filters, params)}
     SELECT survey_id, key, count(*)::int AS count, count(DISTINCT value)::int AS distinct,
            bool_and(num IS NOT NULL) AS numeric, min(num) AS min, max(num) AS max,
            bool_or(jsonb_typeof(value) = 'array') AS arrays,
            bool_and(value IN ('"up"'::jsonb, '"down"'::jsonb)) AS thumbs
     FROM answered GROUP BY survey_id, key`,
    params,
  );
  const stats = new Map<string, Map<string, AnswerStats>>();
  for (const { survey_id, key, ...s } of rows) {
    if (!stats.has(survey_id)) stats.set(survey_id, new Map());
    stats.get(survey_id)!.set(key, s);
  }
  return stats;
}
