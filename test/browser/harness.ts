/**
 * What every browser test uses: an HTTP server on loopback (dist/, in-memory pages, fixtures and a
 * real collector), Chromium through playwright-core, and console capture.
 *
 *   describeBrowser('checkout survey', () => {
 *     const t = useBrowser();
 *     it('sends the answer', async () => {
 *       t.server.pages.set('/shop.html', htmlPage('<h1>Shop</h1>', scriptTag(t.server)));
 *       const { page } = await t.open('/shop.html');
 *       …
 *       await t.server.collector.waitFor((events) => events.some((e) => e.type === 'response'));
 *     });
 *   });
 */
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import type { FeedbackEvent } from '../../src/types';
import { CHROMIUM, launchBrowser } from './chromium.mjs';

// Close the browser and come back later: `launchPersistent(dir)` twice on the same `profileDir()`.
export { CHROMIUM, launchBrowser, launchPersistent } from './chromium.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'test/browser/fixtures');

/** A response the server gives for one path. `body` objects are sent as JSON. */
export interface PageEntry {
  body?: string | Buffer | object;
  headers?: Record<string, string>;
  status?: number;
  /** Milliseconds before answering (a slow network). */
  delay?: number;
  /** More of the body, written when it resolves: a page still streaming in (never resolving: a response that never ends). */
  rest?: Promise<string>;
}

export interface CollectedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The raw body, whatever its content type. */
  body: string;
  /** What the collector answered; 0 when the client went away before it could. */
  status: number;
  /** Whether the client is still waiting for an answer (false once answered, or once it went away). */
  waiting: boolean;
  at: number;
}

export interface Collector {
  /** Absolute URL of this collector (`http://127.0.0.1:PORT/collect`). */
  url: string;
  /** Every POST, failed ones included, in arrival order. */
  requests: CollectedRequest[];
  /** Accepted events, one per `eventId`, in order of first arrival. */
  events: FeedbackEvent[];
  /** Accepted events whose `eventId` had already been stored. */
  duplicates: number;
  /** CORS preflight (OPTIONS) requests: the widget should cause none. */
  preflights: number;
  /** The next `n` POSTs are answered `status` (with `headers`, e.g. `{ 'Retry-After': '2' }`) and not stored. */
  failNext(n: number, status?: number, headers?: Record<string, string>): void;
  /** Every `k`-th POST fails with 503 (0 turns it off). */
  failEvery(k: number): void;
  /** While on, POSTs are held open unanswered; turning it off processes them in order. */
  hang(on: boolean): void;
  /** Processes the `n` oldest POSTs held so far, the others stay held. */
  release(n: number): void;
  /** Resolves with the events once `predicate(events)` holds; rejects after `timeoutMs` listing what arrived. */
  waitFor(predicate: (events: FeedbackEvent[]) => boolean, timeoutMs?: number): Promise<FeedbackEvent[]>;
  /** Forgets every request and event, and every programmed failure. */
  reset(): void;
}

