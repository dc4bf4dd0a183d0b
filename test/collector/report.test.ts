import { describe, expect, it } from 'vitest';
import { display, event, useCollector } from './helpers';

const SURVEYS = {
  surveys: [
    {
      id: 'post-purchase',
      on: 'purchase',
      questions: [
        { id: 'mood', type: 'emoji', text: { en: 'How was checkout?', fr: 'Comment ?' } },
        { id: 'why', type: 'text', text: 'What could we do better?' },
        { id: 'pick', type: 'choice', options: ['a', 'b'], multiple: true },
      ],
    },
    { id: 'never-shown', on: 'x', questions: [{ id: 'q', type: 'nps' }] },
  ],
};

describe('GET /api/surveys', () => {
  const c = useCollector({ surveys: SURVEYS });

  it('counts displays per survey: impressions, responses, completed, dismissals, and the latest time', async () => {
    await c.current.post([
      ...display([{ mood: 4 }, { mood: 4, why: 'ok' }]), // one display, two response events: one response
      ...display([{ mood: 2 }], { complete: false }),
      ...display([]).concat(event({ type: 'dismissal' })),
      ...display([{ q: 9 }], { surveyId: 'other' }),
    ]);
    const last = event({ surveyId: 'other', type: 'dismissal' });
    await c.current.post([last]);
    const { surveys } = await (await c.current.owner('/api/surveys')).json();
    expect(surveys).toEqual([
      { id: 'other', impressions: 1, responses: 1, completed: 1, dismissals: 1, lastAt: last.ts },
      { id: 'post-purchase', impressions: 3, responses: 2, completed: 1, dismissals: 1, lastAt: expect.any(String) },
      { id: 'never-shown', impressions: 0, responses: 0, completed: 0, dismissals: 0, lastAt: null },
    ]);
  });

  it('keeps to the days asked for (UTC, both ends included)', async () => {
    await c.current.post([event({ ts: '2026-11-20T23:59:59.999Z' }), event({ ts: '2026-11-21T00:00:00.000Z' }), event({ ts: '2026-11-22T23:59:59.999Z' }), event({ ts: '2026-11-23T00:00:00.000Z' })]);
    const { surveys } = await (await c.current.owner('/api/surveys?from=2026-11-21&to=2026-11-22')).json();
    expect(surveys.find((s: { id: string }) => s.id === 'post-purchase').impressions).toBe(2);
    expect((await c.current.owner('/api/surveys?from=21/11/2026')).status).toBe(400);
  });
});

describe('GET /api/report', () => {
  const c = useCollector({ surveys: SURVEYS });
  const get = async (query: string) => (await c.current.owner(`/api/report?${query}`)).json();

  it('takes each display’s latest answers, with the defined kinds, texts and a full emoji scale', async () => {
    await c.current.post([
      ...display([{ mood: 1 }, { mood: 5, why: 'changed my mind', pick: ['a', 'b'] }]),
      ...display([{ mood: 4, pick: ['a'] }]),
      ...display([{ mood: 4 }], { complete: false }),
      ...display([]),
    ]);
    const r = await get('survey=post-purchase');
    expect(r.funnel).toEqual({ impressions: 4, answered: 3, completed: 2, dismissed: 0 });
    expect(r.questions).toEqual([
      {
        id: 'mood',
        text: 'How was checkout?',
        kind: 'emoji',
        scale: 5,
        count: 3,
        mean: 4.33,
        distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: { 4: 2, 5: 1 }[value] ?? 0 })),
      },
      { id: 'why', text: 'What could we do better?', kind: 'text', count: 1, distribution: [] },
      { id: 'pick', kind: 'choice', count: 2, distribution: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }] },
    ]);
  });

  it('infers kinds without definitions: NPS with its score, rating, thumbs, choice, text', async () => {
    const answers = [
      { nps: 10, stars: 3, thumb: 'up', plan: 'pro', note: 'fast' },
      { nps: 9, stars: 4, thumb: 'down', plan: 'pro', note: 'slow shipping' },
      { nps: 7, stars: 4, thumb: 'up', plan: 'free', note: 'nice' },
      { nps: 0, stars: 2, thumb: 'up', plan: 'pro', note: 'bad' },
    ];
    await c.current.post(answers.flatMap((a) => display([a], { surveyId: 'undefined-survey' })));
    const r = await get('survey=undefined-survey');
    const q = Object.fromEntries(r.questions.map((x: { id: string }) => [x.id, x]));
    expect(q.nps).toMatchObject({ kind: 'nps', scale: 10, count: 4, mean: 6.5, nps: { score: 25, promoters: 2, passives: 1, detractors: 1 } });
    expect(q.nps.distribution).toHaveLength(11);
    expect(q.stars).toMatchObject({ kind: 'rating', scale: 4, mean: 3.25 });
    expect(q.thumb).toMatchObject({ kind: 'thumbs', distribution: [{ value: 'up', count: 3 }, { value: 'down', count: 1 }] });
    expect(q.plan).toMatchObject({ kind: 'choice', distribution: [{ value: 'pro', count: 3 }, { value: 'free', count: 1 }] });
    expect(q.note).toMatchObject({ kind: 'text', distribution: [] });
  });

  it('gives a daily trend with scores, and breakdowns by moment, path, device and locale', async () => {
    const on = (day: string, mood: number, context: Record<string, string>, moment = 'purchase') =>
      display([{ mood }], { ts: `${day}T12:00:00.000Z`, moment, context: { locale: 'en', ...context } });
    await c.current.post([
      ...on('2026-11-20', 5, { path: '/a', device: 'mobile' }),
      ...on('2026-11-20', 3, { path: '/b', device: 'desktop' }, 'exit-intent'),
      ...on('2026-11-21', 2, { path: '/a', device: 'mobile', locale: 'fr' }),
    ]);
    const r = await get('survey=post-purchase');
    expect(r.trend).toEqual([
      { day: '2026-11-20', impressions: 2, answered: 2, completed: 2, dismissed: 0, scores: { mood: { count: 2, mean: 4 } } },
      { day: '2026-11-21', impressions: 1, answered: 1, completed: 1, dismissed: 0, scores: { mood: { count: 1, mean: 2 } } },
    ]);
    expect(r.breakdown).toEqual({
      moment: [{ key: 'purchase', count: 2, mean: 3.5 }, { key: 'exit-intent', count: 1, mean: 3 }],
      path: [{ key: '/a', count: 2, mean: 3.5 }, { key: '/b', count: 1, mean: 3 }],
      device: [{ key: 'mobile', count: 2, mean: 3.5 }, { key: 'desktop', count: 1, mean: 3 }],
      locale: [{ key: 'en', count: 2, mean: 4 }, { key: 'fr', count: 1, mean: 2 }],
    });
    const mobile = await get('survey=post-purchase&device=mobile&from=2026-11-21&to=2026-11-21');
    expect(mobile.funnel).toEqual({ impressions: 1, answered: 1, completed: 1, dismissed: 0 });
    expect(mobile.questions[0]).toMatchObject({ count: 1, mean: 2 });
  });

  it('answers 400 without a survey', async () => {
    const res = await c.current.owner('/api/report');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'survey: required' });
  });
});

