// The results page: `summarize` turns collected events into figures per survey and question
// (pure), `resultsPage` renders them. Every string from an event is visitor input: the `html`
// template escapes it.
import { html } from './html.mjs';
import { dashboard, euros } from './layout.mjs';

const text = (t) => (typeof t === 'string' ? t : t ? (t.en ?? Object.values(t)[0] ?? '') : '');
const EMOJI = ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Delighted'];
const byTime = (a, b) => (Date.parse(a.ts) || 0) - (Date.parse(b.ts) || 0);
const share = (n, total) => (total ? n / total : 0);

/**
 * Figures per survey, in definition order (surveys only seen in events come last): impressions,
 * responses (complete / partial), dismissals, response rate, and per question its distribution,
 * score (NPS, CSAT, CES) and latest text answers.
 */
export function summarize(events, definitions = {}) {
  const defs = Array.isArray(definitions) ? definitions : definitions.surveys || [];
  const groups = new Map(defs.map((d) => [d.id, []]));
  for (const e of [...events].sort(byTime)) {
    if (!groups.has(e.surveyId)) groups.set(e.surveyId, []);
    groups.get(e.surveyId).push(e);
  }
  return [...groups].map(([id, list]) => survey(id, defs.find((d) => d.id === id), list));
}

function survey(id, def, events) {
  const displays = new Map();
  const counts = { impression: 0, response: 0, dismissal: 0 };
  for (const e of events) {
    counts[e.type]++;
    if (e.type !== 'response') continue;
    // Each response carries the answers so far; the last one of a display is the fullest.
    const d = displays.get(e.responseId) || { answers: Object.create(null), complete: false };
    displays.set(e.responseId, Object.assign(d, { moment: e.moment, context: Object(e.context), ts: e.ts, complete: d.complete || e.complete === true }));
    Object.assign(d.answers, Object(e.answers));
  }
  const answered = [...displays.values()];
  const complete = answered.filter((d) => d.complete).length;
  return {
    id,
    on: def ? [def.on || (def.display === 'inline' ? 'inline' : 'link / show')].flat().join(', ') : 'not in surveys.json',
    impressions: counts.impression,
    responses: answered.length,
    complete,
    partial: answered.length - complete,
    dismissals: counts.dismissal,
    rate: counts.impression ? answered.length / counts.impression : undefined,
    // surveys.json is hand-edited: a malformed definition falls back to what the answers show.
    questions: (Array.isArray(def?.questions) ? def.questions : guess(answered)).map((q) => question(q, answered)),
  };
}

/** Questions of a survey that is not defined: numbers get a distribution, anything else is listed as text. */
const guess = (displays) =>
  [...new Set(displays.flatMap((d) => Object.keys(d.answers)))].map((id) => ({
    id,
    type: displays.every((d) => !(id in d.answers) || typeof d.answers[id] === 'number') ? 'number' : 'text',
  }));

