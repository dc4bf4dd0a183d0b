// The visitor's cart and last order, kept in cookies so they survive server restarts. Cookies
// come from the browser: everything read from them is checked.
import { PRODUCTS, SHIPPING } from './catalog.mjs';

const byId = new Map(PRODUCTS.map((p) => [p.id, p]));

/** Cart from its cookie: `fjord-mug:2,oak-lamp:1` → lines with product, quantity and totals. */
export function readCart(raw = '') {
  const lines = [];
  for (const part of raw.split(',')) {
    const [id, qty] = part.split(':');
    const quantity = Number(qty);
    if (byId.has(id) && Number.isInteger(quantity) && quantity > 0 && !lines.some((l) => l.product.id === id))
      lines.push({ product: byId.get(id), quantity: Math.min(quantity, 9) });
  }
  const value = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
  return { lines, value, count: lines.reduce((n, l) => n + l.quantity, 0) };
}

const cookieOf = (entries) => entries.map(([id, n]) => `${id}:${n}`).join(',');
const cartCookie = (cart) => cookieOf(cart.lines.map((l) => [l.product.id, l.quantity]));

/** The cart cookie value after setting `id` to `quantity` (0 removes it; unknown ids change nothing). */
export function updateCart(cart, id, quantity) {
  const q = new Map(cart.lines.map((l) => [l.product.id, l.quantity]));
  if (byId.has(id)) quantity > 0 ? q.set(id, Math.min(quantity, 9)) : q.delete(id);
  return cookieOf([...q]);
}

/** An order from its cookie (base64url JSON), or undefined when absent or tampered with. */
export function readOrder(raw) {
  try {
    const o = JSON.parse(Buffer.from(raw, 'base64url').toString());
    const cart = readCart(o.items);
    if (!/^RS-\d{5}$/.test(o.id) || !Number.isFinite(o.placed) || !cart.count || !SHIPPING[o.shipping]) return;
    return { ...o, name: String(o.name || '').slice(0, 40), cart, total: Math.round(100 * (cart.value + SHIPPING[o.shipping].price)) / 100 };
  } catch {
    return undefined;
  }
}

const encode = (order) => Buffer.from(JSON.stringify(order)).toString('base64url');

/** The order cookie value for a new order of this cart. */
export const placeOrder = (cart, { name, shipping }) =>
  encode({
    id: 'RS-' + (10000 + Math.floor(Math.random() * 90000)),
    placed: Date.now(),
    name: String(name || '').slice(0, 40),
    shipping: SHIPPING[shipping] ? shipping : 'standard',
    items: cartCookie(cart),
  });

/** The order shown on the tracking and e-mail pages before the visitor has placed one. */
export const sampleOrder = () =>
  readOrder(encode({ id: 'RS-10482', placed: Date.now() - 2 * 864e5, name: 'Camille', shipping: 'standard', items: 'fjord-mug:2,ripple-vase:1' }));
