// "Never in the way" (issue 11): a popover does not cover the focused element, the one under the
// pointer, nor a `data-ressenti-avoid` element; it takes another position instead.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, useBrowser } from './harness';

const defs = { surveys: [{ id: 'mood', questions: [{ id: 'mood', type: 'emoji', text: 'How was your visit?' }] }] };
const VIEWPORT = { width: 1000, height: 700 };

type Win = { ressenti: ((...args: unknown[]) => void) & { loaded?: boolean } };
type Box = { x: number; y: number; width: number; height: number };

/** Whether two boxes share any area. */
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Which corner of the window a box sits in (`center` when it touches neither side). */
const corner = (b: Box, { width, height } = VIEWPORT) =>
  Math.abs(b.x + b.width / 2 - width / 2) < 2 ? 'center' : `${b.y + b.height / 2 < height / 2 ? 'top' : 'bottom'}-${b.x + b.width / 2 < width / 2 ? 'left' : 'right'}`;

// Fixed in a corner, as chat launchers and sticky fields are.
const FIXED = (where: string) => `style="position:fixed;${where};width:120px;height:48px;margin:0"`;

describeBrowser('a popover is never in the way (issue 11)', () => {
  const t = useBrowser();

  /** Opens a page with `body` and the widget, then shows the survey; resolves with the popover's box once it is on screen. */
  const showOn = async (body: string, prepare: (page: Page) => Promise<unknown> = async () => {}, attrs: Record<string, string> = {}, viewport = VIEWPORT, edit = (html: string) => html) => {
    const path = `/page-${Math.random().toString(36).slice(2)}.html`;
    t.server.pages.set('/surveys.json', { body: defs });
    t.server.pages.set(path, edit(htmlPage(body + scriptTag(t.server, { surveys: '/surveys.json', ...attrs }))));
    const { page, log } = await t.open(path, { viewport });
    await page.waitForFunction(() => (window as unknown as Win).ressenti?.loaded);
    await prepare(page);
    await page.evaluate(() => (window as unknown as Win).ressenti('show', 'mood'));
    const host = page.locator('[data-ressenti-host]');
    await host.getByText('How was your visit?').waitFor();
    expect(log.errors).toEqual([]);
    expect(log.ressenti()).toEqual([]);
    return { page, host, box: (await host.boundingBox())! };
  };
  const boxOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

  it('with nothing in the way it takes the position the site asked for', async () => {
    const { box } = await showOn('<h1>Shop</h1>');
    expect(corner(box)).toBe('bottom-right');
  });

  it('a focused field in the bottom-right corner: the popover appears in another corner, and focus stays in the field', async () => {
    const { page, box } = await showOn(`<input id="note" ${FIXED('right:24px;bottom:24px')}>`, (p) => p.focus('#note'));
    expect(overlaps(box, await boxOf(page, '#note'))).toBe(false);
    expect(corner(box)).toBe('bottom-left');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('note');
  });

  it('focus inside an open shadow root counts too (the shadow host is avoided)', async () => {
    const body = `<div id="shadow" ${FIXED('right:24px;bottom:24px')}></div><script>document.getElementById('shadow').attachShadow({mode:'open'}).innerHTML='<input>'</script>`;
    const { page, box } = await showOn(body, (p) => p.locator('#shadow input').focus());
    expect(overlaps(box, await boxOf(page, '#shadow'))).toBe(false);
  });

  it('focus inside a frame (a card field, say) counts too (the frame is avoided)', async () => {
    const body = `<iframe id="card" srcdoc="<input>" ${FIXED('right:24px;bottom:24px')}></iframe>`;
    const { page, box } = await showOn(body, (p) => p.frameLocator('#card').locator('input').focus());
    expect(overlaps(box, await boxOf(page, '#card'))).toBe(false);
  });

  it('the element under the pointer when it appears is not covered', async () => {
    const { page, box } = await showOn(`<button id="buy" ${FIXED('right:24px;bottom:24px')}>Buy</button>`, (p) => p.hover('#buy'));
    expect(overlaps(box, await boxOf(page, '#buy'))).toBe(false);
    expect(corner(box)).toBe('bottom-left');
  });

  it('on a page in quirks mode (no doctype), where a bare :hover matches links only, it is still the element under the pointer, not its bar', async () => {
    const bar = `<div style="position:fixed;left:0;right:0;bottom:0;height:100px"><button id="buy" ${FIXED('right:24px;bottom:24px')}>Buy</button></div>`;
    const { page, box } = await showOn(bar, (p) => p.hover('#buy'), {}, VIEWPORT, (html) => html.replace('<!doctype html>', ''));
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    expect(overlaps(box, await boxOf(page, '#buy'))).toBe(false);
    expect(corner(box)).toBe('bottom-left');
  });

  it('a data-ressenti-avoid chat launcher bottom-right sends it to bottom-left; with another bottom-left, to the top', async () => {
    const launcher = `<button id="chat" data-ressenti-avoid ${FIXED('right:16px;bottom:16px')}>Chat</button>`;
    const one = await showOn(launcher);
    expect(overlaps(one.box, await boxOf(one.page, '#chat'))).toBe(false);
    expect(corner(one.box)).toBe('bottom-left');

    const two = await showOn(launcher + `<div id="pay" data-ressenti-avoid ${FIXED('left:16px;bottom:16px')}></div>`);
    expect(corner(two.box)).toBe('top-right');
  });

  it('the wanted position comes first: data-position="top-left" stays there while the launcher is bottom-right', async () => {
    const { box } = await showOn(`<button data-ressenti-avoid ${FIXED('right:16px;bottom:16px')}>Chat</button>`, undefined, { position: 'top-left' });
    expect(corner(box)).toBe('top-left');
  });

  it('on a right-to-left page a launcher in its corner (bottom-left, the inline end) sends it to the bottom-right', async () => {
    const { page, box } = await showOn(`<button id="chat" data-ressenti-avoid ${FIXED('left:16px;bottom:16px')}>دردشة</button>`, (p) =>
      p.evaluate(() => (document.body.dir = 'rtl')),
    );
    expect(overlaps(box, await boxOf(page, '#chat'))).toBe(false);
    expect(corner(box)).toBe('bottom-right');
  });

  it('when something is in every corner it goes where it covers the least (the centre)', async () => {
    const corners = ['left:16px;top:16px', 'right:16px;top:16px', 'left:16px;bottom:16px', 'right:16px;bottom:16px'];
    const { box } = await showOn(corners.map((where) => `<div data-ressenti-avoid ${FIXED(where)}></div>`).join(''));
    expect(corner(box)).toBe('center');
  });

  it('when the window changes size it looks again: a launcher the narrower window brings under it sends it to another corner', async () => {
    const { page, host, box } = await showOn(`<button id="chat" data-ressenti-avoid ${FIXED('left:400px;bottom:16px')}>Chat</button>`);
    expect(corner(box)).toBe('bottom-right');
    const narrow = { width: 800, height: 700 };
    await page.setViewportSize(narrow);
    await expect.poll(async () => corner((await host.boundingBox())!, narrow)).toBe('bottom-left');
    expect(overlaps((await host.boundingBox())!, await boxOf(page, '#chat'))).toBe(false);
  });

  describe('on a phone (a sheet below 640px)', () => {
    const PHONE = { width: 390, height: 844 };
    const PAY = `<button id="pay" data-ressenti-avoid style="position:fixed;left:0;right:0;bottom:0;height:56px">Pay</button>`;

    it('a sticky data-ressenti-avoid pay button at the bottom: the sheet is at the top, full width, and leaves it in reach', async () => {
      const { page, box } = await showOn(PAY, undefined, {}, PHONE);
      expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width });
      expect(overlaps(box, await boxOf(page, '#pay'))).toBe(false);
    });

    it('with nothing in the way it is the bottom sheet, even when the site asks for a top corner', async () => {
      const { box } = await showOn('<h1>Shop</h1>', undefined, { position: 'top-left' }, PHONE);
      expect(box.x).toBe(0);
      expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    });
  });
});
