// Issue 11 behaviours a visitor sees around a popover, in Chromium.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, useBrowser } from './harness';

const HOST = '[data-ressenti-host]';
const defs = { surveys: [{ id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How was your visit?' }] }] };

type Win = { ressenti: ((...args: unknown[]) => void) & { loaded?: boolean } };
const show = async (page: Page, id: string) => {
  await page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
  await page.evaluate((survey) => (window as unknown as Win).ressenti('show', survey), id);
};

describeBrowser('around a popover (issue 11)', () => {
  const t = useBrowser();

  beforeAll(() => {
    t.server.pages.set('/surveys.json', { body: defs });
    t.server.pages.set('/shop.html', htmlPage('<h1>Shop</h1><button id="before">Before</button>' + scriptTag(t.server, { surveys: '/surveys.json' })));
  });

  it('a thanks screen reached by keyboard stays while focus is on it, and closes once focus leaves', async () => {
    const { page } = await t.open();
    await page.clock.install();
    await page.goto(t.server.url + '/shop.html');
    await show(page, 'mood');
    const widget = page.locator(HOST);
    await widget.getByText('How was your visit?').waitFor();
    await page.focus('#before');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab'); // Close, then the fourth face
    await page.keyboard.press('Enter');
    await widget.getByText('Thank you!').waitFor();
    await page.clock.runFor(10_000);
    expect(await widget.count()).toBe(1);
    await page.focus('#before');
    await page.clock.runFor(5_000);
    await expect.poll(() => widget.count()).toBe(0);
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')!.answers).toEqual({ mood: 4 });
  });

  it('the name of the face under the pointer or focus shows as text under the faces, else the picked one', async () => {
    const { page } = await t.open('/shop.html');
    await show(page, 'mood');
    const widget = page.locator(HOST);
    const shown = () => widget.getByRole('group').evaluate((group) => [...group.children].map((b) => getComputedStyle(b, '::after').content).filter((c) => c != 'none'));
    await widget.getByRole('button', { name: 'Happy', exact: true }).hover();
    expect(await shown()).toEqual(['"Happy"']);
    await page.mouse.move(1, 1);
    expect(await shown()).toEqual([]);
    await page.focus('#before');
    await page.keyboard.press('Tab'); // Close
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await shown()).toEqual(['"Unhappy"']);
  });
});
