import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { display, event, startCollector, TOKEN, useCollector, type TestCollector } from './helpers';

const count = async (c: TestCollector) => (await c.collector.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ressenti_events'))[0].n;

describe('owner authentication', () => {
  const c = useCollector();
  const API = ['/api/surveys', '/api/report?survey=x', '/api/comments', '/api/export', '/api/live'];

  it('answers 401 with a reason to every API call without the token or with a wrong one', async () => {
    for (const path of API) {
      for (const headers of [{}, { Authorization: 'Bearer nope' }, { Cookie: 'ressenti_token=nope' }] as Record<string, string>[]) {
        const res = await fetch(c.current.url + path, { headers });
        expect(res.status, path).toBe(401);
        expect((await res.json()).error).toMatch(/sign in/);
      }
    }
    expect((await fetch(`${c.current.url}/api/visitors/v1`, { method: 'DELETE' })).status).toBe(401);
  });

  it('signs in with the form: an HttpOnly, SameSite=Strict cookie, then a redirect to /results; signs out', async () => {
    const login = await fetch(`${c.current.url}/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }), redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/results');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ressenti_token=test-token; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const withCookie = await fetch(`${c.current.url}/api/surveys`, { headers: { Cookie: cookie.split(';')[0] } });
    expect(withCookie.status).toBe(200);

    const logout = await fetch(`${c.current.url}/logout`, { method: 'POST', redirect: 'manual' });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('set-cookie')).toMatch(/^ressenti_token=; Path=\/; Max-Age=0;/);
  });

  it('sends a wrong token back to the form with ?login=failed and no cookie', async () => {
    const res = await fetch(`${c.current.url}/login`, { method: 'POST', body: new URLSearchParams({ token: 'guess' }), redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/results?login=failed');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('leaves other paths to the host server', async () => {
    expect(await (await fetch(`${c.current.url}/shop`)).text()).toBe('not ours');
  });
});

describe('GDPR erasure', () => {
  const c = useCollector();

  it('DELETE /api/visitors/:id deletes every event of that visitor and says how many', async () => {
    await c.current.post([...display([{ mood: 1 }], { visitor: 'ana/1' }), event({ visitor: 'ana/1', type: 'dismissal' }), ...display([{ mood: 5 }], { visitor: 'ben' })]);
    const res = await c.current.owner(`/api/visitors/${encodeURIComponent('ana/1')}`, { method: 'DELETE' });
    expect(await res.json()).toEqual({ deleted: 3 });
    const left = await c.current.collector.db.query<{ visitor: string }>('SELECT DISTINCT visitor FROM ressenti_events');
    expect(left).toEqual([{ visitor: 'ben' }]);
    expect(await (await c.current.owner('/api/visitors/nobody', { method: 'DELETE' })).json()).toEqual({ deleted: 0 });
  });
});

describe('retention (RESSENTI_RETENTION_DAYS)', () => {
  let c: TestCollector;
  afterEach(() => c.close());

  it('deletes events received longer ago than the setting when the collector starts', async () => {
    const first = await startCollector();
    await first.collector.db.query('TRUNCATE ressenti_events');
    const [old, recent] = [event(), event()];
    await first.post([old, recent]);
    await first.collector.db.query(`UPDATE ressenti_events SET received_at = now() - interval '31 days' WHERE event_id = $1`, [old.eventId]);
    await first.close();
    c = await startCollector({ retentionDays: 30 });
    const left = await c.collector.db.query<{ event_id: string }>('SELECT event_id FROM ressenti_events');
    expect(left).toEqual([{ event_id: recent.eventId }]);
  });
});

describe('live updates', () => {
  const c = useCollector();

  it('GET /api/live tells an open dashboard which surveys got events, after each stored batch', async () => {
    const controller = new AbortController();
    const res = await c.current.owner('/api/live', { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += (await reader.read()).value ?? '';
    };
    await until(/retry: \d+/);
    const events = [event({ surveyId: 'a' }), event({ surveyId: 'b' }), event({ surveyId: 'a' })];
    await c.current.post(events);
    await c.current.post([events[0]]); // only duplicates: nothing new to tell
    await c.current.post([event({ surveyId: 'c' })]);
    await until(/"surveys":\["c"\]/);
    controller.abort();
    expect(text.match(/event: ingest\ndata: .*\n\n/g)).toEqual(['event: ingest\ndata: {"surveys":["a","b"],"accepted":3}\n\n', 'event: ingest\ndata: {"surveys":["c"],"accepted":1}\n\n']);
  });
});

describe('the dashboard pages (/results)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ressenti-dashboard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let c: TestCollector;
  afterEach(() => c.close());
  const CSP = /^default-src 'self';/;

  it('serves the built dashboard to the owner, the login page to anyone else, both under a strict CSP', async () => {
    mkdirSync(join(dir, 'built'));
    writeFileSync(join(dir, 'built/index.html'), '<p>dashboard</p>');
    writeFileSync(join(dir, 'built/login.html'), '<p>login</p>');
    writeFileSync(join(dir, 'built/app.js'), 'app()');
    c = await startCollector({ dashboardDir: join(dir, 'built') });
    const owner = await c.owner('/results');
    expect(await owner.text()).toBe('<p>dashboard</p>');
    expect(owner.headers.get('content-security-policy')).toMatch(CSP);
    expect(owner.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await (await c.owner('/results/surveys/post-purchase')).text()).toBe('<p>dashboard</p>');
    const stranger = await fetch(`${c.url}/results`);
    expect(stranger.status).toBe(401);
    expect(await stranger.text()).toBe('<p>login</p>');
    expect(stranger.headers.get('content-security-policy')).toMatch(CSP);
    const script = await fetch(`${c.url}/results/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('app()');
    expect((await fetch(`${c.url}/results/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('says the dashboard is not built (503), and still shows a built-in login form', async () => {
    c = await startCollector({ dashboardDir: join(dir, 'missing') });
    const res = await c.owner('/results');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('dashboard not built: npm run build');
    const login = await fetch(`${c.url}/results`);
    expect(login.status).toBe(401);
    expect(await login.text()).toContain('<form method="post" action="/login">');
  });
});

describe('one batch refused by the database', () => {
  const c = useCollector();

  it('answers 503 with Retry-After, so the widget keeps the events and sends them again', async () => {
    await c.current.collector.db.query('ALTER TABLE ressenti_events RENAME TO ressenti_events_away');
    try {
      const res = await c.current.post([event()]);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      await c.current.collector.db.query('ALTER TABLE ressenti_events_away RENAME TO ressenti_events');
    }
    expect(await count(c.current)).toBe(0);
  });
});
