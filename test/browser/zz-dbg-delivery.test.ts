import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { journeyPage, loaded } from './journey-helpers';
const defs = { surveys: [{ id: 'tick', on: 'tick', questions: [{ id: 'mood', type: 'emoji', text: 'How?' }] }] };
const loop = (n: number) => async (n: number) => {
  const w = window as any; w.emitted = [];
  for (const type of ['impression', 'response']) w.ressenti('on', type, (e: any) => w.emitted.push(e.eventId));
  const root = () => document.querySelector('[data-ressenti-host]')?.shadowRoot;
  const until = async (f: () => any) => { for (let i = 0; i < 2000; i++, await new Promise((r) => setTimeout(r, 5))) { const x = f(); if (x) return x; } throw new Error('no'); };
  for (let i = 0; i < n; i++) {
    w.ressenti('moment', 'tick');
    (await until(() => root()?.querySelector('button[aria-label="Delighted"]'))).click();
    (await until(() => root()?.querySelector('.thx') && root()!.querySelector('button[aria-label="Close"]'))).click();
    await until(() => !document.querySelector('[data-ressenti-host]'));
  }
  return w.emitted as string[];
};
describeBrowser('dbg', () => {
  const t = useBrowser();
  beforeAll(() => { t.server.pages.set('/a.html', journeyPage(t.server, '<h1>A</h1>', defs)); });
  it('x', async () => {
    const { collector } = t.server;
    collector.failEvery(3);
    const { page: a, context } = await t.open('/a.html');
    t.server.pages.set('/b.html', journeyPage(t.server, '<h1>B</h1>', defs)); const b = await context.newPage(); await b.goto(t.server.url + '/b.html');
    await loaded(a); await loaded(b);
    const T = Date.now(); const [ea, eb] = await Promise.all([a.evaluate(loop(0), 25), b.evaluate(loop(0), 25)]);
    const all = [...ea, ...eb]; console.log('loop took', Date.now() - T);
    await collector.waitFor((e) => e.length >= all.length, 40_000).catch(() => {});
    await a.waitForTimeout(3000);
    const got = new Set(collector.events.map((e) => e.eventId));
    const seen = new Map<string, string[]>();
    const t0 = collector.requests[0]?.at ?? 0;
    collector.requests.forEach((r, i) => { for (const e of JSON.parse(r.body).events) { const l = seen.get(e.eventId) ?? []; l.push(`#${i} ${r.at - t0}ms ${r.status} ${(r.headers.referer as string).slice(-6)} n=${JSON.parse(r.body).events.length}`); seen.set(e.eventId, l); } });
    const emittedBy = (id: string) => (ea.includes(id) ? 'A' : 'B');
    for (const [id, l] of seen) if (l.filter((x) => / 2\d\d /.test(x)).length > 1 || l.length > 2) console.log(id.slice(0, 6), emittedBy(id), l.join(' | '));
    console.log('emitted', all.length, 'stored', got.size, 'missing', all.filter((id) => !got.has(id)).length, 'dups', collector.duplicates, 'outbox', await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).length));
  });
});
