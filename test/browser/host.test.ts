// Never break the host (issue 5, SPEC §3): strict CSP, hostile CSS, CSS that stays inside,
// definition text that stays text, destroy, a double include, and the npm build on a module page.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser, htmlPage, scriptTag, useBrowser, type Harness } from './harness';

const HOST = '[data-ressenti-host]';
const JS = { 'Content-Type': 'text/javascript' };
const STUB = '<script src="/stub.js"></script>';
const CSAT = { id: 'csat', on: 'page-view', questions: [{ id: 'mood', type: 'emoji', text: 'How was your visit?' }] };
const ON_PURCHASE = { id: 'checkout', on: 'purchase', questions: [{ id: 'mood', type: 'emoji', text: 'How was checkout?' }] };

type Win = Window & { ressenti(...args: unknown[]): void; __violations: string[] };

/** Pages and scripts every test here shares. */
function common(t: Harness) {
  const { pages } = t.server;
  pages.set('/stub.js', { body: 'window.ressenti=window.ressenti||function(){(ressenti.q=ressenti.q||[]).push(arguments)}', headers: JS });
  pages.set('/csat.json', { body: { surveys: [CSAT] } });
  pages.set('/purchase.json', { body: { surveys: [ON_PURCHASE] } });
  // A same-origin script that runs before ours and records every CSP violation of the page.
  pages.set('/watch.js', {
    body: "window.__violations=[];addEventListener('securitypolicyviolation',function(e){__violations.push(e.effectiveDirective+' '+e.blockedURI)},true)",
    headers: JS,
  });
}

const face = (page: Page) => page.locator(HOST).getByRole('button', { name: 'Delighted' });

describeBrowser('a strict Content Security Policy', () => {
  const t = useBrowser();
  beforeAll(() => common(t));

  const policies = {
    "default-src 'self'; script-src 'self'; style-src 'self'": '',
    "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'": 'abc',
    "script-src 'nonce-abc'; style-src 'self'": 'abc', // without strict-dynamic the UI file needs the nonce passed on
    // Trusted Types: the UI file's URL goes through the `ressenti` policy, allowed by name or by no list at all.
    "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types ressenti": '',
    "script-src 'nonce-abc' 'strict-dynamic'; style-src 'self'; require-trusted-types-for 'script'": 'abc',
  };

  it.each(Object.entries(policies))('under `%s` the survey shows, is answered and delivered with no violation', async (csp, nonce) => {
    const n = nonce ? ` nonce="${nonce}"` : '';
    const tag = scriptTag(t.server, { surveys: '/csat.json' }).replace('<script', `<script${n}`);
    t.server.pages.set('/csp.html', { body: htmlPage(`<h1>Shop</h1>${tag}`, `<script${n} src="/watch.js"></script>`), headers: { 'Content-Security-Policy': csp } });
    const { page, log } = await t.open('/csp.html');
    await face(page).click();
    await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response' && x.complete));
    await page.locator(HOST).getByText('Thank you!').waitFor();
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Win).__violations)).toEqual([]);
    expect(log.messages.filter((m) => /Content.Security.Policy/i.test(m.text))).toEqual([]);
    expect(log.errors).toEqual([]);
    // The listener does see what the policy blocks: an inline style attribute.
    await page.evaluate(() => document.body.setAttribute('style', 'color:red'));
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).__violations.length)).toBe(1);
  });

  it('a Trusted Types policy that does not allow "ressenti" gets one clear error, and nothing thrown', async () => {
    const csp = "script-src 'self'; require-trusted-types-for 'script'; trusted-types other";
    const errors = "window.__errors=[];ressenti('on','error',function(e){__errors.push(e.message)})";
    t.server.pages.set('/errors.js', { body: errors, headers: JS });
    const body = htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/csat.json' }), STUB + '<script src="/errors.js"></script>');
    t.server.pages.set('/tt.html', { body, headers: { 'Content-Security-Policy': csp } });
    const { page, log } = await t.open('/tt.html');
    const errorsOf = () => page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
    await expect.poll(errorsOf).toHaveLength(1);
    // The UI file and the survey file are fetched together: the first refused is the one reported.
    expect((await errorsOf())[0]).toMatch(/could not load the (UI|survey file) from .*"trusted-types ressenti"/);
    expect(t.server.hits('/dist/ressenti-ui.min.js')).toBe(0);
    expect(t.server.hits('/dist/ressenti-survey.min.js')).toBe(0);
    expect(log.errors).toEqual([]);
  });
});

