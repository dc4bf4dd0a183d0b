// GET /api/report: one survey's funnel, answers per question, daily trend and breakdowns.
// Every figure is aggregated by the database; only small summaries come back to Node.
import type { Queryable } from './db';
import type { Definitions } from './definitions';
import { where, type Filters } from './filters';
import { isNumeric, kindOf, nps, type AnswerStats, type Kind } from './kinds';
import { answerStats, latestAnswers } from './latest';

export interface Funnel {
  impressions: number;
  answered: number;
  completed: number;
  dismissed: number;
}

export interface Score {
  count: number;
  mean?: number;
  nps?: ReturnType<typeof nps>;
}

export interface QuestionReport extends Score {
  id: string;
  text?: string;
  kind: Kind;
  scale?: number;
  distribution: { value: unknown; count: number }[];
}

export interface Report {
  survey: string;
  funnel: Funnel;
  questions: QuestionReport[];
  trend: (Funnel & { day: string; scores: Record<string, Score> })[];
  breakdown: Record<Dimension, { key: string; count: number; mean?: number }[]>;
}

const DIMENSIONS = ['moment', 'path', 'device', 'locale'] as const;
type Dimension = (typeof DIMENSIONS)[number];
/** Rows per breakdown: the most frequent keys. */
const BREAKDOWN_KEYS = 50;

