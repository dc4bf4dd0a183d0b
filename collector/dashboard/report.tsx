// One survey's report: the funnel and its trend, then per question its distribution and score
// (with the score's trend), then scores by moment, page path, device and locale.
import type { BreakdownRow, Dimension, QuestionReport, Report } from './api';
import { DIMENSIONS } from './api';
import { Chart } from './chart';
import { byCount, dayTimes, distribution, everyDay, funnelSteps, npsGroups, percent, satisfied, score, scoreName, scoreTrend, signed, trended } from './shape';

const Kpi = ({ label, value, note }: { label: string; value: string | number; note?: string }) => (
  <div class="kpi">
    <dt>{label}</dt>
    <dd>
      {value}
      {note && <span class="muted"> {note}</span>}
    </dd>
  </div>
);

function Question({ q, report, range }: { q: QuestionReport; report: Report; range: { from: string; to: string } }) {
  const name = scoreName(q);
  const days = everyDay(report.trend, range.from, range.to);
  const bars = distribution(q);
  return (
    <section class="question" aria-labelledby={`q-${q.id}`}>
      <h3 id={`q-${q.id}`}>
        {q.text || q.id} <span class="muted">{q.id} · {q.kind} · {q.count} answer{q.count === 1 ? '' : 's'}</span>
      </h3>
      {name && (
        <dl class="kpis">
          <Kpi label={name} value={score(q)} />
          {name === 'CSAT' && q.count > 0 && <Kpi label="Satisfied (4–5)" value={percent(satisfied(q))} />}
          {q.nps && npsGroups(q.nps).map((g) => <Kpi label={g.group[0].toUpperCase() + g.group.slice(1)} value={g.count} note={percent(g.rate)} />)}
        </dl>
      )}
      {bars.labels.length > 0 && <Chart title={`Answers to “${q.text || q.id}”`} type="bars" x={bars.labels} series={[{ label: 'Answers', values: bars.counts }]} />}
      {q.kind === 'text' && <p class="muted">Text answers are listed under Comments.</p>}
      {trended(q) && days.length > 1 && (
        <Chart
          title={`${name} by day`}
          type="lines"
          x={dayTimes(days)}
          series={[{ label: name!, values: scoreTrend(days, q) }]}
          range={q.kind === 'nps' ? [-100, 100] : [1, q.kind === 'emoji' ? 5 : q.scale || 5]}
          format={q.kind === 'nps' ? signed : (v) => v.toFixed(2)}
        />
      )}
    </section>
  );
}

const DIMENSION_NAMES: Record<Dimension, string> = { moment: 'Moment', path: 'Page path', device: 'Device', locale: 'Locale' };

function Breakdown({ dimension, rows }: { dimension: Dimension; rows: BreakdownRow[] }) {
  return (
    <table class="breakdown">
      <caption>By {DIMENSION_NAMES[dimension].toLowerCase()}</caption>
      <thead>
        <tr>
          <th scope="col">{DIMENSION_NAMES[dimension]}</th>
          <th scope="col" class="num">Answers</th>
          <th scope="col" class="num">Mean score</th>
        </tr>
      </thead>
      <tbody>
        {byCount(rows).map((r) => (
          <tr>
            <th scope="row">{r.key || '(none)'}</th>
            <td class="num">{r.count}</td>
            <td class="num">{r.mean == null ? '—' : r.mean.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SurveyReport({ report, range }: { report: Report; range: { from: string; to: string } }) {
  const { steps, dismissalRate } = funnelSteps(report.funnel);
  const days = everyDay(report.trend, range.from, range.to);
  return (
    <section class="panel report" aria-labelledby="report-title">
      <h2 id="report-title">{report.survey}</h2>
      <dl class="kpis funnel" aria-label="Funnel">
        {steps.map((s) => (
          <Kpi label={s.label} value={s.count} note={s.label === 'Impressions' ? undefined : percent(s.rate)} />
        ))}
        <Kpi label="Dismissal rate" value={percent(dismissalRate)} note={`${report.funnel.dismissed} dismissed`} />
      </dl>
      <div class="charts">
        <Chart title="Funnel" type="bars" x={steps.map((s) => s.label)} series={[{ label: 'Displays', values: steps.map((s) => s.count) }]} />
        {days.length > 1 && (
          <Chart
            title="Funnel by day"
            type="lines"
            x={dayTimes(days)}
            series={[
              { label: 'Impressions', values: days.map((d) => d.impressions) },
              { label: 'Answered', values: days.map((d) => d.answered) },
              { label: 'Completed', values: days.map((d) => d.completed) },
              { label: 'Dismissed', values: days.map((d) => d.dismissed) },
            ]}
          />
        )}
      </div>
      {report.questions.map((q) => (
        <Question key={q.id} q={q} report={report} range={range} />
      ))}
      <h3>Scores by moment, page, device and locale</h3>
      <div class="breakdowns">
        {DIMENSIONS.map((d) => (
          <Breakdown dimension={d} rows={report.breakdown[d] || []} />
        ))}
      </div>
    </section>
  );
}
