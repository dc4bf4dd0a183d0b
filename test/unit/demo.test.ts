// The demo's server side (collector, results, shop state, HTTP) runs in Node, not in a page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, describe as describeEvent } from '../../demo/collector.mjs';
import { resultsPage, summarize } from '../../demo/results.mjs';
import { startDemo } from '../../demo/server.mjs';
import { readCart, readOrder, updateCart } from '../../demo/cart.mjs';

const dir = mkdtempSync(join(tmpdir(), 'ressenti-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const event = (more: Record<string, unknown> = {}) => ({
  v: 1,
  eventId: `e${++n}`,
  type: 'response',
  responseId: `r${n}`,
  surveyId: 'post-purchase',
  moment: 'purchase',
  answers: {},
  complete: true,
  context: { path: '/checkout/done', device: 'desktop', locale: 'en' },
  session: 's',
  ts: new Date(Date.UTC(2026, 10, 23, 10, 0, n)).toISOString(),
  ...more,
});
const body = (...events: unknown[]) => JSON.stringify({ events });

describe('demo collector', () => {
  it('keeps an event sent twice only once, across requests and within one', () => {
    const lines: string[] = [];
    const c = createCollector(join(dir, 'dedupe.jsonl'), (l: string) => lines.push(l));
    const a = event();
    expect(c.receive(body(a, a))).toEqual({ accepted: 1, duplicates: 1, rejected: 0 });
    expect(c.receive(body(a))).toEqual({ accepted: 0, duplicates: 1, rejected: 0 });
    expect(c.events()).toHaveLength(1);
    expect(lines.filter((l) => l.includes('post-purchase'))).toHaveLength(1);
  });

  it('remembers events (and their ids) after a restart', () => {
    const file = join(dir, 'restart.jsonl');
    const a = event();
    createCollector(file, () => {}).receive(body(a, event()));
    const again = createCollector(file, () => {});
    expect(again.events().map((e: { eventId: string }) => e.eventId)).toContain(a.eventId);
    expect(again.receive(body(a)).accepted).toBe(0);
  });

  it('answers a body that is not {events: [...]} with an error and skips malformed events', () => {
    const c = createCollector(join(dir, 'bad.jsonl'), () => {});
    expect(c.receive('not json')).toEqual({ error: 'the body is not JSON' });
    expect(c.receive('{"events": 3}')).toHaveProperty('error');
    expect(c.receive(body(null, { eventId: 'x' }, event({ type: 'nope' }), event()))).toEqual({ accepted: 1, duplicates: 0, rejected: 3 });
  });

  it('clear() forgets every event, in memory and on disk', () => {
    const file = join(dir, 'clear.jsonl');
    const c = createCollector(file, () => {});
    c.receive(body(event()));
    c.clear();
    expect(c.events()).toHaveLength(0);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('prints one line with type, survey, moment, answers and context, without terminal control characters', () => {
    const line = describeEvent(event({ answers: { mood: 2, why: 'slow\u001b[2J\u009b31m\u202eevil' }, context: { path: '/checkout/done', device: 'mobile', value: 42, currency: 'EUR' } }));
    expect(line).toMatch(/response ✔\s+post-purchase\s+@purchase\s+mood=2 why=/);
    expect(line).toContain('/checkout/done device=mobile value=42 currency=EUR');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(line.split('\n')).toHaveLength(1);
  });
});

describe('demo results', () => {
  const defs = {
    surveys: [
      { id: 'nps-email', questions: [{ id: 'nps', type: 'nps', text: 'Recommend?' }, { id: 'reason', type: 'text', text: 'Why?' }, { id: 'liked', type: 'choice', multiple: true, text: 'Liked?', options: ['quality', { value: 'price', label: { en: 'Price', fr: 'Prix' } }] }] },
      { id: 'csat', questions: [{ id: 'csat', type: 'rating', scale: 5, text: 'Satisfied?' }] },
      { id: 'ces', questions: [{ id: 'effort', type: 'rating', scale: 7, text: 'Easy?' }] },
      { id: 'never-shown', questions: [{ id: 'x', type: 'thumbs', text: 'Hm?' }] },
    ],
  };

  it('counts impressions, complete and partial responses, dismissals and the response rate', () => {
    const [s] = summarize(
      [
        event({ type: 'impression', responseId: 'a', surveyId: 'csat' }),
        event({ responseId: 'a', surveyId: 'csat', answers: { csat: 5 }, complete: true }),
        event({ type: 'impression', responseId: 'b', surveyId: 'csat' }),
        event({ responseId: 'b', surveyId: 'csat', answers: { csat: 2 }, complete: false }),
        event({ type: 'dismissal', responseId: 'b', surveyId: 'csat' }),
        event({ type: 'impression', responseId: 'c', surveyId: 'csat' }),
        event({ type: 'dismissal', responseId: 'c', surveyId: 'csat' }),
        event({ type: 'impression', responseId: 'd', surveyId: 'csat' }),
      ],
      { surveys: [defs.surveys[1]] },
    );
    expect(s).toMatchObject({ impressions: 4, responses: 2, complete: 1, partial: 1, dismissals: 2, rate: 0.5 });
    expect(s.questions[0].score).toBe('CSAT 50 % (4–5)');
    expect(s.questions[0].bars.map((b: { count: number }) => b.count)).toEqual([0, 1, 0, 0, 1]);
  });

  it('scores NPS as promoters minus detractors, counts multiple choices per option and lists texts newest first', () => {
    const answers = [{ nps: 10, reason: 'first', liked: ['quality', 'price'] }, { nps: 9, liked: ['price'] }, { nps: 7 }, { nps: 3, reason: 'last' }];
    const [nps] = summarize(
      answers.map((a, i) => event({ surveyId: 'nps-email', responseId: 'n' + i, answers: a, moment: 'link' })),
      defs,
    );
    const [score, reason, liked] = nps.questions;
    expect(score.score).toBe('NPS +25 (2 promoters, 1 passives, 1 detractors)');
    expect(reason.texts.map((t: { answer: string }) => t.answer)).toEqual(['last', 'first']);
    expect(liked.bars).toEqual([{ label: 'quality', count: 1 }, { label: 'Price', count: 2 }]);
  });

  it('averages CES on a 7-point rating and takes the last answers of a display', () => {
    const [, , ces] = summarize(
      [
        event({ surveyId: 'ces', responseId: 'x', answers: { effort: 1 }, complete: false }),
        event({ surveyId: 'ces', responseId: 'x', answers: { effort: 6 }, complete: true }),
        event({ surveyId: 'ces', responseId: 'y', answers: { effort: 5 } }),
      ],
      defs,
    );
    expect(ces.responses).toBe(2);
    expect(ces.questions[0].score).toBe('CES average 5.5 / 7');
  });

  it("shows visitors' text as text, never as markup", () => {
    const page = String(
      resultsPage(
        [event({ surveyId: 'nps-email', answers: { nps: 1, reason: '<img src=x onerror=alert(1)>' }, context: { path: '/"><script>alert(2)</script>', cartValue: '<b>' } })],
        defs,
      ),
    );
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lists the surveys that have no events yet instead of empty cards', () => {
    const page = String(resultsPage([], defs));
    expect(page).toContain('No events yet for');
    expect(page).not.toContain('id="survey-never-shown"');
  });
});

describe('demo shop state', () => {
  it('a tampered cart cookie keeps only known products with sane quantities', () => {
    const cart = readCart('fjord-mug:2,ghost:1,oak-lamp:-1,ripple-vase:x,linen-throw:99,fjord-mug:5');
    expect(cart.lines.map((l: { product: { id: string }; quantity: number }) => [l.product.id, l.quantity])).toEqual([['fjord-mug', 2], ['linen-throw', 9]]);
    expect(cart.value).toBe(2 * 24 + 9 * 89);
    expect(updateCart(cart, 'fjord-mug', 0)).toBe('linen-throw:9');
  });

  it('an order cookie that is not one of ours is no order', () => {
    expect(readOrder('garbage')).toBeUndefined();
    expect(readOrder(Buffer.from(JSON.stringify({ id: 'x', items: 'fjord-mug:1', shipping: 'standard' })).toString('base64url'))).toBeUndefined();
  });
});

describe('demo server', () => {
  let demo: { url: string; close(): Promise<void> };
  let base = '';
  beforeAll(async () => {
    demo = await startDemo({ port: 0, dataFile: join(dir, 'server.jsonl'), print: () => {} });
    base = demo.url;
  });
  afterAll(() => demo?.close());

  it('serves every shop page under the strict CSP', async () => {
    for (const path of ['/', '/products/fjord-mug', '/cart', '/orders/track', '/inbox', '/help', '/help/care-guide', '/results']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
      expect(await res.text(), path).not.toMatch(/<script>|<style|style="/);
    }
  });

  it('collects a text/plain POST with CORS headers, answers OPTIONS, and returns the events', async () => {
    const sent = event();
    const res = await fetch(base + '/collect', { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: body(sent, sent) });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const options = await fetch(base + '/collect', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-origin')).toBe('*');
    const { events } = await (await fetch(base + '/api/events')).json();
    expect(events.filter((e: { eventId: string }) => e.eventId === sent.eventId)).toHaveLength(1);
    expect((await fetch(base + '/collect', { method: 'POST', body: 'nope' })).status).toBe(400);
  });

  it('never serves a file outside its folders', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/dist/..%2fpackage.json', '/assets/%2e%2e/server.mjs', '/surveys.json.data/events.jsonl'])
      expect((await fetch(base + path)).status, path).toBe(404);
  });
});
