// `npm run demo`: the Atelier Nord shop with the Ressenti script tag, and the real collector
// (dist/collector/, on PGlite) mounted in the same server: POST /collect, the JSON API and the
// results dashboard at /results. Shop pages are sent with a strict Content-Security-Policy: the
// demo proves the widget needs no inline script or style.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { placeOrder, readCart, readOrder, sampleOrder, updateCart } from './cart.mjs';
import { ARTICLES, PRODUCTS } from './catalog.mjs';
import { pages } from './shop.mjs';
import { staticFile } from './static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CSP,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};
const MAX_BODY = 1 << 20;

const ROUTES = {
  '/': pages.home,
  '/cart': pages.cart,
  '/checkout': pages.checkout,
  '/checkout/done': pages.confirmation,
  '/orders/track': pages.track,
  '/inbox': pages.inbox,
  '/help': pages.help,
};

const send = (res, status, headers, body = '') => res.writeHead(status, headers).end(body);
const redirect = (res, location, cookies = []) => send(res, 303, { Location: location, 'Set-Cookie': cookies });
const cookie = (name, value, maxAge = 7 * 86400) =>
  `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${value ? maxAge : 0}; SameSite=Lax; HttpOnly`;

function readCookies(header = '') {
  const out = {};
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    try {
      out[name] = decodeURIComponent(rest.join('='));
    } catch {
      // a malformed cookie is as good as none
    }
  }
  return out;
}

/** The request body as text; bodies over MAX_BODY reject with status 413. */
const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => (size += chunk.length) <= MAX_BODY && chunks.push(chunk));
    req.on('end', () => (size > MAX_BODY ? reject(Object.assign(new Error('body too large'), { status: 413 })) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });

/** Form posts of the shop: cart and checkout. */
async function post(req, res, path, cart) {
  const form = new URLSearchParams(await readBody(req));
  const id = form.get('id');
  const quantity = Number(form.get('quantity') || 1);
  if (path === '/cart/add') {
    const current = cart.lines.find((l) => l.product.id === id)?.quantity || 0;
    const value = updateCart(cart, id, current + quantity);
    // The shop's script asks for JSON to stay on the page; without script, back to the cart.
    if (!String(req.headers.accept).includes('application/json')) return redirect(res, '/cart', [cookie('cart', value)]);
    const { count, value: cartValue } = readCart(value);
    return send(res, 200, { 'Content-Type': 'application/json', 'Set-Cookie': cookie('cart', value) }, JSON.stringify({ count, cartValue }));
  }
  if (path === '/cart/update') return redirect(res, '/cart', [cookie('cart', updateCart(cart, id, quantity))]);
  if (path === '/checkout') {
    if (!cart.count) return redirect(res, '/cart');
    const order = placeOrder(cart, { name: form.get('name'), shipping: form.get('shipping') });
    return redirect(res, '/checkout/done', [cookie('order', order, 30 * 86400), cookie('cart', '')]);
  }
  send(res, 404, {});
}

async function handle(req, res, collector) {
  // /collect, /login, /logout, /api/… and /results…: the collector's own routes.
  if (await collector.handle(req, res)) return;
  const { pathname: path } = new URL(req.url, 'http://demo');
  const cookies = readCookies(req.headers.cookie);
  const cart = readCart(cookies.cart);
  if (req.method === 'POST') return post(req, res, path, cart);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { Allow: 'GET, POST' });

  // surveys.json goes out as written: a broken edit shows how the widget reports bad definitions.
  const where =
    path === '/surveys.json' ? [here, 'surveys.json']
    : path.startsWith('/dist/') ? [dist, path.slice(6)]
    : path.startsWith('/assets/') ? [join(here, 'assets'), path.slice(8)]
    : undefined;
  if (where) {
    const file = await staticFile(...where, req.headers['accept-encoding']);
    return file ? send(res, 200, file.headers, file.body) : send(res, 404, {}, 'Not found');
  }

  const order = readOrder(cookies.order);
  if (path === '/checkout' && !cart.count) return redirect(res, '/cart');
  if (path === '/checkout/done' && !order) return redirect(res, '/');
  const [, section, slug] = path.split('/');
  const state = {
    cart,
    order: order || sampleOrder(),
    product: section === 'products' && PRODUCTS.find((p) => p.id === slug),
    article: section === 'help' && ARTICLES.find((a) => a.id === slug),
  };
  const render = ROUTES[path] || (state.product ? pages.product : state.article ? pages.article : undefined);
  const body = render?.(state);
  send(res, body ? 200 : 404, PAGE_HEADERS, String(body || pages.notFound(state)));
}

