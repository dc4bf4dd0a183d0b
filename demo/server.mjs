// `npm run demo`: the Atelier Nord shop with the Ressenti script tag, a collector at
// POST /collect and a results page, served by one zero-dependency Node server.
// Pages are sent with a strict Content-Security-Policy: the demo proves the widget needs no
// inline script or style.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCollector } from './collector.mjs';
import { resultsPage } from './results.mjs';
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
// The widget posts `text/plain` (a CORS-simple request), so these two headers are all a
// cross-origin collector needs; OPTIONS is answered for clients that preflight anyway.
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
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

/** The survey definitions for /results, read on every request so that edits show without a restart. */
function definitions() {
  try {
    return JSON.parse(readFileSync(join(here, 'surveys.json'), 'utf8'));
  } catch (err) {
    console.error(`demo/surveys.json: ${err.message}`);
    return {};
  }
}

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

async function collect(req, res, collector) {
  if (req.method === 'OPTIONS')
    return send(res, 204, { ...CORS, 'Access-Control-Allow-Methods': 'POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400' });
  if (req.method !== 'POST') return send(res, 405, { ...CORS, Allow: 'POST, OPTIONS' });
  const result = collector.receive(await readBody(req));
  // A body that is not `{events: [...]}` will not get better on retry: 400 is final for the widget.
  if (result.error) return send(res, 400, { ...CORS, 'Content-Type': 'text/plain; charset=utf-8' }, result.error);
  send(res, 204, CORS);
}

/** Form posts of the shop: cart, checkout, and clearing the results. */
async function post(req, res, path, cart, collector) {
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
  if (path === '/results/clear') {
    collector.clear();
    return redirect(res, '/results');
  }
  send(res, 404, {});
}

async function handle(req, res, collector) {
  const { pathname: path } = new URL(req.url, 'http://demo');
  if (path === '/collect') return collect(req, res, collector);
  const cookies = readCookies(req.headers.cookie);
  const cart = readCart(cookies.cart);
  if (req.method === 'POST') return post(req, res, path, cart, collector);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { Allow: 'GET, POST' });

  if (path === '/api/events') return send(res, 200, { ...CORS, 'Content-Type': 'application/json' }, JSON.stringify({ events: collector.events() }));
  if (path === '/api/events/count') return send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, JSON.stringify({ count: collector.events().length }));
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
  const body = path === '/results' ? resultsPage(collector.events(), definitions()) : render?.(state);
  send(res, body ? 200 : 404, PAGE_HEADERS, String(body || pages.notFound(state)));
}

/**
 * Starts the demo on `port` (0: any free one) with its events in `dataFile`; `print` gets one
 * line per new event. Resolves with `{ url, close() }` once it listens.
 */
export function startDemo({ port = 8080, dataFile = join(here, '.data', 'events.jsonl'), print = console.log } = {}) {
  const collector = createCollector(dataFile, print);
  const server = createServer((req, res) =>
    handle(req, res, collector).catch((err) => {
      if (err.status !== 413) console.error(err);
      if (!res.headersSent) send(res, err.status || 500, { ...CORS, 'Content-Type': 'text/plain' }, err.status ? err.message : 'Internal error');
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () =>
      resolve({ url: `http://localhost:${server.address().port}`, stored: collector.events().length, close: () => new Promise((done) => server.close(done).closeAllConnections()) }),
    );
  });
}

// `node demo/server.mjs`: PORT (default 8080) and the demo's own store in demo/.data/.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 8080);
  startDemo({ port }).then(
    ({ url, stored }) =>
      console.log(`
Ressenti demo: the Atelier Nord shop
  Shop       ${url}/
  Results    ${url}/results
  Collector  POST ${url}/collect   (kept in demo/.data/events.jsonl; GET ${url}/api/events)

Try the journey: open a product and stay 15 s · add to cart · on the cart, leave through the
top of the window · check out · track the order · in /inbox click a score in the e-mail ·
read a help article to the end. The banner on every page says what to try; "Reset my survey
history" replays it. With the browser console open, data-debug explains every decision.
${existsSync(join(dist, 'ressenti.min.js')) ? '' : '\n!  dist/ressenti.min.js is missing: run `npm run build` first (`npm run demo` does).\n'}
${stored} events stored so far. New events are printed below:`),
    (err) => {
      console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use: try PORT=8081 npm run demo` : err.message);
      process.exit(1);
    },
  );
}