describe('GET /api/comments', () => {
  const c = useCollector({ surveys: SURVEYS });
  const get = async (query = '') => (await (await c.current.owner(`/api/comments?${query}`)).json()).comments;

  it('lists the latest text answers, newest first, with the response’s score and context', async () => {
    const first = display([{ mood: 2, why: 'too slow' }], { context: { path: '/checkout', locale: 'fr', device: 'mobile' } });
    const edited = display([{ mood: 1, why: 'draft' }, { mood: 5, why: 'all good', pick: ['a'] }]);
    const noText = display([{ mood: 3, pick: ['b'] }]);
    await c.current.post([...first, ...edited, ...noText]);
    expect(await get()).toEqual([
      {
        eventId: edited[2].eventId,
        responseId: edited[0].responseId,
        surveyId: 'post-purchase',
        questionId: 'why',
        text: 'all good',
        score: 5,
        moment: 'purchase',
        locale: 'en',
        path: '/checkout/done',
        device: 'desktop',
        ts: edited[2].ts,
      },
      expect.objectContaining({ text: 'too slow', score: 2, locale: 'fr', path: '/checkout', device: 'mobile' }),
    ]);
    expect((await get('maxScore=3')).map((x: { text: string }) => x.text)).toEqual(['too slow']);
    expect((await get('minScore=4&locale=en')).map((x: { text: string }) => x.text)).toEqual(['all good']);
  });

  it('pages back in time with limit and before', async () => {
    await c.current.post([1, 2, 3, 4, 5].flatMap((n) => display([{ mood: n, why: `comment ${n}` }])));
    const page1 = await get('limit=2');
    expect(page1.map((x: { text: string }) => x.text)).toEqual(['comment 5', 'comment 4']);
    const page2 = await get(`limit=2&before=${encodeURIComponent(page1[1].ts)}`);
    expect(page2.map((x: { text: string }) => x.text)).toEqual(['comment 3', 'comment 2']);
    expect((await c.current.owner('/api/comments?limit=0')).status).toBe(400);
  });
});

describe('GET /api/export', () => {
  const c = useCollector({ surveys: SURVEYS });

  it('downloads CSV, one row per event, answers and context flattened, formulas neutralised', async () => {
    const events = display([{ mood: 2, why: '=HYPERLINK("http://evil.example","click")' }], {
      context: { path: '/p', locale: 'en', device: 'mobile', cartValue: -5, note: 'a,b\n"c"' },
    });
    await c.current.post(events);
    const res = await c.current.owner('/api/export?format=csv&survey=post-purchase');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ressenti-post-purchase-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = (await res.text()).replace(/^\ufeff/, '');
    const [header, impression, response, end] = text.split('\r\n');
    expect(header).toBe('eventId,type,surveyId,responseId,moment,complete,ts,receivedAt,session,visitor,path,device,locale,answers.mood,answers.why,context.cartValue,context.note');
    expect(impression.startsWith(`${events[0].eventId},impression,post-purchase,`)).toBe(true);
    expect(response).toContain(`,true,${events[1].ts},`);
    expect(response.endsWith(`,/p,mobile,en,2,"'=HYPERLINK(""http://evil.example"",""click"")",-5,"a,b\n""c"""`)).toBe(true);
    expect(end).toBe('');
  });

  it('downloads JSON as a SPEC body that another collector takes as is, across many pages of rows', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => event({ ts: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString() }));
    for (let i = 0; i < events.length; i += 500) await c.current.post(events.slice(i, i + 500));
    const res = await c.current.owner('/api/export?format=json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ressenti-events-.*\.json"$/);
    const body = await res.json();
    expect(body.events).toHaveLength(2500);
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual(events.map((e) => e.eventId));
    const { receivedAt, ...first } = body.events[0];
    expect(first).toEqual(events[0]);
    expect(Date.parse(receivedAt)).toBeGreaterThan(0);
  });

  it('answers 400 to an unknown format', async () => {
    expect((await c.current.owner('/api/export?format=xlsx')).status).toBe(400);
  });
});