/** Everything that decides how the widget looks: each shadow element's box and main computed styles. */
const look = (page: Page) =>
  page.locator(HOST).evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('*')].map((el) => {
      const { x, y, width, height } = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return [el.tagName, x, y, width, height, cs.color, cs.backgroundColor, cs.font, cs.display, cs.visibility, cs.opacity].join(' ');
    }),
  );

describeBrowser('a hostile page', () => {
  const t = useBrowser();
  beforeAll(() => {
    common(t);
    const { pages } = t.server;
    pages.set('/hostile.css', {
      body: `* { all: unset }
        div, button { display: none !important }
        html { font-size: 6px }
        body { transform: scale(.5) }
        #cover, #dlg, #pop { position: fixed; inset: 0; width: 100vw; height: 100vh; z-index: 2147483647; background: #400; display: block }`,
      headers: { 'Content-Type': 'text/css' },
    });
    // Runs before the widget: a full-screen cover outside <body>, a non-modal dialog and a popover already open.
    pages.set('/hostile.js', {
      body: `const cover = document.createElement('section'); cover.id = 'cover'; document.documentElement.append(cover);
        document.getElementById('dlg').show(); document.getElementById('pop').showPopover();`,
      headers: JS,
    });
    const body = '<h1>Shop</h1><div><button>Buy</button></div><dialog id="dlg">Cookies?</dialog><aside id="pop" popover>Sale!</aside>';
    pages.set('/hostile.html', htmlPage(body + '<script src="/hostile.js"></script>' + scriptTag(t.server, { surveys: '/csat.json' }), '<link rel="stylesheet" href="/hostile.css">'));
    pages.set('/plain.html', htmlPage(body + scriptTag(t.server, { surveys: '/csat.json' })));
  });

  it('cannot hide, shrink or cover the widget: it looks as on a plain page, and a tap on it answers', async () => {
    const options = { reducedMotion: 'reduce' as const }; // no entry animation: boxes are final at once
    const plain = await t.open('/plain.html', options);
    await face(plain.page).waitFor();
    const { page, log } = await t.open('/hostile.html', options);
    expect(await page.evaluate(() => document.querySelector('#pop')!.matches(':popover-open') && document.querySelector('dialog')!.open)).toBe(true);
    const smiley = face(page);
    await smiley.waitFor();
    expect(await look(page)).toEqual(await look(plain.page));

    const viewport = page.viewportSize()!;
    for (const control of [page.locator(HOST).getByRole('button', { name: 'Close' }), smiley]) {
      const box = (await control.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    // What a finger lands on at the face's centre: our host in the page, the face inside it.
    const hit = await smiley.evaluate((button) => {
      const { left, top, width, height } = button.getBoundingClientRect();
      const [x, y] = [left + width / 2, top + height / 2];
      const host = (button.getRootNode() as ShadowRoot).host;
      const top1 = document.elementFromPoint(x, y);
      return { host: top1 === host, face: button.contains(host.shadowRoot!.elementFromPoint(x, y)) };
    });
    expect(hit).toEqual({ host: true, face: true });

    await smiley.click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')).toMatchObject({ surveyId: 'csat', answers: { mood: 5 }, complete: true });
    expect(log.errors).toEqual([]);
  });

  it('keeps its CSS to itself: page elements look the same before and after it shows', async () => {
    // Page elements wearing the widget's own class names and tags: any rule that escaped would match them.
    const body =
      '<main class="card popover light"><h2 class="message">Title</h2><p class="progress ends probe caption hidden">Text</p><button class="close option btn primary on">Buy</button>' +
      '<svg class="on" width="10" height="10"></svg><textarea></textarea><input type="checkbox"><a class="btn" href="#">Link</a></main>';
    t.server.pages.set('/leak.html', htmlPage(STUB + body + scriptTag(t.server, { surveys: '/purchase.json' })));
    const { page } = await t.open('/leak.html');
    await page.waitForFunction(() => (window as unknown as { ressenti: { loaded?: boolean } }).ressenti.loaded);
    const styles = () =>
      page.evaluate(() => ({
        sheets: [document.styleSheets.length, document.adoptedStyleSheets.length, document.querySelectorAll('style, link').length],
        vars: ['--accent', '--bg', '--fg', '--on'].map((v) => getComputedStyle(document.documentElement).getPropertyValue(v)),
        elements: [...document.querySelectorAll('*')]
          .filter((el) => !el.closest('[data-ressenti-host], script'))
          .map((el) => {
            const cs = getComputedStyle(el);
            return el.tagName + ' ' + [...cs].map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
          }),
      }));
    const before = await styles();
    await page.evaluate(() => (window as unknown as Win).ressenti('moment', 'purchase'));
    await face(page).waitFor();
    expect(await styles()).toEqual(before);
  });

  it('shows markup in definitions as text and creates no element from it', async () => {
    const survey = {
      id: 'markup',
      on: 'page-view',
      questions: [{ id: 'pick', type: 'choice', text: '<img src=x onerror=alert(1)>Which one?', options: ['<b>bold</b>', 'plain'] }],
      thanks: { text: '<i>merci</i>' },
    };
    t.server.pages.set('/markup.json', { body: [survey] });
    t.server.pages.set('/markup.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/markup.json' })));
    const { page, log } = await t.open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
    await page.goto(t.server.url + '/markup.html');
    const widget = page.locator(HOST);
    await expect.poll(() => widget.getByRole('heading').textContent()).toBe('<img src=x onerror=alert(1)>Which one?');
    await widget.getByRole('button', { name: '<b>bold</b>' }).click();
    await expect.poll(() => widget.getByText('<i>merci</i>', { exact: true }).count()).toBe(1);
    expect(await widget.evaluate((host) => host.shadowRoot!.querySelectorAll('img, b, i').length + document.querySelectorAll('img, b, i').length)).toBe(0);
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.find((x) => x.type === 'response')?.answers).toEqual({ pick: '<b>bold</b>' });
    expect(t.server.hits('/x')).toBe(0);
    expect(dialogs).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('refuses a thanks action that is not an http(s) or relative URL, naming the survey and the field', async () => {
    const withAction = (id: string, url: string) => ({ ...CSAT, id, thanks: { action: { label: 'Go', url } } });
    const bad = ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>'];
    const defs = [...bad.map((url, i) => withAction('bad' + i, url)), withAction('ok', '/help')];
    t.server.pages.set('/actions.json', { body: defs });
    t.server.pages.set('/actions.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/actions.json' })));
    const { page, log } = await t.open('/actions.html');
    await face(page).click();
    await page.locator(HOST).getByRole('link', { name: 'Go' }).waitFor();
    expect(await page.locator(HOST).getByRole('link', { name: 'Go' }).getAttribute('href')).toBe('/help');
    const errors = log.ressenti();
    expect(errors).toHaveLength(bad.length);
    bad.forEach((_, i) => expect(errors[i]).toMatch(new RegExp(`"bad${i}".*thanks\\.action\\.url.*http`)));
    expect((await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'))).map((e) => e.surveyId)).toEqual(['ok', 'ok']);
  });
});

