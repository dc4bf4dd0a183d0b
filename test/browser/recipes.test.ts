// The README's recipes, run as written (only the example URLs are replaced by this test
// server's): a page owner who copies one gets a survey on screen and the answer at the collector.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import { describeBrowser, htmlPage, useBrowser, type Server } from './harness';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The code block under `<!-- recipe: name -->`, its example URLs pointing at `server`. */
function recipe(name: string, server: Server): string {
  const found = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(README);
  if (!found) throw new Error(`README.md has no recipe "${name}"`);
  return found[1].replaceAll('https://collect.example.com/collect', server.collector.url).replaceAll('https://cdn.example.com/ressenti/', server.url + '/dist/');
}

const SURVEYS = { surveys: [{ id: 'post-purchase', on: 'purchase', questions: [{ id: 'mood', type: 'emoji', text: 'How did checking out go?' }] }] };
const answered = (server: Server) => server.collector.waitFor((events) => events.some((e) => e.type === 'response' && e.complete));
const response = (events: FeedbackEvent[]) => events.find((e) => e.type === 'response' && e.complete)!;

describeBrowser('README recipes', () => {
  const t = useBrowser();

  it('plain HTML: the moment on the confirmation page shows the survey, and the answer arrives', async () => {
    t.server.pages.set('/done.html', htmlPage('<h1>Thank you</h1>' + recipe('plain-html', t.server)));
    const { page, log } = await t.open('/done.html');
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Happy', exact: true }).click();
    expect(response(await answered(t.server))).toMatchObject({ surveyId: 'post-purchase', answers: { mood: 4 }, context: { value: 129.9, currency: 'EUR' } });
    expect(log.errors).toEqual([]);
  });

  it('Google Tag Manager: the custom HTML tag injected as GTM does, consent given, a dataLayer purchase as the moment', async () => {
    t.server.pages.set('/dist/surveys.json', { body: SURVEYS });
    // What GTM does with a Custom HTML tag: re-creates each <script> so that the browser runs it.
    t.server.pages.set(
      '/gtm.html',
      htmlPage(
        '<h1>Shop</h1>',
        `<script>window.dataLayer = [];
        window.fireTag = (html) => {
          const t = document.createElement('template');
          t.innerHTML = html;
          for (const node of t.content.children) {
            const s = document.createElement('script');
            for (const a of node.attributes) s.setAttribute(a.name, a.value);
            s.text = node.text;
            document.body.appendChild(s);
          }
        };</script>`,
      ),
    );
    const { page, log } = await t.open('/gtm.html');
    await page.evaluate((tag) => (window as unknown as { fireTag(h: string): void }).fireTag(tag), recipe('gtm', t.server));
    await page.evaluate(() => (window as unknown as { dataLayer: object[] }).dataLayer.push({ event: 'purchase', ecommerce: { value: 129.9, currency: 'EUR' } }));
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Delighted', exact: true }).click();
    const event = response(await answered(t.server));
    expect(event).toMatchObject({ moment: 'purchase', answers: { mood: 5 }, context: { value: 129.9, currency: 'EUR' } });
    expect(event.visitor).toEqual(expect.any(String)); // consent was given: the visitor id is there
    const pushed = await page.evaluate(() => (window as unknown as { dataLayer: { event?: string }[] }).dataLayer.map((d) => d.event));
    expect(pushed).toContain('ressenti_response');
    expect(log.errors).toEqual([]);
  });

  it('forwarding: each finished response reaches GA4, PostHog and Segment, with its answers flattened', async () => {
    t.server.pages.set(
      '/forward.html',
      htmlPage(
        '<h1>Thank you</h1>' + recipe('plain-html', t.server) + recipe('forward', t.server),
        `<script>window.sent = [];
        window.gtag = (...args) => sent.push(['ga4', ...args]);
        window.posthog = { capture: (...args) => sent.push(['posthog', ...args]) };
        window.analytics = { track: (...args) => sent.push(['segment', ...args]) };</script>`,
      ),
    );
    const { page } = await t.open('/forward.html');
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Unhappy', exact: true }).click();
    await answered(t.server);
    const props = { survey_id: 'post-purchase', moment: 'purchase', answer_mood: '2' };
    await expect.poll(() => page.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).toEqual([
      ['ga4', 'event', 'survey_response', props],
      ['posthog', 'survey response', props],
      ['segment', 'Survey Response', props],
    ]);
  });

  // Liquid is Shopify's: the test renders the recipe's few tags with a shop's values, and refuses
  // any tag it does not know, so a changed recipe cannot go untested.
  const liquid = (code: string, values: Record<string, string>) =>
    code
      .replace(/\{% (if first_time_accessed|endif) %\}\n?/g, '')
      .replace(/\{\{ (.+?) \}\}/g, (_, expr: string) => {
        if (!(expr in values)) throw new Error(`recipe uses {{ ${expr} }}: give it a value in the test`);
        return values[expr];
      });

  it('Shopify: the theme snippet gives page context, the order status page the purchase moment', async () => {
    t.server.pages.set('/dist/ressenti-surveys.json', { body: { surveys: [{ ...SURVEYS.surveys[0], if: { context: { pageType: 'product' } }, on: 'page-view', id: 'product-mood' }, SURVEYS.surveys[0]] } });
    const assets = { "'ressenti.min.js' | asset_url": t.server.url + '/dist/ressenti.min.js', "'ressenti-surveys.json' | asset_url": t.server.url + '/dist/ressenti-surveys.json' };
    const theme = liquid(recipe('shopify-theme', t.server), { ...assets, 'request.locale.iso_code': 'en', 'template.name | json': '"product"', 'cart.total_price | divided_by: 100.0 | json': '42.5' });
    const status = liquid(recipe('shopify-order-status', t.server), { ...assets, "checkout.total_price | money_without_currency | remove: ','": '1290.00', 'checkout.currency | json': '"EUR"', 'order.name | json': '"#1001"' });
    t.server.pages.set('/products/mug.html', htmlPage('<h1>Mug</h1>' + theme));
    t.server.pages.set('/orders/status.html', htmlPage('<h1>Thank you</h1>' + status));

    const { page, log } = await t.open('/products/mug.html');
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Happy', exact: true }).click();
    expect(response(await answered(t.server))).toMatchObject({ surveyId: 'product-mood', context: { pageType: 'product', cartValue: 42.5, locale: 'en' } });
    t.server.collector.reset();
    await page.goto(t.server.url + '/orders/status.html');
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Delighted', exact: true }).click();
    expect(response(await answered(t.server))).toMatchObject({ surveyId: 'post-purchase', moment: 'purchase', context: { value: 1290, currency: 'EUR', orderId: '#1001' } });
    expect(log.errors).toEqual([]);
  });

  // React and Nuxt themselves are not installed: the page gives the recipe the few functions it
  // calls (`useEffect`, `defineNuxtPlugin`) and runs the component's lifecycle as they would.
  const moduleHost = (imports: Record<string, string>, body: string) =>
    htmlPage('<h1>App</h1>', `<script type="importmap">${JSON.stringify({ imports: { ressenti: '/dist/index.mjs', ...imports } })}</script><script type="module">${body}</script>`);

  it('React: init in an effect and destroy in its cleanup survive Strict Mode, and unmounting removes the widget', async () => {
    t.server.pages.set('/surveys.json', { body: { surveys: [{ ...SURVEYS.surveys[0], on: 'page-view' }] } });
    t.server.pages.set('/recipe.mjs', { body: recipe('react', t.server), headers: { 'Content-Type': 'text/javascript' } });
    t.server.pages.set(
      '/react.mjs',
      { body: `const effects = []; export const useEffect = (fn) => effects.push(fn);
        export const mount = (Component) => { Component(); return effects.splice(0).map((fn) => fn()); };`, headers: { 'Content-Type': 'text/javascript' } },
    );
    t.server.pages.set(
      '/react.html',
      moduleHost(
        { react: '/react.mjs' },
        `import { mount } from 'react'; import { Feedback } from '/recipe.mjs';
        // Strict Mode in development: mount, unmount, mount again.
        mount(Feedback).forEach((cleanup) => cleanup());
        window.unmount = () => window.cleanups.forEach((cleanup) => cleanup());
        window.cleanups = mount(Feedback);`,
      ),
    );
    const { page, log } = await t.open('/react.html');
    const host = page.locator('[data-ressenti-host]');
    await host.getByRole('button', { name: 'Neutral', exact: true }).click();
    expect(response(await answered(t.server)).answers).toEqual({ mood: 3 });
    expect(t.server.collector.events.filter((e) => e.type === 'impression')).toHaveLength(1);
    await page.evaluate(() => (window as unknown as { unmount(): void }).unmount());
    await expect.poll(() => host.count()).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('Nuxt: the client plugin provides the instance, whose moments show surveys', async () => {
    t.server.pages.set('/surveys.json', { body: SURVEYS });
    t.server.pages.set('/plugin.mjs', { body: recipe('nuxt', t.server), headers: { 'Content-Type': 'text/javascript' } });
    t.server.pages.set(
      '/nuxt.html',
      moduleHost(
        {},
        `window.defineNuxtPlugin = (setup) => setup;
        const { default: plugin } = await import('/plugin.mjs');
        const { provide } = plugin();
        provide.feedback.moment('purchase', { value: 129.9, currency: 'EUR' });`,
      ),
    );
    const { page, log } = await t.open('/nuxt.html');
    await page.locator('[data-ressenti-host]').getByRole('button', { name: 'Happy', exact: true }).click();
    expect(response(await answered(t.server))).toMatchObject({ moment: 'purchase', answers: { mood: 4 }, context: { value: 129.9 } });
    expect(log.errors).toEqual([]);
  });
});
