/**
 * What the journey browser tests share: a page with inline definitions and the script tag, and the
 * few ways a test looks at the widget (its host, the impressions the collector stored, the debug console).
 */
import type { Page } from 'playwright-core';
import type { FeedbackEvent } from '../../src/types';
import { htmlPage, scriptTag, type ConsoleLog, type Server } from './harness';

export const HOST = '[data-ressenti-host]';

/**
 * A page whose definitions are inline (`#defs`, before the async script tag so it is parsed when the
 * script runs), with `attrs` as further `data-*` on the tag. `head` may set up `dataLayer`, probes…
 */
export function journeyPage(server: Server, body: string, defs: object, attrs: Record<string, string | true> = {}, head = ''): string {
  const inline = `<script type="application/json" id="defs">${JSON.stringify(defs)}</script>`;
  return htmlPage(body + inline + scriptTag(server, { surveys: '#defs', ...attrs }), head);
}

/** A one-question survey on moment `on`, asking "Survey ID?": the text tells which survey is on screen. */
export const ask = (id: string, on: string, extra: object = {}) => ({
  id,
  on,
  ...extra,
  questions: [{ id: 'mood', type: 'emoji', text: `Survey ${id}?` }],
});

/** Records in `window.appeared` the `performance.now()` at which the widget's host entered the page. */
export const APPEARED_PROBE = `<script>new MutationObserver((records, observer) => {
  if (document.querySelector('${HOST}')) { window.appeared = performance.now(); observer.disconnect(); }
}).observe(document.documentElement, { childList: true, subtree: true });</script>`;

/**
 * With time stopped (`stopTime`): runs the page's clock `ms` on, lets a UI download started meanwhile
 * finish, then runs it one more millisecond: a moment fired in that time schedules its survey
 * `setTimeout(…, 0)`, which a fake clock fires 1 ms later. A survey due by then is in the page when
 * this resolves (seen by `count()`; Playwright calls it visible once time flows): "nothing shows"
 * needs no sleep.
 */
export async function runTime(page: Page, ms: number): Promise<void> {
  await page.clock.runFor(ms);
  await page.waitForFunction(() => !document.querySelector('script[src*="ressenti-ui"]'));
  await page.clock.runFor(1);
}

/** Calls `window.ressenti(...args)` in the page, as the site's own code would. */
export const ressenti = (page: Page, ...args: unknown[]) =>
  page.evaluate((a) => (window as unknown as { ressenti: (...a: unknown[]) => void }).ressenti(...a), args);

/** Resolves once the script tag has loaded and replaced the queue stub. */
export const loaded = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { ressenti?: { loaded?: boolean } }).ressenti?.loaded);

/** The impressions the collector stored, in order. */
export const impressions = (server: Server): FeedbackEvent[] => server.collector.events.filter((e) => e.type === 'impression');

/** Waits until the collector has stored `n` impressions of `surveyId` and returns the last one. */
export async function impressionOf(server: Server, surveyId: string, n = 1): Promise<FeedbackEvent> {
  const of = (events: FeedbackEvent[]) => events.filter((e) => e.type === 'impression' && e.surveyId === surveyId);
  const events = await server.collector.waitFor((events) => of(events).length >= n);
  return of(events)[n - 1];
}

/** Waits for the popover with this question text, then closes it as a visitor would (close button). */
export async function closePopover(page: Page, question: string | RegExp): Promise<void> {
  const widget = page.locator(HOST);
  await widget.getByText(question).waitFor();
  await widget.getByRole('button', { name: 'Close' }).click();
  await widget.waitFor({ state: 'detached' });
}

/** Sets the page hidden or visible the way a browser does (`document.hidden`, `visibilityState`, the event); returns `performance.now()`. */
export const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((hidden) => {
    // Headless Chromium reports every page visible, whatever tab or window is in front: see the dwell test.
    const state = hidden ? 'hidden' : 'visible';
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return performance.now();
  }, hidden);

/** The debug explanation of the `n`-th decision on `moment` (1-based): its title and the lines inside its collapsed group. */
export async function explanation(log: ConsoleLog, moment: string, n = 1): Promise<{ title: string; lines: string[] }> {
  const title = `[ressenti] moment "${moment}"`;
  const find = () => {
    const starts = log.messages.flatMap((m, i) => (m.type === 'startGroupCollapsed' && (m.text === title || m.text.startsWith(title + ' ')) ? [i] : []));
    const start = starts[n - 1];
    if (start === undefined) return undefined;
    const end = log.messages.findIndex((m, i) => i > start && m.type === 'endGroup');
    return end < 0 ? undefined : { title: log.messages[start].text, lines: log.messages.slice(start + 1, end).map((m) => m.text) };
  };
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 25))) {
    const found = find();
    if (found) return found;
  }
  throw new Error(`no debug group "${title}" #${n}; console:\n${log.messages.map((m) => `  ${m.type}: ${m.text}`).join('\n')}`);
}