function question(q, displays) {
  const given = displays.filter((d) => q.id in d.answers);
  const values = given.map((d) => d.answers[q.id]);
  const result = { id: q.id, type: q.type, text: text(q.text) || q.id, answered: values.length, bars: [], score: undefined, note: undefined, texts: [] };
  const scale = (from, to, label) => {
    const ints = values.filter((v) => Number.isInteger(v) && v >= from && v <= to);
    result.bars = Array.from({ length: to - from + 1 }, (_, i) => ({ label: label(from + i, i), count: ints.filter((v) => v === from + i).length }));
    return ints;
  };
  // Scores are left out (undefined) until there is an answer to score.
  const average = (ints, to) => (ints.length ? `average ${(ints.reduce((a, b) => a + b, 0) / ints.length).toFixed(1)} / ${to}` : undefined);
  const satisfied = (ints, name) => (ints.length ? `${name} ${Math.round(100 * share(ints.filter((v) => v >= 4).length, ints.length))} % (4–5)` : undefined);

  if (q.type === 'emoji') {
    const ints = scale(1, 5, (n, i) => text(q.labels?.[i]) || `${n} · ${EMOJI[i]}`);
    result.score = satisfied(ints, 'satisfied');
  } else if (q.type === 'rating') {
    const to = q.scale || 5;
    const ends = q.labels?.length === 2 ? q.labels.map(text) : [];
    const ints = scale(1, to, (n, i) => (q.labels?.length === to ? `${n} · ${text(q.labels[i])}` : n === 1 && ends[0] ? `1 · ${ends[0]}` : n === to && ends[1] ? `${n} · ${ends[1]}` : String(n)));
    result.score = to === 5 ? satisfied(ints, 'CSAT') : to === 7 && ints.length ? `CES ${average(ints, 7)}` : average(ints, to);
  } else if (q.type === 'nps') {
    const ints = scale(0, 10, String);
    const promoters = ints.filter((v) => v >= 9).length;
    const detractors = ints.filter((v) => v <= 6).length;
    const nps = Math.round(100 * share(promoters - detractors, ints.length));
    if (ints.length) result.score = `NPS ${nps > 0 ? '+' : ''}${nps} (${promoters} promoters, ${ints.length - promoters - detractors} passives, ${detractors} detractors)`;
  } else if (q.type === 'thumbs') {
    const labels = (q.labels || ['Yes', 'No']).map(text);
    const [up, down] = ['up', 'down'].map((v) => values.filter((x) => x === v).length);
    result.bars = [{ label: `${labels[0]} (up)`, count: up }, { label: `${labels[1]} (down)`, count: down }];
    if (up + down) result.score = `${Math.round(100 * share(up, up + down))} % up`;
  } else if (q.type === 'choice') {
    const picked = values.flat();
    const options = (q.options || []).map((o) => (typeof o === 'string' ? { value: o } : o));
    result.bars = options.map((o) => ({ label: text(o.label) || o.value, count: picked.filter((v) => v === o.value).length }));
    if (q.multiple) result.note = 'Several answers allowed: shares are of respondents.';
  } else if (q.type === 'number') {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    result.bars = distinct.map((v) => ({ label: String(v), count: values.filter((x) => x === v).length }));
  } else {
    // Text (or undefined survey): the latest ten, newest first, with where they were given.
    result.texts = given
      .filter((d) => d.answers[q.id] !== '')
      .slice(-10)
      .reverse()
      .map((d) => ({ answer: [d.answers[q.id]].flat().join(', '), moment: d.moment, context: d.context, ts: d.ts }));
  }
  return result;
}

