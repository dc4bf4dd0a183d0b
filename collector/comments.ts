// GET /api/comments: what visitors wrote, newest first, from each display's latest answers.
import type { Queryable } from './db';
import type { Definitions } from './definitions';
import type { Filters } from './filters';
import { answerStats, latestAnswers } from './latest';
import { questionsOf } from './report';

export interface Comment {
  eventId: string;
  responseId: string;
  surveyId: string;
  questionId: string;
  text: string;
  /** The response's first numeric answer (its rating, NPS, face), when it has one. */
  score?: number;
  moment: string | null;
  locale: string | null;
  path: string | null;
  device: string | null;
  ts: string;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

const number = (query: URLSearchParams, key: string) => {
  const value = query.get(key);
  return value === null || value === '' ? undefined : Number(value);
};

/** `before` (an ISO time: the `ts` of the last comment of the previous page) pages back in time. */
export async function comments(db: Queryable, defined: Definitions, filters: Filters, query: URLSearchParams): Promise<{ comments: Comment[] } | { error: string }> {
  const min = number(query, 'minScore');
  const max = number(query, 'maxScore');
  const limit = number(query, 'limit') ?? DEFAULT_LIMIT;
  const before = query.get('before');
  if ([min, max].some((n) => n !== undefined && !Number.isFinite(n))) return { error: 'minScore, maxScore: must be numbers' };
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { error: `limit: must be a whole number from 1 to ${MAX_LIMIT}` };
  if (before && Number.isNaN(Date.parse(before))) return { error: 'before: must be an ISO 8601 date-time' };

  // Text questions only: a choice's option or a thumb is an answer, not a comment.
  const stats = await answerStats(db, filters);
  const textQuestions = [...stats].flatMap(([survey, byKey]) =>
    questionsOf(defined, survey, byKey)
      .filter((q) => q.kind === 'text')
      .map((q) => `${survey}\u0001${q.id}`),
  );
  const params: unknown[] = [];
  const sql = `${latestAnswers(filters, params)}
    SELECT event_id, response_id, survey_id, key AS question_id, value #>> '{}' AS text, score, moment, locale, path, device, ts
    FROM answered
    WHERE jsonb_typeof(value) = 'string' AND value #>> '{}' <> '' AND survey_id || chr(1) || key = ANY($${params.push(textQuestions)}::text[])
      ${min !== undefined ? `AND score >= $${params.push(min)}` : ''}
      ${max !== undefined ? `AND score <= $${params.push(max)}` : ''}
      ${before ? `AND ts < $${params.push(before)}` : ''}
    ORDER BY ts DESC, event_id, key LIMIT $${params.push(limit)}`;
  const rows = await db.query<Record<string, string> & { score: number | null; ts: Date }>(sql, params);
  return {
    comments: rows.map((r) => ({
      eventId: r.event_id,
      responseId: r.response_id,
      surveyId: r.survey_id,
      questionId: r.question_id,
      text: r.text,
      ...(r.score !== null && { score: r.score }),
      moment: r.moment,
      locale: r.locale,
      path: r.path,
      device: r.device,
      ts: new Date(r.ts).toISOString(),
    })),
  };
}
