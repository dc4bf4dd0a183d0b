// Pages that changed JSON built-ins before our script ran (Prototype.js 1.6, old MooTools sites):
// the collector still gets exactly `{"events":[…]}`, and the outbox reads back what was stored.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import { describeBrowser, useBrowser } from './harness';
import { HOST, journeyPage, loaded, ressenti } from './journey-helpers';

const defs = {
  surveys: [
    {
      id: 'topics',
      questions: [{ id: 'topics', type: 'choice', multiple: true, text: 'What brought you here?', options: ['price', 'delivery', 'returns'] }],
    },
  ],
};

// What such a page runs before Ressenti: Prototype 1.6's `Array#toJSON` returns a JSON *string*
// (so that native JSON.stringify nests it as a string), a library's `Object.prototype.toJSON`,
// and a replaced JSON.stringify.
const HOSTILE = `<script>
  Array.prototype.toJSON = function () { return '[' + this.map(function (x) { return '"' + x + '"'; }).join(', ') + ']'; };
  Object.prototype.toJSON = function () { return 'object'; }; // assigned: enumerable, seen by every for…in
  JSON.stringify = function () { return '{"replaced":true}'; };
</script>`;

/** The outbox entries as stored in localStorage (raw JSON text, parsed here, not in the page). */
const outbox = (page: Page) =>
  page
    .evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).map((k) => localStorage.getItem(k)!))
    .then((raws) => raws.map((raw) => JSON.parse(raw)));

describeBrowser('pages that patch JSON built-ins', () => {
  const t = useBrowser();

  it('Prototype.js-style toJSON and a replaced JSON.stringify change neither the request body nor the stored outbox', async () => {
    const { collector } = t.server;
    t.server.pages.set('/prototype.html', journeyPage(t.server, '<h1>Shop</h1>', defs, {}, HOSTILE));
    collector.hang(true); // the events wait in the outbox, where we look at them
    const { page, log } = await t.open('/prototype.html');
    await loaded(page);
    await ressenti(page, 'context', { pageType: 'product' });
    await ressenti(page, 'show', 'topics');
    const widget = page.locator(HOST);
    await widget.getByRole('checkbox', { name: 'price' }).check();
    await widget.getByRole('checkbox', { name: 'returns' }).check();
    await widget.getByRole('button', { name: /send/i }).click();
    await expect.poll(() => collector.requests.some((r) => r.body.includes('"response"'))).toBe(true);

    // Stored as real arrays and objects, not strings.
    const stored = await outbox(page);
    const response = stored.map((x) => Object.values(x).find((v) => (v as FeedbackEvent)?.eventId) as FeedbackEvent).find((e) => e?.type === 'response');
    expect(response?.answers).toEqual({ topics: ['price', 'returns'] });
    collector.hang(false);

    const events = await collector.waitFor((e) => e.some((x) => x.type === 'response'), 20_000);
    for (const { body } of collector.requests) {
      const parsed = JSON.parse(body);
      expect(Object.keys(parsed)).toEqual(['events']);
      expect(Array.isArray(parsed.events)).toBe(true);
    }
    const sent = events.find((e) => e.type === 'response')!;
    expect(sent).toMatchObject({ surveyId: 'topics', answers: { topics: ['price', 'returns'] }, complete: true, context: { pageType: 'product' } });
    expect(typeof sent.context).toBe('object');
    expect(collector.duplicates).toBe(0);
    expect(log.errors).toEqual([]);
  });
});