// Counts what is live on the page: event listeners on connected targets, observers observing,
// pending timers. Listeners on elements that left the document are garbage, not a leak.
const COUNTER = `(() => {
  const live = [], observers = new Set(), timers = new Set();
  const cap = (o) => typeof o === 'boolean' ? o : !!(o && o.capture);
  const at = (t, type, fn, o) => live.findIndex((e) => e[0] === t && e[1] === type && e[2] === fn && e[3] === cap(o));
  const P = EventTarget.prototype, add = P.addEventListener, remove = P.removeEventListener;
  P.addEventListener = function (type, fn, o) { if (fn && at(this, type, fn, o) < 0) live.push([this, type, fn, cap(o)]); return add.call(this, type, fn, o); };
  P.removeEventListener = function (type, fn, o) { const i = at(this, type, fn, o); if (i >= 0) live.splice(i, 1); return remove.call(this, type, fn, o); };
  for (const O of [MutationObserver, IntersectionObserver, ResizeObserver]) {
    const { observe, disconnect } = O.prototype;
    O.prototype.observe = function (...a) { observers.add(this); return observe.apply(this, a); };
    O.prototype.disconnect = function () { observers.delete(this); return disconnect.call(this); };
  }
  const st = setTimeout, ct = clearTimeout, si = setInterval, ci = clearInterval;
  window.setTimeout = (fn, ms, ...a) => { const id = st(() => { timers.delete(id); typeof fn === 'function' && fn(...a); }, ms); timers.add(id); return id; };
  window.clearTimeout = (id) => { timers.delete(id); ct(id); };
  window.setInterval = (fn, ms, ...a) => { const id = si(fn, ms, ...a); timers.add(id); return id; };
  window.clearInterval = (id) => { timers.delete(id); ci(id); };
  window.__live = () => ({
    listeners: live.filter(([t]) => !(t instanceof Node) || t.isConnected).map(([t, type]) => (t.nodeName || t.constructor.name) + ' ' + type).sort(),
    observers: observers.size,
    timers: timers.size,
  });
})()`;

interface Live {
  listeners: string[];
  observers: number;
  timers: number;
}
const live = (page: Page) => page.evaluate(() => (window as unknown as { __live(): Live }).__live());

