// @vitest-environment happy-dom
// The results dashboard (collector/dashboard): shaping the collector's answers into figures,
// and the app against a mocked API.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comment, QuestionReport, Report, SurveySummary, TrendDay } from '../../collector/dashboard/api';
import { query } from '../../collector/dashboard/api';
import { App, readFilters } from '../../collector/dashboard/app';
import { watch } from '../../collector/dashboard/live';
import { distribution, everyDay, funnelSteps, npsGroups, satisfied, score, scoreName, scoreTrend } from '../../collector/dashboard/shape';

// uPlot draws on a canvas happy-dom does not have: the chart shows its table only.
vi.mock('../../collector/dashboard/chart', () => ({
  Chart: (p: { title: string; x: unknown[]; series: { label: string; values: unknown[] }[] }) => (
    <figure data-chart={p.title}>{p.series.map((s) => `${s.label}: ${s.values.join(',')}`)}</figure>
  ),
}));

const question = (more: Partial<QuestionReport>): QuestionReport => ({ id: 'q', kind: 'rating', count: 0, distribution: [], ...more });
const day = (d: string, more: Partial<TrendDay> = {}): TrendDay => ({ day: d, impressions: 0, answered: 0, completed: 0, dismissed: 0, scores: {}, ...more });

describe('dashboard figures', () => {
  it('lists every point of a scale in order, unanswered ones at zero', () => {
    const nps = distribution(question({ kind: 'nps', distribution: [{ value: 10, count: 2 }, { value: 0, count: 1 }] }));
    expect(nps.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(nps.counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(distribution(question({ kind: 'rating', scale: 7, distribution: [{ value: '7', count: 3 }] })).counts).toEqual([0, 0, 0, 0, 0, 0, 3]);
    expect(distribution(question({ kind: 'emoji', distribution: [] })).labels[0]).toBe('1 Very unhappy');
    expect(distribution(question({ kind: 'thumbs', distribution: [{ value: 'down', count: 4 }] }))).toEqual({ labels: ['Yes (up)', 'No (down)'], counts: [0, 4] });
    expect(distribution(question({ kind: 'choice', distribution: [{ value: 'price', count: 2 }, { value: 'quality', count: 1 }] })).labels).toEqual(['price', 'quality']);
  });

  it('names and formats the score: NPS with its sign, CSAT and CES means, share of thumbs up', () => {
    expect(scoreName({ kind: 'rating', scale: 5 })).toBe('CSAT');
    expect(scoreName({ kind: 'rating', scale: 7 })).toBe('CES');
    expect(scoreName({ kind: 'text' })).toBeUndefined();
    expect(score(question({ kind: 'nps', count: 4, nps: { score: 25, promoters: 2, passives: 1, detractors: 1 } }))).toBe('+25');
    expect(score(question({ kind: 'rating', scale: 7, count: 2, mean: 5.5 }))).toBe('5.5 / 7');
    expect(score(question({ kind: 'thumbs', count: 4, distribution: [{ value: 'up', count: 3 }, { value: 'down', count: 1 }] }))).toBe('75 %');
    expect(score(question({ kind: 'rating', count: 0 }))).toBe('—');
    const csat = question({ kind: 'rating', scale: 5, count: 4, distribution: [{ value: 5, count: 1 }, { value: 4, count: 1 }, { value: 1, count: 2 }] });
    expect(satisfied(csat)).toBe(0.5);
    expect(npsGroups({ score: 25, promoters: 2, passives: 1, detractors: 1 }).map((g) => [g.group, g.rate])).toEqual([['promoters', 0.5], ['passives', 0.25], ['detractors', 0.25]]);
  });

  it('gives the funnel as shares of impressions, and the dismissal rate', () => {
    const { steps, dismissalRate } = funnelSteps({ impressions: 4, answered: 2, completed: 1, dismissed: 1 });
    expect(steps.map((s) => [s.label, s.count, s.rate])).toEqual([['Impressions', 4, 1], ['Answered', 2, 0.5], ['Completed', 1, 0.25]]);
    expect(dismissalRate).toBe(0.25);
    expect(funnelSteps({ impressions: 0, answered: 0, completed: 0, dismissed: 0 }).dismissalRate).toBeUndefined();
  });

  it('fills the days without events, and trends a score per day with gaps where nobody answered', () => {
    const trend = [day('2026-11-30', { scores: { n: { count: 2, nps: { score: 50, promoters: 1, passives: 1, detractors: 0 } } } }), day('2026-12-02', { scores: { n: { count: 1, nps: { score: -100, promoters: 0, passives: 0, detractors: 1 } } } })];
    const days = everyDay(trend, '2026-11-29', '2026-12-02');
    expect(days.map((d) => d.day)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(scoreTrend(days, { id: 'n', kind: 'nps' })).toEqual([null, 50, null, -100]);
    expect(scoreTrend([day('2026-12-01', { scores: { c: { count: 1, mean: 4 } } })], { id: 'c', kind: 'rating' })).toEqual([4]);
    // A reversed range is not a reason to invent days.
    expect(everyDay(trend, '2026-12-05', '2026-12-01')).toBe(trend);
  });

  it('leaves blank filters out of the query', () => {
    expect(query({ survey: 'nps-email', moment: '', path: undefined, limit: 50 })).toBe('?survey=nps-email&limit=50');
    expect(query({ a: '' })).toBe('');
  });

  it('reads the filters from the address, the last 30 days by default', () => {
    const f = readFilters('?survey=csat&device=mobile', Date.UTC(2026, 11, 2, 12));
    expect(f).toEqual({ survey: 'csat', from: '2026-11-03', to: '2026-12-02', moment: '', path: '', device: 'mobile', locale: '' });
  });
});

describe('dashboard live updates', () => {
  class FakeSource {
    static last: FakeSource;
    listeners: (() => void)[] = [];
    onopen?: () => void;
    onerror?: () => void;
    closed = false;
    constructor(public url: string) {
      FakeSource.last = this;
    }
    addEventListener(_: string, fn: () => void) {
      this.listeners.push(fn);
    }
    close() {
      this.closed = true;
    }
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('re-reads once per burst of ingest events, and stops when disposed', () => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeSource);
    const changed = vi.fn();
    const states: string[] = [];
    const stop = watch(changed, (s) => states.push(s), 300);
    FakeSource.last.onopen!();
    for (let i = 0; i < 5; i++) FakeSource.last.listeners.forEach((fn) => fn());
    vi.advanceTimersByTime(299);
    expect(changed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(changed).toHaveBeenCalledTimes(1);
    FakeSource.last.onerror!();
    expect(states).toEqual(['connecting', 'live', 'reconnecting']);
    stop();
    expect(FakeSource.last.closed).toBe(true);
  });
});

describe('dashboard app', () => {
  const surveys: SurveySummary[] = [
    { id: 'nps-email', impressions: 4, responses: 3, completed: 2, dismissals: 1, lastAt: '2026-12-01T10:00:00Z' },
    { id: 'post-purchase', impressions: 1, responses: 1, completed: 1, dismissals: 0, lastAt: '2026-11-30T10:00:00Z' },
  ];
  const report: Report = {
    survey: 'nps-email',
    funnel: { impressions: 4, answered: 3, completed: 2, dismissed: 1 },
    questions: [
      { id: 'nps', text: 'Recommend?', kind: 'nps', count: 3, distribution: [{ value: 10, count: 2 }, { value: 3, count: 1 }], nps: { score: 33, promoters: 2, passives: 0, detractors: 1 } },
      { id: 'reason', kind: 'text', count: 1, distribution: [] },
    ],
    trend: [day('2026-12-01', { impressions: 4, answered: 3, completed: 2, dismissed: 1, scores: { nps: { count: 3, nps: { score: 33, promoters: 2, passives: 0, detractors: 1 } } } })],
    breakdown: { device: [{ key: 'desktop', count: 1, mean: 3 }, { key: 'mobile', count: 2, mean: 10 }] },
  };
  const hostile = '<img src=x onerror=alert(1)> too slow';
  const comments: Comment[] = [{ eventId: 'e1', responseId: 'r1', surveyId: 'nps-email', questionId: 'reason', text: hostile, score: 3, moment: 'link', locale: 'fr', path: '/', device: 'mobile', ts: '2026-12-01T10:00:00Z' }];

  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.unstubAllGlobals();
  });

  function start(fetcher: (url: string) => Response) {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (calls.push(url), fetcher(url)));
    vi.stubGlobal('EventSource', class { addEventListener() {} close() {} });
    root = document.body.appendChild(document.createElement('main'));
    render(<App initial={readFilters('?from=2026-11-30&to=2026-12-02', Date.UTC(2026, 11, 2))} />, root);
    return calls;
  }
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  const api = (url: string) => json(url.startsWith('/api/surveys') ? { surveys } : url.startsWith('/api/report') ? report : { comments });
  const until = (fn: () => unknown) => vi.waitFor(() => expect(fn()).toBeTruthy());

  it('opens the survey heard from last, with its funnel, NPS groups, trend and breakdowns', async () => {
    const calls = start(api);
    await until(() => root.querySelector('#report-title'));
    expect(root.querySelector('#report-title')!.textContent).toBe('nps-email');
    expect(calls).toContain('/api/report?survey=nps-email&from=2026-11-30&to=2026-12-02');
    const kpis = [...root.querySelectorAll('.kpi')].map((k) => k.textContent);
    expect(kpis).toEqual(expect.arrayContaining(['Impressions4', 'Answered3 75 %', 'Completed2 50 %', 'Dismissal rate25 % 1 dismissed', 'NPS+33', 'Promoters2 67 %', 'Detractors1 33 %']));
    expect(root.querySelector('[data-chart="NPS by day"]')!.textContent).toBe('NPS: ,33,');
    const devices = [...root.querySelectorAll('.breakdown')].find((t) => t.querySelector('caption')!.textContent === 'By device')!;
    expect([...devices.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['mobile', 'desktop']);
  });

  it("shows visitors' comments as text, and exports what the filters select", async () => {
    start(api);
    await until(() => root.querySelector('.comment-list li'));
    const item = root.querySelector('.comment-list li')!;
    expect(item.querySelector('blockquote p')!.textContent).toBe(hostile);
    expect(item.querySelector('img')).toBeNull();
    expect(item.textContent).toContain('nps-email.reason · score 3 · link · / · mobile · fr');
    await until(() => root.querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')!.includes('survey='));
    expect([...root.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'))).toEqual([
      '/api/export?format=csv&survey=nps-email&from=2026-11-30&to=2026-12-02',
      '/api/export?format=json&survey=nps-email&from=2026-11-30&to=2026-12-02',
    ]);
  });

  it('goes back to the login form when the token is refused', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...location, assign, pathname: '/results', search: '' });
    start(() => new Response('', { status: 401 }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/results'));
  });
});
