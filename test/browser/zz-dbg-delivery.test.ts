import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, useBrowser } from './harness';
import { journeyPage, loaded } from './journey-helpers';
const defs = { surveys: [{ id: 'tick', on: 'tick', questions: [{ id: 'mood', type: 'emoji', text: 'How?' }] }] };
const loop = (n: number) => async (n: number) => {
  const w = window as any; w.emitted = [];
  for (const type of ['impression', 'response']) w.ressenti('on', type, (e: any) => w.emitted.push(e.eventId));
  const root = () => document.querySelector('[data-ressenti-host]')?.shadowRoot;
  const until = async (f: () => any) => { for (let i = 0; i < 2000; i++, await new Promise((r) => requestAnimationFrame(r))) { const x = f(); if (x) return x; } throw new Error('no'); };
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
    const b = await context.newPage(); await b.goto(t.server.url + '/a.html');
    await loaded(a); await loaded(b);
    const [ea, eb] = await Promise.all([a.evaluate(loop(0), 60), b.evaluate(loop(0), 60)]);
    const all = [...ea, ...eb];
    await collector.waitFor((e) => e.length >= all.length, 40_000).catch(() => {});
    await a.waitForTimeout(3000);
    const got = new Set(collector.events.map((e) => e.eventId));
    console.log('emitted', all.length, 'stored', got.size, 'missing', all.filter((id) => !got.has(id)).length, 'dups', collector.duplicates, 'outbox', await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).length));
  });
});