describeBrowser('the host page after Ressenti', () => {
  const t = useBrowser();
  beforeAll(() => {
    common(t);
    const defs = [CSAT, { id: 'helpful', display: 'inline', questions: [{ id: 'ok', type: 'thumbs', text: 'Helpful?' }] }];
    t.server.pages.set('/both.json', { body: defs });
    const body = '<h1>Returns</h1><section data-ressenti-inline="helpful"></section><a href="#" data-ressenti-click="help">Help</a>';
    t.server.pages.set('/destroy.html', htmlPage(STUB + body + scriptTag(t.server, { surveys: '/both.json' })));
    t.server.pages.set('/once.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/csat.json' })));
    t.server.pages.set('/twice.html', htmlPage('<h1>Shop</h1>' + scriptTag(t.server, { surveys: '/csat.json' }).repeat(2)));
  });

  it('destroy() leaves the page as it was before, and the script loaded again works', async () => {
    const { page, context } = await t.open();
    await context.addInitScript(COUNTER);
    // Hold our script until the page without it has been looked at.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await context.route('**/dist/ressenti.min.js', async (route) => (await held, route.continue()));
    await page.goto(t.server.url + '/destroy.html', { waitUntil: 'domcontentloaded' });
    const html = () => page.evaluate(() => document.documentElement.outerHTML);
    const [beforeHtml, beforeLive] = [await html(), await live(page)];
    release();

    await face(page).waitFor();
    await page.locator('section').locator(HOST).getByRole('button', { name: 'Yes', exact: true }).waitFor();
    const running = await live(page);
    expect(running.listeners.length).toBeGreaterThan(beforeLive.listeners.length); // the counter does see ours
    expect(running.observers).toBeGreaterThan(beforeLive.observers);
    await page.evaluate(() => (window as unknown as Win).ressenti('destroy'));
    expect(await html()).toBe(beforeHtml);
    await expect.poll(() => live(page)).toEqual(beforeLive); // a render's own frame timer may still be due

    // The same tag again: it starts afresh and works.
    await page.evaluate(() => {
      const copy = document.createElement('script');
      for (const { name, value } of document.querySelector('script[data-endpoint]')!.attributes) copy.setAttribute(name, value);
      document.body.append(copy);
    });
    await face(page).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.filter((x) => x.type === 'response')).toMatchObject([{ surveyId: 'csat', answers: { mood: 5 } }]);
  });

  it('included twice, starts once: one definitions fetch, one impression, the listeners of one', async () => {
    const counts = async (path: string) => {
      const { page, context } = await t.open();
      await context.addInitScript(COUNTER);
      await page.goto(t.server.url + path);
      await face(page).waitFor();
      await t.server.collector.waitFor((e) => e.some((x) => x.type === 'impression'));
      // Its arrival announced (a timer of its own, 500 ms after it appeared): counted the same on both
      // pages, and by then a second copy would have shown and stored its own impression too; counted
      // once the outbox has sent everything it holds.
      await expect.poll(() => page.locator(HOST).getByRole('status').textContent()).toBe('Feedback');
      await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ressenti:o:')).length)).toBe(0);
      const seen = { impressions: t.server.collector.events.length, fetches: t.server.hits('/csat.json'), hosts: await page.locator(HOST).count() };
      t.server.reset();
      return { seen, live: await live(page) };
    };
    const once = await counts('/once.html');
    const twice = await counts('/twice.html');
    expect(twice.seen).toEqual({ impressions: 1, fetches: 1, hosts: 1 });
    expect(twice).toEqual(once);
  });

  it('the npm build works from a <script type="module"> page with init()', async () => {
    t.server.pages.set('/app.mjs', {
      body: `import { init } from '/dist/index.mjs';
        const feedback = init({ endpoint: '/collect', surveys: ${JSON.stringify([ON_PURCHASE])} });
        feedback.moment('purchase', { value: 42 });`,
      headers: JS,
    });
    t.server.pages.set('/spa.html', htmlPage('<div id="app">App</div><script type="module" src="/app.mjs"></script>'));
    const { page, log } = await t.open('/spa.html');
    await face(page).click();
    const events = await t.server.collector.waitFor((e) => e.some((x) => x.type === 'response'));
    expect(events.map((e) => e.type)).toEqual(['impression', 'response']);
    expect(events[1]).toMatchObject({ surveyId: 'checkout', answers: { mood: 5 }, context: { value: 42, path: '/spa.html' } });
    expect(log.ressenti()).toEqual([]);
    expect(log.errors).toEqual([]);
  });
});