const percent = (r) => (r == null ? '—' : `${Math.round(100 * r)} %`);
const when = (ts) => {
  const d = new Date(ts);
  return isNaN(d) ? '' : html`<time datetime="${d.toISOString()}">${d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
};
/** Where an answer was given: page, device, locale, cart or order value. */
const where = (ctx, moment) => {
  const money = (v) => (Number.isFinite(Number(v)) && v !== '' ? euros(Number(v)) : String(v));
  return [
    moment && `moment ${moment}`,
    ctx.path && `on ${ctx.path}`,
    ctx.device,
    ctx.locale,
    ctx.cartValue != null && `cart ${money(ctx.cartValue)}`,
    ctx.value != null && `order ${ctx.currency && ctx.currency !== 'EUR' ? `${ctx.value} ${ctx.currency}` : money(ctx.value)}`,
    ctx.productId && `product ${ctx.productId}`,
  ]
    .filter(Boolean)
    .map(String)
    .join(' · ');
};

function bars(q) {
  const total = q.type === 'choice' ? q.answered : q.bars.reduce((n, b) => n + b.count, 0);
  return html`<table class="bars">
  <caption class="visually-hidden">Answers to “${q.text}”</caption>
  <tbody>${q.bars.map((b) => {
    const pct = Math.round(100 * share(b.count, total));
    return html`<tr><th scope="row">${b.label}</th><td class="bar-cell"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="${pct}" height="10"/></svg></td><td class="num">${b.count}<span class="muted"> · ${pct} %</span></td></tr>`;
  })}</tbody>
</table>`;
}

const kpi = (label, value, note) => html`<div><dt>${label}</dt><dd>${value}${note && html`<span class="muted"> ${note}</span>`}</dd></div>`;

function surveyCard(s) {
  return html`<section class="panel" aria-labelledby="survey-${s.id}">
  <header class="panel-head">
    <h2 id="survey-${s.id}">${s.id}</h2>
    <p class="muted">shown on ${s.on}</p>
  </header>
  <dl class="kpis">
    ${kpi('Impressions', s.impressions)}
    ${kpi('Responses', s.responses, s.responses ? `${s.complete} complete, ${s.partial} partial` : '')}
    ${kpi('Dismissals', s.dismissals)}
    ${kpi('Response rate', percent(s.rate))}
  </dl>
  ${s.responses > 0 &&
    s.questions.map(
        (q) => html`<div class="question">
    <h3>${q.text} <span class="muted">${q.id} · ${q.type} · ${q.answered} answer${q.answered === 1 ? '' : 's'}</span></h3>
    ${q.score && html`<p class="score">${q.score}</p>`}
    ${q.note && html`<p class="muted">${q.note}</p>`}
    ${q.bars.length > 0 && bars(q)}
    ${q.texts.length > 0 && html`<ul class="texts">${q.texts.map((t) => html`<li><blockquote><p>${t.answer}</p></blockquote><p class="muted">${when(t.ts)} · ${where(t.context, t.moment)}</p></li>`)}</ul>`}
    ${q.type === 'text' && !q.texts.length && html`<p class="muted">No text answers yet.</p>`}
  </div>`,
    )}
</section>`;
}

const active = (s) => s.impressions + s.responses + s.dismissals > 0;

/** The /results page for these events and definitions. */
export function resultsPage(events, definitions) {
  const surveys = summarize(events, definitions);
  const latest = [...events].sort(byTime).slice(-15).reverse();
  return dashboard({
    title: 'Results',
    count: events.length,
    main: html`
<div class="results-head">
  <div>
    <h1>Results</h1>
    <p class="lead">${events.length} event${events.length === 1 ? '' : 's'} received at <code>POST /collect</code>, de-duplicated on <code>eventId</code>. This page updates by itself when new ones arrive.</p>
  </div>
  <form method="post" action="/results/clear"><button type="submit" class="secondary">Clear all events</button></form>
</div>
${!events.length && html`<p class="empty">No events yet. <a href="/">Walk through the shop</a>, answer a survey or two, and they appear here.</p>`}
${surveys.filter(active).map(surveyCard)}
${surveys.some((s) => !active(s)) && html`<p class="muted">No events yet for ${surveys.filter((s) => !active(s)).map((s, i) => html`${i ? ', ' : ''}<code>${s.id}</code> (${s.on})`)}.</p>`}
${latest.length > 0 && html`<section class="panel" aria-labelledby="log-title">
  <h2 id="log-title">Latest events</h2>
  <div class="scroll-x" tabindex="0" role="region" aria-labelledby="log-title">
  <table class="log">
    <thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Survey</th><th scope="col">Answers</th><th scope="col">Where</th></tr></thead>
    <tbody>${latest.map(
      (e) => html`<tr><td>${when(e.ts)}</td><td>${e.type}${e.type === 'response' && (e.complete ? ' ✔' : ' …')}</td><td>${e.surveyId}</td><td>${e.answers && html`<code>${JSON.stringify(e.answers)}</code>`}</td><td>${where(Object(e.context), e.moment)}</td></tr>`,
    )}</tbody>
  </table>
  </div>
</section>`}`,
  });
}
