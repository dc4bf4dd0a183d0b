// The results dashboard: a filter bar, every survey's figures, the selected survey's report,
// the comments and the exports, kept up to date by the collector's live events.
import { useEffect, useState } from 'preact/hooks';
import { DIMENSIONS, get, query, type Filters, type Report, type SurveySummary } from './api';
import { Comments } from './comments';
import { watch, type LiveState } from './live';
import { SurveyReport } from './report';
import { byCount, lastDays, percent, share, when } from './shape';

const FILTERS: (keyof Filters)[] = ['survey', 'from', 'to', 'moment', 'path', 'device', 'locale'];

/** Filters from the address (so a view can be bookmarked and reloaded), the last 30 days by default. */
export function readFilters(search: string, now = Date.now()): Filters {
  const params = new URLSearchParams(search);
  const defaults: Partial<Filters> = lastDays(now);
  // Built in FILTERS order, so that every query string reads the same way.
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? defaults[name] ?? ''])) as unknown as Filters;
}

const LIVE_TEXT: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

function SurveyTable({ surveys, selected, select }: { surveys: SurveySummary[]; selected: string; select: (id: string) => void }) {
  return (
    <div class="scroll-x" tabIndex={0} role="region" aria-labelledby="surveys-title">
      <table class="surveys">
        <caption id="surveys-title">Surveys</caption>
        <thead>
          <tr>
            <th scope="col">Survey</th>
            <th scope="col" class="num">Impressions</th>
            <th scope="col" class="num">Responses</th>
            <th scope="col" class="num">Completed</th>
            <th scope="col" class="num">Dismissals</th>
            <th scope="col" class="num">Response rate</th>
            <th scope="col">Last event</th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((s) => (
            <tr key={s.id} aria-current={s.id === selected ? 'true' : undefined}>
              <th scope="row">
                <button type="button" class="link" aria-pressed={s.id === selected} onClick={() => select(s.id)}>
                  {s.id}
                </button>
              </th>
              <td class="num">{s.impressions}</td>
              <td class="num">{s.responses}</td>
              <td class="num">{s.completed}</td>
              <td class="num">{s.dismissals}</td>
              <td class="num">{percent(share(s.responses, s.impressions))}</td>
              <td>{s.lastAt ? when(s.lastAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function App({ initial }: { initial: Filters }) {
  const [filters, setFilters] = useState(initial);
  const [surveys, setSurveys] = useState<SurveySummary[]>();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState('');
  const [live, setLive] = useState<LiveState>('connecting');
  // Bumped by each burst of live events: every view re-reads its data.
  const [version, setVersion] = useState(0);
  useEffect(() => watch(() => setVersion((v) => v + 1), setLive), []);

  const range = query({ from: filters.from, to: filters.to });
  useEffect(() => {
    get<{ surveys: SurveySummary[] }>('/api/surveys' + range).then(({ surveys }) => {
      setSurveys(surveys);
      // No survey chosen yet: the one that heard from visitors last.
      if (!filters.survey && surveys.length) {
        const latest = [...surveys].sort((a, b) => String(b.lastAt ?? '').localeCompare(String(a.lastAt ?? '')))[0];
        setFilters((f) => ({ ...f, survey: latest.id }));
      }
    }, (err) => setError(err.message));
  }, [range, version]);

  const reportQuery = query({ ...filters });
  useEffect(() => {
    history.replaceState(null, '', location.pathname + reportQuery);
    if (!filters.survey) return;
    let current = true;
    get<Report>('/api/report' + reportQuery).then(
      (r) => current && (setReport(r), setError('')),
      (err) => current && setError(err.message),
    );
    return () => (current = false);
  }, [reportQuery, version]);

  const set = (name: keyof Filters) => (e: Event) => setFilters({ ...filters, [name]: (e.target as HTMLInputElement).value });
  // The values a dimension can take, from the report's breakdown; the chosen one stays listed so it can be cleared.
  const choices = (d: (typeof DIMENSIONS)[number]) => [...new Set([...byCount(report?.breakdown[d]).map((r) => r.key), filters[d]].filter(Boolean))];

  return (
    <>
      <header class="top">
        <h1>Results</h1>
        <p class={`live ${live}`} role="status">
          {LIVE_TEXT[live]}
        </p>
        <form method="post" action="/logout">
          <button type="submit" class="secondary">
            Log out
          </button>
        </form>
      </header>
      <form class="panel filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Survey
          <select value={filters.survey} onChange={set('survey')}>
            {surveys?.map((s) => (
              <option value={s.id}>{s.id}</option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={filters.from} max={filters.to} onChange={set('from')} />
        </label>
        <label>
          To
          <input type="date" value={filters.to} min={filters.from} onChange={set('to')} />
        </label>
        {DIMENSIONS.map((d) => (
          <label>
            {d[0].toUpperCase() + d.slice(1)}
            <select value={filters[d]} onChange={set(d)}>
              <option value="">all</option>
              {choices(d).map((k) => (
                <option>{k}</option>
              ))}
            </select>
          </label>
        ))}
        <p class="exports">
          Export what these filters select:{' '}
          <a href={'/api/export' + query({ format: 'csv', ...filters })} download>
            CSV
          </a>{' '}
          <a href={'/api/export' + query({ format: 'json', ...filters })} download>
            JSON
          </a>
        </p>
      </form>
      {error && <p role="alert">Could not load the results: {error}</p>}
      {surveys && !surveys.length && <p class="panel empty">No events yet in this date range. Answers appear here within a second of being sent.</p>}
      {surveys && surveys.length > 0 && <SurveyTable surveys={surveys} selected={filters.survey} select={(survey) => setFilters({ ...filters, survey })} />}
      {report && report.survey === filters.survey && <SurveyReport report={report} range={filters} />}
      <Comments filters={filters} version={version} />
    </>
  );
}