const round = (x: number) => Math.round(x * 100) / 100;
const DAY = `to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/** A survey's questions: the defined ones in their order, then any others answered, most answered first. */
export function questionsOf(defined: Definitions, survey: string, stats: Map<string, AnswerStats> = new Map()) {
  const definitions = defined.get(survey) ?? [];
  const empty: AnswerStats = { count: 0, distinct: 0, numeric: false, min: null, max: null, arrays: false, thumbs: false };
  const extra = [...stats.keys()].filter((k) => !definitions.some((q) => q.id === k)).sort((a, b) => stats.get(b)!.count - stats.get(a)!.count);
  return [...definitions.map((q) => q.id), ...extra].map((id) => {
    const q = definitions.find((d) => d.id === id);
    const s = stats.get(id) ?? empty;
    return { id, ...(q?.text !== undefined && { text: q.text }), ...kindOf(q, s), count: s.count };
  });
}

/** Scores from count, mean and (0–10 answers) promoters/detractors, as the kind calls for. */
function score(kind: Kind, row: { count: number; mean: number | null; promoters: number; detractors: number }): Score {
  if (!isNumeric(kind)) return { count: row.count };
  const result: Score = { count: row.count, ...(row.mean !== null && { mean: round(row.mean) }) };
  if (kind === 'nps') result.nps = nps(row.promoters, row.count - row.promoters - row.detractors, row.detractors);
  return result;
}

const FUNNEL = `count(DISTINCT response_id) FILTER (WHERE type = 'impression')::int AS impressions,
  count(DISTINCT response_id) FILTER (WHERE type = 'response')::int AS answered,
  count(DISTINCT response_id) FILTER (WHERE type = 'response' AND complete)::int AS completed,
  count(DISTINCT response_id) FILTER (WHERE type = 'dismissal')::int AS dismissed`;

export async function report(db: Queryable, defined: Definitions, filters: Filters & { survey: string }): Promise<Report> {
  const stats = (await answerStats(db, filters)).get(filters.survey);
  const questions = questionsOf(defined, filters.survey, stats);
  const listed = questions.filter((q) => q.kind !== 'text').map((q) => q.id); // text answers are read through /api/comments
  const numeric = questions.filter((q) => isNumeric(q.kind)).map((q) => q.id);

  let params: unknown[] = [];
  const distribution = await db.query<{ key: string; value: unknown; count: number }>(
    `${latestAnswers(filters, params)}
     SELECT key, e.value, count(*)::int AS count
     FROM answered, jsonb_array_elements(CASE WHEN jsonb_typeof(value) = 'array' THEN value ELSE jsonb_build_array(value) END) e(value)
     WHERE key = ANY($${params.push(listed)}::text[]) GROUP BY key, e.value`,
    params,
  );

  params = [];
  const funnels = await db.query<Funnel & { day: string | null }>(
    `SELECT ${DAY} AS day, ${FUNNEL} FROM ressenti_events ${where(filters, params)} GROUP BY GROUPING SETS ((${DAY}), ()) ORDER BY day`,
    params,
  );

  params = [];
  const scores = await db.query<{ day: string | null; key: string; count: number; mean: number | null; promoters: number; detractors: number }>(
    `${latestAnswers(filters, params)}
     SELECT ${DAY} AS day, key, count(*)::int AS count, avg(num) AS mean,
            count(*) FILTER (WHERE num >= 9)::int AS promoters, count(*) FILTER (WHERE num <= 6)::int AS detractors
     FROM answered WHERE num IS NOT NULL AND key = ANY($${params.push(numeric)}::text[])
     GROUP BY GROUPING SETS ((${DAY}, key), (key))`,
    params,
  );

  params = [];
  const first = numeric[0] ?? null; // breakdown means are over the first numeric question
  const groups = await db.query<{ dimension: Dimension; key: string; count: number; mean: number | null }>(
    `${latestAnswers(filters, params)}
     SELECT d.dimension, d.key, count(*)::int AS count,
            avg(CASE WHEN jsonb_typeof(answers -> $${params.push(first)}::text) = 'number' THEN (answers -> $${params.length}::text)::float8 END) AS mean
     FROM latest, LATERAL (VALUES ('moment', moment), ('path', path), ('device', device), ('locale', locale)) d(dimension, key)
     WHERE d.key IS NOT NULL GROUP BY d.dimension, d.key`,
    params,
  );

  const kindOfKey = new Map(questions.map((q) => [q.id, q.kind]));
  const overall = funnels.find((f) => f.day === null);
  return {
    survey: filters.survey,
    funnel: overall ? funnelOf(overall) : { impressions: 0, answered: 0, completed: 0, dismissed: 0 },
    questions: questions.map((q) => {
      const total = scores.find((s) => s.day === null && s.key === q.id);
      return {
        ...q,
        ...(total && score(q.kind, total)),
        distribution: distributionOf(q, distribution.filter((d) => d.key === q.id)),
      };
    }),
    trend: funnels
      .filter((f) => f.day !== null)
      .map((f) => ({
        day: f.day!,
        ...funnelOf(f),
        scores: Object.fromEntries(scores.filter((s) => s.day === f.day).map((s) => [s.key, score(kindOfKey.get(s.key)!, s)])),
      })),
    breakdown: Object.fromEntries(
      DIMENSIONS.map((dimension) => [
        dimension,
        groups
          .filter((g) => g.dimension === dimension)
          .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
          .slice(0, BREAKDOWN_KEYS)
          .map(({ key, count, mean }) => ({ key, count, ...(first !== null && mean !== null && { mean: round(mean) }) })),
      ]),
    ) as Report['breakdown'],
  };
}

const funnelOf = ({ impressions, answered, completed, dismissed }: Funnel): Funnel => ({ impressions, answered, completed, dismissed });

/**
 * Counts per value: a numeric scale lists every point, zeros included, so that charts keep their
 * shape; other kinds list the values given, most frequent first.
 */
function distributionOf(q: { kind: Kind; scale?: number }, rows: { value: unknown; count: number }[]) {
  if (isNumeric(q.kind) && q.scale && rows.every((r) => Number.isInteger(r.value))) {
    const start = Math.min(q.kind === 'nps' ? 0 : 1, ...rows.map((r) => r.value as number));
    const end = Math.max(q.scale, ...rows.map((r) => r.value as number));
    return Array.from({ length: end - start + 1 }, (_, i) => ({ value: start + i, count: rows.find((r) => r.value === start + i)?.count ?? 0 }));
  }
  return rows.map(({ value, count }) => ({ value, count })).sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}
