// The real widget, built (dist/ressenti.min.js), on a shop page in Chromium, posting to the
// collector on another origin: the events land in the database and show in the report.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, launchBrowser } from '../browser/harness';
import { startCollector, type TestCollector } from './helpers';

const DIST = join(__dirname, '../../dist');
const DEFS = { surveys: [{ id: 'checkout-mood', on: 'purchase', questions: [{ id: 'mood', type: 'emoji', text: 'How was checkout?' }] }] };

describeBrowser('the widget posting into the collector', () => {
  let shop: Server;
  let shopUrl: string;
  let c: TestCollector;
  let browser: Browser;
  const preflights: string[] = [];

  beforeAll(async () => {
    shop = createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path.startsWith('/dist/')) {
        try {
          return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(DIST, path.slice(6))));
        } catch {
          return res.writeHead(404).end();
        }
      }
      const page = htmlPage(
        `<h1>Thank you for your order</h1><script type="application/json" id="defs">${JSON.stringify(DEFS)}</script>` +
          `<script src="/dist/ressenti.min.js" data-endpoint="${c.url}/collect" data-surveys="#defs"></script>` +
          `<script src="/moment.js"></script>`,
      );
      if (path === '/moment.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end("addEventListener('load', () => ressenti('moment', 'purchase', { value: 42 }))");
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((done) => shop.listen(0, '127.0.0.1', done));
    // `localhost` and `127.0.0.1` are two origins: the page posts cross-origin, as to a real collector.
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
    c = await startCollector({ origins: [shopUrl], surveys: DEFS });
    const handle = c.collector.handle;
    c.collector.handle = (req, res) => {
      if (req.method === 'OPTIONS') preflights.push(req.url!);
      return handle(req, res);
    };
    await c.collector.db.query('TRUNCATE ressenti_events');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    shop?.close();
    await c?.close();
  });

  it('a visitor’s tap is stored once, with its impression, and counted in the report', async () => {
    const page = await browser.newPage();
    await page.goto(`${shopUrl}/checkout/done`);
    await page.locator('[data-ressenti-host]').getByRole('button', { name: /delighted/i }).click();
    const rows = async () =>
      c.collector.db.query<{ type: string; answers: unknown; complete: boolean; path: string; context: { value: number } }>(
        'SELECT type, answers, complete, path, context FROM ressenti_events ORDER BY ts',
      );
    await expect.poll(async () => (await rows()).map((r) => r.type), { timeout: 15_000 }).toEqual(['impression', 'response']);
    const [, response] = await rows();
    expect(response).toMatchObject({ answers: { mood: 5 }, complete: true, path: '/checkout/done', context: { value: 42 } });
    expect(preflights).toEqual([]); // text/plain: a CORS-simple request

    const report = await (await c.owner('/api/report?survey=checkout-mood')).json();
    expect(report.funnel).toEqual({ impressions: 1, answered: 1, completed: 1, dismissed: 0 });
    expect(report.questions[0]).toMatchObject({ id: 'mood', kind: 'emoji', count: 1, mean: 5 });
    await page.close();
  });
});