export interface Server {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** In-memory responses by path; they win over dist/ and fixtures, so a test can also break a dist file. */
  pages: Map<string, PageEntry | string>;
  collector: Collector;
  /** How many requests reached `path` (query ignored). */
  hits(path: string): number;
  /** Forgets hits and the collector's requests, events and failures; pages stay. */
  reset(): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Milliseconds before every dist/ file is answered (a slow CDN). */
  distDelay?: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Starts a server on 127.0.0.1 with a random port: each call is another origin. */
export async function startServer(opts: ServerOptions = {}): Promise<Server> {
  const pages = new Map<string, PageEntry | string>();
  const hits = new Map<string, number>();
  const { collector, handle } = createCollector();

  const send = async (res: ServerResponse, path: string, entry: PageEntry) => {
    if (entry.delay) await sleep(entry.delay);
    const { body = '', status = 200 } = entry;
    const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    // no-store: every load reaches the server, so hits() tells what the page really fetched.
    res.writeHead(status, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain', 'Cache-Control': 'no-store', ...entry.headers });
    if (!entry.rest) return res.end(data);
    res.write(data);
    res.end(await entry.rest);
  };

  /** A file under `dir`, never outside it. */
  const file = (dir: string, rel: string) => {
    const path = resolve(dir, '.' + rel);
    try {
      return path.startsWith(dir + sep) && statSync(path).isFile() ? readFileSync(path) : undefined;
    } catch {
      return undefined;
    }
  };

  const server = createServer(async (req, res) => {
    const { pathname: path } = new URL(req.url ?? '/', 'http://x');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/collect') return handle(req, res);
    if (path === '/favicon.ico') return res.writeHead(204).end(); // no 404 noise in the console
    if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
    const page = pages.get(path);
    if (page !== undefined) return send(res, path, typeof page === 'string' ? { body: page } : page);
    const dist = path.startsWith('/dist/') && file(DIST, path.slice(5));
    if (dist) return send(res, path, { body: dist, delay: opts.distDelay });
    const fixture = file(FIXTURES, path);
    if (fixture) return send(res, path, { body: fixture });
    send(res, path, { status: 404, body: `not found: ${path}` });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  collector.url = url + '/collect';

  return {
    url,
    pages,
    collector,
    hits: (path) => hits.get(path) ?? 0,
    reset() {
      hits.clear();
      collector.reset();
    },
    close: () =>
      new Promise((done) => {
        collector.hang(false);
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The collector: de-duplicates on `eventId`, fails and hangs on demand. */
function createCollector() {
  let failures: { status: number; headers?: Record<string, string> }[] = [];
  let every = 0;
  let posts = 0;
  let hanging = false;
  let held: (() => void)[] = [];
  // Each `waitFor` re-checks its condition when an event is stored: no polling, no sleep.
  const waiters = new Set<() => void>();

  const collector: Collector = {
    url: '',
    requests: [],
    events: [],
    duplicates: 0,
    preflights: 0,
    failNext(n, status = 503, headers) {
      failures.push(...Array.from({ length: n }, () => ({ status, headers })));
    },
    failEvery(k) {
      every = k;
    },
    hang(on) {
      hanging = on;
      if (!on) collector.release(held.length);
    },
    release(n) {
      for (const release of held.splice(0, n)) release();
    },
    async waitFor(predicate, timeoutMs = 15_000) { // as long as expect.poll waits (vitest.config.ts)
      await new Promise<void>((done) => {
        const check = () => predicate(collector.events) && stop();
        const stop = () => {
          clearTimeout(timer);
          waiters.delete(check);
          done();
        };
        const timer = setTimeout(stop, timeoutMs);
        waiters.add(check);
        check();
      });
      if (predicate(collector.events)) return collector.events;
      const got = collector.events.map((e) => `  ${e.type} ${e.surveyId} ${JSON.stringify(e.answers ?? {})} complete=${e.complete} (${e.eventId})`);
      const statuses = collector.requests.map((r) => r.status).join(', ') || 'none';
      throw new Error(
        `collector: condition not met after ${timeoutMs} ms; ${collector.events.length} event(s) stored` +
          (got.length ? `:\n${got.join('\n')}` : '') +
          `\nrequests answered: ${statuses}; duplicates: ${collector.duplicates}; preflights: ${collector.preflights}`,
      );
    },
    reset() {
      Object.assign(collector, { requests: [], events: [], duplicates: 0, preflights: 0 });
      failures = [];
      every = posts = 0;
      collector.hang(false);
    },
  };

  const answer = (res: ServerResponse, request: CollectedRequest, status: number, headers?: Record<string, string>) => {
    request.status = status;
    res.writeHead(status, { ...CORS, ...headers }).end();
  };

  const accept = (res: ServerResponse, request: CollectedRequest) => {
    if (res.destroyed) return; // the client gave up (timeout, page gone): nothing was accepted
    posts++;
    const failure = failures.shift() ?? (every && posts % every === 0 ? { status: 503 } : undefined);
    if (failure) return answer(res, request, failure.status, failure.headers);
    let events: unknown;
    try {
      events = JSON.parse(request.body).events;
    } catch {
      // falls through to 400 below
    }
    if (!Array.isArray(events)) return answer(res, request, 400);
    for (const event of events as FeedbackEvent[]) {
      if (collector.events.some((e) => e.eventId === event.eventId)) collector.duplicates++;
      else collector.events.push(event);
    }
    answer(res, request, 204);
    waiters.forEach((check) => check());
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      collector.preflights++;
      return res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*' }).end();
    }
    if (req.method !== 'POST') return res.writeHead(405, CORS).end();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: CollectedRequest = { method: 'POST', headers: req.headers, body: Buffer.concat(chunks).toString(), status: 0, waiting: true, at: Date.now() };
      res.on('close', () => (request.waiting = false));
      collector.requests.push(request);
      if (hanging) held.push(() => accept(res, request));
      else accept(res, request);
    });
  };

  return { collector, handle };
}

/** Whether Chromium can be started here. */
export function browserAvailable(): boolean {
  try {
    accessSync(CHROMIUM, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const profiles: string[] = [];
// Vitest may end its workers without an `exit` event: clean up when the test file is done.
afterAll(() => profiles.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A new empty profile directory for `launchPersistent`, removed when the test file is done. */
export function profileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ressenti-profile-'));
  profiles.push(dir);
  return dir;
}

/**
 * `describe` for tests that need Chromium. Without it: skipped with a warning, or failed when `CI` is
 * set, because a CI run that silently skips its browser tests proves nothing.
 */
export function describeBrowser(name: string, fn: () => void): void {
  const why = `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (browserAvailable()) describe(name, fn);
  else if (process.env.CI) {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(why);
      });
    });
  } else {
    console.warn(`\n⚠ browser tests SKIPPED: "${name}": ${why}\n`);
    describe.skip(name, fn);
  }
}

const clocks = new WeakSet<BrowserContext>();

/**
 * Puts the page's time (Date, timers, performance.now, animation frames) under the test's control;
 * it flows as usual until `stopTime`. Call it before `goto`: timers set before it stay real.
 */
export async function fakeTime(page: Page): Promise<void> {
  if (clocks.has(page.context())) return;
  clocks.add(page.context());
  await page.clock.install();
}

/**
 * Stops time in the page (faking it first, from before it loads when called before `goto`): then
 * only `page.clock.runFor(ms)` moves it, firing the timers due, until `page.clock.resume()`. "Not
 * before N ms" and "nothing within N ms" then hold whatever the load of the machine. Called again
 * after a resume, it stops time again, a second later.
 */
export async function stopTime(page: Page): Promise<void> {
  await fakeTime(page);
  // The clock cannot be set back: it stops a little ahead of where it is.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/** Resolves after the timers already due in the page, e.g. the one that sends what was just pushed to the outbox. */
export const nextTask = (page: Page) => page.evaluate(() => new Promise((done) => setTimeout(done)));

/**
 * Shows survey `id` the way a page script does on its own, not from the visitor's click or key,
 * and resolves once it is on screen (after `focus`, a selector, is focused). Playwright's own
 * evaluate calls run as user gestures, which give the page the visitor's transient activation for
 * a few seconds, and a popover opened during it takes focus as one the visitor asked for: so this
 * runs through CDP without one, and a test must not drive the page with Playwright before it.
 */
export async function showUnasked(page: Page, id: string, focus?: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const wait = `new Promise((loaded) => (function poll() { window.ressenti?.loaded ? loaded() : setTimeout(poll, 20); })())`;
  const show = `new Promise((shown) => { ressenti('on', 'impression', shown); ressenti('show', ${JSON.stringify(id)}); })`;
  const before = focus ? `document.querySelector(${JSON.stringify(focus)}).focus();` : '';
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: `${wait}.then(() => { ${before} return ${show}; })`, awaitPromise: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`showUnasked: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
}

/**
 * Counts the POSTs every page of `context` starts from now on (the widget's only ones go to the
 * collector), as they start: "nothing was sent" then needs no sleep. `tab`: the count is kept in
 * sessionStorage, adding up over the pages a tab goes through; else in the page, out of storage.
 */
export const countPosts = (context: BrowserContext, tab = false) =>
  context.addInitScript((tab) => {
    const w = window as unknown as { posts: number };
    const f = fetch;
    w.posts = 0;
    window.fetch = function (url, init) {
      if (init?.method === 'POST') tab ? sessionStorage.setItem('posts', String(Number(sessionStorage.getItem('posts')) + 1)) : w.posts++;
      return f.apply(this, [url, init]);
    };
  }, tab);

/** The POSTs counted (`countPosts`) in this page, or in its tab. */
export const posts = (page: Page, tab = false) =>
  page.evaluate((tab) => (tab ? Number(sessionStorage.getItem('posts')) : (window as unknown as { posts: number }).posts), tab);

export interface ConsoleLog {
  /** Every console message, in order. */
  messages: { type: string; text: string }[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  errors: string[];
  /** Texts of the `[ressenti]` messages of one console type (default `error`). */
  ressenti(type?: string): string[];
}

/** Starts recording a page's console messages and uncaught errors. */
export function consoleOf(page: Page): ConsoleLog {
  const log: ConsoleLog = {
    messages: [],
    errors: [],
    ressenti: (type = 'error') => log.messages.filter((m) => m.type === type && m.text.includes('[ressenti]')).map((m) => m.text),
  };
  page.on('console', (message) => log.messages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => log.errors.push(String(error.stack || error)));
  return log;
}

/** A minimal HTML document. */
export function htmlPage(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}</head><body>${body}</body></html>`;
}

/**
 * The script tag a site owner writes, with `data-endpoint` at this server's collector. `attrs` become
 * `data-*` attributes: `true` → present without a value, `undefined` → left out.
 */
export function scriptTag(server: Server, attrs: Record<string, string | true | undefined> = {}): string {
  const data = Object.entries<string | true | undefined>({ endpoint: server.collector.url, ...attrs })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (value === true ? ` data-${key}` : ` data-${key}="${value!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`))
    .join('');
  return `<script async src="/dist/ressenti.min.js"${data}></script>`;
}

export interface Harness {
  readonly server: Server;
  readonly browser: Browser;
  /** A new browser context (closed after the test) with one page, its console recorded, at `path` if given. */
  open(path?: string, options?: BrowserContextOptions): Promise<{ page: Page; context: BrowserContext; log: ConsoleLog }>;
}

/** One server and one Chromium for the enclosing `describe`; contexts are fresh per `open` and closed after each test. */
export function useBrowser(opts?: ServerOptions): Harness {
  let server: Server;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(opts), launchBrowser()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    server?.reset();
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    async open(path, options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      const log = consoleOf(page);
      if (path) await page.goto(server.url + path);
      return { page, context, log };
    },
  };
}
