// Pure shaping of the API's answers into what the dashboard shows: chart series, scores,
// funnel rates, readable labels. No DOM here, so every figure is unit tested.
import type { BreakdownRow, Comment, Funnel, Nps, QuestionReport, TrendDay } from './api';

const DAY = 864e5;

/** `YYYY-MM-DD` of a date, in UTC (the collector buckets days in UTC). */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` days up to `now`, both ends included. */
export const lastDays = (now: number, days = 30) => ({ from: isoDay(now - (days - 1) * DAY), to: isoDay(now) });

/** `n / of`, or undefined when there is nothing to divide by. */
export const share = (n: number, of: number) => (of > 0 ? n / of : undefined);

/** `42 %`, or an em dash for no value. */
export const percent = (r: number | undefined) => (r == null ? '—' : `${Math.round(100 * r)} %`);

/** The funnel impressions → answered → completed, each with its share of impressions, and the dismissal rate. */
export function funnelSteps(f: Funnel) {
  return {
    steps: [
      { label: 'Impressions', count: f.impressions, rate: share(f.impressions, f.impressions) },
      { label: 'Answered', count: f.answered, rate: share(f.answered, f.impressions) },
      { label: 'Completed', count: f.completed, rate: share(f.completed, f.impressions) },
    ],
    dismissalRate: share(f.dismissed, f.impressions),
  };
}

const FACES = ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Delighted'];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The bars of a question's answer distribution: every point of its scale, answered or not, in
 * scale order; for a choice, the options in the order the collector gives them.
 */
export function distribution(q: QuestionReport): { labels: string[]; counts: number[] } {
  const counts = new Map(q.distribution.map((d) => [String(d.value), d.count]));
  const points: unknown[] =
    q.kind === 'nps' ? range(0, 10)
    : q.kind === 'emoji' ? range(1, 5)
    : q.kind === 'rating' ? range(1, q.scale || 5)
    : q.kind === 'thumbs' ? ['up', 'down']
    : q.distribution.map((d) => d.value);
  const label = (p: unknown) => (q.kind === 'emoji' ? `${p} ${FACES[Number(p) - 1]}` : q.kind === 'thumbs' ? (p === 'up' ? 'Yes (up)' : 'No (down)') : String(p));
  return { labels: points.map(label), counts: points.map((p) => counts.get(String(p)) || 0) };
}

/** What a question's score is called: NPS, CSAT (rating 5), CES (rating 7), an average, a share of yes; none for text and choice. */
export function scoreName(q: Pick<QuestionReport, 'kind' | 'scale'>): string | undefined {
  if (q.kind === 'nps') return 'NPS';
  if (q.kind === 'rating') return (q.scale || 5) === 5 ? 'CSAT' : q.scale === 7 ? 'CES' : 'Average';
  if (q.kind === 'emoji') return 'Average';
  if (q.kind === 'thumbs') return 'Yes';
  return undefined;
}

/** NPS with its sign (`+25`, `-10`, `0`). */
export const signed = (n: number) => (n > 0 ? '+' : '') + Math.round(n);

/** The score of a question as shown: `+25` for NPS, `4.2 / 5` for a mean, `75 %` of thumbs up; '—' without answers. */
export function score(q: QuestionReport): string {
  if (!q.count) return '—';
  if (q.kind === 'nps') return q.nps ? signed(q.nps.score) : '—';
  if (q.kind === 'thumbs') {
    const { counts } = distribution(q);
    return percent(share(counts[0], counts[0] + counts[1]));
  }
  const top = q.kind === 'emoji' ? 5 : q.scale || 5;
  return q.mean == null ? '—' : `${q.mean.toFixed(1)} / ${top}`;
}

/** CSAT's usual headline: the share of 4 and 5 on a 5-point rating. */
export function satisfied(q: QuestionReport): number | undefined {
  const { counts } = distribution(q);
  return share(counts[3] + counts[4], counts.reduce((a, b) => a + b, 0));
}

/** Promoters, passives and detractors with their shares of the answers. */
export function npsGroups(nps: Nps) {
  const total = nps.promoters + nps.passives + nps.detractors;
  return (['promoters', 'passives', 'detractors'] as const).map((group) => ({ group, count: nps[group], rate: share(nps[group], total) }));
}

/**
 * Every day from `from` to `to` (or of the trend when not given), with the days the collector
 * has nothing for filled in as zero: charts then show a quiet day as quiet, not skipped.
 */
export function everyDay(trend: TrendDay[], from?: string, to?: string): TrendDay[] {
  const byDay = new Map(trend.map((d) => [d.day, d]));
  const days = [...byDay.keys()].sort();
  const start = Date.parse(from || days[0]);
  const end = Date.parse(to || days[days.length - 1]);
  // A bad or reversed range, or more than two years of days: the trend as it came.
  if (!(end >= start) || end - start > 731 * DAY) return trend;
  return range(0, Math.round((end - start) / DAY)).map((i) => {
    const day = isoDay(start + i * DAY);
    return byDay.get(day) ?? { day, impressions: 0, answered: 0, completed: 0, dismissed: 0, scores: {} };
  });
}

/** Seconds since the epoch of each day: uPlot's time axis. */
export const dayTimes = (trend: TrendDay[]) => trend.map((d) => Date.parse(d.day) / 1000);

/** A question's score per day (NPS or mean), null on days without an answer. */
export function scoreTrend(trend: TrendDay[], q: Pick<QuestionReport, 'id' | 'kind'>): (number | null)[] {
  return trend.map((d) => {
    const s = d.scores[q.id];
    if (!s?.count) return null;
    return (q.kind === 'nps' ? s.nps?.score : s.mean) ?? null;
  });
}

/** Whether a question has a score worth a trend line. */
export const trended = (q: QuestionReport) => q.kind === 'nps' || q.kind === 'rating' || q.kind === 'emoji';

/** A breakdown's rows, most answers first, then by key. */
export const byCount = (rows: BreakdownRow[] = []) => [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/** Where and when a comment was written: `purchase · /checkout/done · mobile · fr`. */
export const where = (c: Comment) => [c.moment, c.path, c.device, c.locale].filter(Boolean).join(' · ');

/** A date and time for people, in the viewer's locale; the raw value when it is no date. */
export function when(ts: string, locale?: string): string {
  const d = new Date(ts);
  return isNaN(+d) ? ts : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