export const DEMO_TOKEN = 'demo';

/**
 * Starts the demo on `port` (0: any free one), its collector keeping events with PGlite in
 * `dataDir` (`memory://`: nothing on disk). Resolves with `{ url, collector, close() }` once it
 * listens; `close()` stops the server and the collector's database.
 */
export async function startDemo({ port = 8080, dataDir = join(here, '..', '.tmp', 'demo-data'), log = console.error } = {}) {
  // Imported here, not at the top: the collector is built (dist/collector/) by `npm run build`,
  // and the shop's pure modules stay importable without it.
  const { createCollector } = await import(new URL('../dist/collector/index.mjs', import.meta.url).href);
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  // The definitions as they are at start (restart after editing surveys.json): they give the
  // dashboard each question's kind and text.
  const surveys = JSON.parse(readFileSync(join(here, 'surveys.json'), 'utf8'));
  const collector = await createCollector({ dataDir, token: DEMO_TOKEN, surveys, log });
  const server = createServer((req, res) =>
    handle(req, res, collector).catch((err) => {
      if (err.status !== 413) console.error(err);
      if (!res.headersSent) send(res, err.status || 500, { 'Content-Type': 'text/plain' }, err.status ? err.message : 'Internal error');
    }),
  );
  try {
    await new Promise((listening, failed) => server.once('error', failed).listen(port, listening));
  } catch (err) {
    await collector.close();
    throw err;
  }
  let closing;
  const close = () =>
    (closing ??= new Promise((done) => server.close(done).closeAllConnections()).then(() => collector.close()));
  return { url: `http://localhost:${server.address().port}`, collector, close };
}

/**
 * Closes the demo on SIGINT (Ctrl-C), SIGTERM and SIGHUP, and when the process that started it
 * goes away: `npm run demo` runs the server under `sh`, which a SIGTERM to npm kills without
 * passing it on, so the server watches for being orphaned instead of running on unseen.
 */
function stopOnExit(close) {
  const parent = process.ppid;
  const stop = () => close().then(() => process.exit(0), (err) => (console.error(err), process.exit(1)));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
}

// `node demo/server.mjs`: PORT (default 8080); PGlite's data in .tmp/demo-data (DEMO_DATA_DIR).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 8080);
  if (!existsSync(join(dist, 'collector', 'index.mjs')) || !existsSync(join(dist, 'ressenti.min.js'))) {
    console.error('dist/ is missing: run `npm run build` first (`npm run demo` does).');
    process.exit(1);
  }
  startDemo({ port, dataDir: process.env.DEMO_DATA_DIR || undefined }).then(
    ({ url, close }) => {
      stopOnExit(close);
      console.log(`
Ressenti demo: the Atelier Nord shop
  Shop       ${url}/
  Results    ${url}/results   (sign in with the token: ${DEMO_TOKEN})
  Collector  POST ${url}/collect, JSON API at ${url}/api/… (Authorization: Bearer ${DEMO_TOKEN})

Try the journey: open a product and stay 15 s · add to cart · on the cart, leave through the
top of the window · check out · track the order · in /inbox click a score in the e-mail ·
read a help article to the end. The banner on every page says what to try; "Reset my survey
history" replays it. With the browser console open, data-debug explains every decision.
Then open ${url}/results: the answers, charts and comments update live as you answer.
Ctrl-C stops the demo.`);
    },
    (err) => {
      console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8081 npm run demo` : err.message);
      process.exit(1);
    },
  );
}
