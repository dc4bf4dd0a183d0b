// The demo shop's server-side logic, in Node. Its HTTP server, with the collector mounted, is
// tested in test/browser/demo.test.ts (it needs the built dist/).
import { describe, expect, it } from 'vitest';
import { readCart, readOrder, updateCart } from '../../demo/cart.mjs';
import { trackingSteps } from '../../demo/shop.mjs';
import { negotiate } from '../../demo/static.mjs';

describe('demo shop state', () => {
  it('a tampered cart cookie keeps only known products with sane quantities', () => {
    const cart = readCart('fjord-mug:2,ghost:1,oak-lamp:-1,ripple-vase:x,linen-throw:99,fjord-mug:5');
    expect(cart.lines.map((l: { product: { id: string }; quantity: number }) => [l.product.id, l.quantity])).toEqual([['fjord-mug', 2], ['linen-throw', 9]]);
    expect(cart.value).toBe(2 * 24 + 9 * 89);
    expect(updateCart(cart, 'fjord-mug', 0)).toBe('linen-throw:9');
  });

  it('an order cookie that is not one of ours is no order', () => {
    expect(readOrder('garbage')).toBeUndefined();
    expect(readOrder(Buffer.from(JSON.stringify({ id: 'x', items: 'fjord-mug:1', shipping: 'standard' })).toString('base64url'))).toBeUndefined();
  });
});

describe('demo tracking page', () => {
  const DAY = 864e5;
  const now = Date.UTC(2026, 11, 2, 12);
  it('dates an order placed today all today, out for delivery included', () => {
    expect(new Set(trackingSteps(now - 3600e3, now).map((s: { date: string }) => s.date))).toEqual(new Set(['Wed 2 Dec']));
  });
  it('dates an older order from its day to today, never after today', () => {
    const steps = trackingSteps(now - 2 * DAY, now);
    expect(steps.map((s: { label: string; date: string }) => [s.label, s.date])).toEqual([
      ['Order placed', 'Mon 30 Nov'],
      ['Packed in Bergen', 'Mon 30 Nov'],
      ['Shipped with NordPost', 'Tue 1 Dec'],
      ['Out for delivery', 'Wed 2 Dec'],
      ['Delivered', 'Wed 2 Dec'],
    ]);
  });
});

describe('demo static files', () => {
  it('picks brotli, else gzip, and honours q=0', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiate('gzip, br;q=0')).toBe('gzip');
    expect(negotiate('identity')).toBeUndefined();
    expect(negotiate('*')).toBe('br');
    expect(negotiate(undefined)).toBeUndefined();
  });
});
